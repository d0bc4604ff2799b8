import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../src/core/redact.js';

describe('redactUrl', () => {
  it('replaces every access-granting parameter and keeps the rest', () => {
    const url =
      'https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20261128%2Fus-east-1%2Fs3%2Faws4_request' +
      '&X-Amz-Date=20261128T000000Z&X-Amz-Expires=60&X-Amz-Security-Token=FwoG%2Ftoken&X-Amz-Signature=abcdef&X-Amz-SignedHeaders=host';
    const redacted = redactUrl(url);
    expect(redacted).not.toMatch(/AKID|token|abcdef/);
    expect(redacted).toContain('X-Amz-Credential=REDACTED');
    expect(redacted).toContain('X-Amz-Security-Token=REDACTED');
    expect(redacted).toContain('X-Amz-Signature=REDACTED');
    expect(redacted).toContain('X-Amz-Expires=60');
  });

  it('works on lower-case parameter names too', () => {
    expect(redactUrl('?x-amz-signature=abc')).toBe('?x-amz-signature=REDACTED');
  });
});
