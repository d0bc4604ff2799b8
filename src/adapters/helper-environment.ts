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
