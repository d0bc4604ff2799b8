/**
 * Processes the app starts that need no credentials (the clipboard tools, the clipboard-clearing
 * helper) get the environment without them: whatever a process holds in its environment can be
 * read from /proc/PID/environ for as long as it runs (xsel keeps running to hold the selection).
 */
const CREDENTIAL_LIKE = /^AWS_|SECRET|TOKEN|PASSWORD|PASSWD|CREDENTIAL|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY/i;

export function helperEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const kept: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && !CREDENTIAL_LIKE.test(name)) kept[name] = value;
  }
  return kept;
}

/**
 * Runs `work` with process.env stripped as above, for a library that spawns with the inherited
 * environment and takes no env option (clipboardy, through execa). The variables are back as soon
 * as the work settles; only the helper processes it starts in between see the stripped set.
 */
export async function withHelperEnvironment<T>(work: () => Promise<T>): Promise<T> {
  const full = process.env;
  process.env = helperEnvironment(full);
  try {
    return await work();
  } finally {
    process.env = full;
  }
}
