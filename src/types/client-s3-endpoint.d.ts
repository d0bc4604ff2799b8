// The S3 client's endpoint rules, imported without the client (see src/adapters/aws-presign.ts).
declare module '@aws-sdk/client-s3/dist-es/endpoint/endpointResolver.js' {
  export { defaultEndpointResolver } from '@aws-sdk/client-s3/dist-types/endpoint/endpointResolver.js';
}
