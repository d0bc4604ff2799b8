/**
 * Carries an MFA code from the screen to the SDK. The SDK asks for a code in the middle of a
 * request (assuming a role with `mfa_serial`); `ask` waits until the person answers on screen.
 */
export interface MfaChannel {
  /** Called by the credential provider; resolves with the code the person typed. */
  ask(serial: string): Promise<string>;
  /** Called by the app with the typed code, or null when the person cancelled. */
  answer(code: string | null): void;
  /** The app listens so it can show the prompt. */
  onAsk(listener: (serial: string) => void): () => void;
}

export function createMfaChannel(): MfaChannel {
  const listeners = new Set<(serial: string) => void>();
  let pending: { resolve(code: string): void; reject(error: Error): void } | undefined;
  return {
    ask(serial) {
      pending?.reject(new Error('MFA prompt replaced by a newer one.'));
      return new Promise<string>((resolve, reject) => {
        pending = { resolve, reject };
        for (const listener of listeners) listener(serial);
      });
    },
    answer(code) {
      const waiting = pending;
      pending = undefined;
      if (!waiting) return;
      if (code === null) waiting.reject(new Error('No MFA code given: the role was not assumed.'));
      else waiting.resolve(code);
    },
    onAsk(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
