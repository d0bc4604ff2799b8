import { describe, expect, it } from 'vitest';
import { parseErrorDocument } from '../../src/adapters/link-fetch.js';

describe('S3 error documents', () => {
  it('reads Code, Message and the archive fields', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InvalidObjectState</Code>' +
      '<Message>The operation is not valid for the object&apos;s storage class</Message>' +
      '<StorageClass>INTELLIGENT_TIERING</StorageClass><AccessTier>ARCHIVE_ACCESS</AccessTier><RequestId>1</RequestId></Error>';
    expect(parseErrorDocument(xml)).toEqual({
      code: 'InvalidObjectState',
      message: "The operation is not valid for the object's storage class",
      storageClass: 'INTELLIGENT_TIERING',
      accessTier: 'ARCHIVE_ACCESS',
    });
  });

  it('leaves out what is absent or empty (RGW sends an empty Message)', () => {
    expect(parseErrorDocument('<Error><Code>AccessDenied</Code><Message></Message></Error>')).toEqual({
      code: 'AccessDenied',
    });
    expect(parseErrorDocument('')).toEqual({});
    expect(parseErrorDocument('not xml at all')).toEqual({});
  });
});
