import { printable } from './printable.js';

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

/** `scheme://user:password@host` anywhere in a text: the user and password go (a message is no place for them). */
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^/?#@\s]*@/gi;

export function redactUserinfo(text: string): string {
  return text.replace(USERINFO, '$1…@');
}

/** An endpoint URL as messages show it: without user or password, control characters escaped. */
export function shownEndpoint(endpoint: string): string {
  return printable(redactUserinfo(endpoint));
}
