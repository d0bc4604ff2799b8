/** Query parameters of a presigned URL that grant access (or identify who granted it). */
const SECRET_PARAMS = ['X-Amz-Signature', 'X-Amz-Credential', 'X-Amz-Security-Token'];

/** A URL or query string with every access-granting parameter's value replaced. */
export function redactUrl(text: string): string {
  let redacted = text;
  for (const name of SECRET_PARAMS) {
    redacted = redacted.replace(new RegExp(`(${name}=)[^&\\s"]*`, 'gi'), '$1REDACTED');
  }
  return redacted;
}
