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

/** Header values that carry credentials. */
export function redactHeaders(headers: Record<string, string | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = /^(authorization|x-amz-security-token|x-amz-content-sha256)$/i.test(name) && value ? 'REDACTED' : value;
  }
  return out;
}
