/** Where the project and its built app are, for tests that run the app as a user would. */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The built app (`npm run build`); S3SHARE_E2E_CLI points the tests at another build of it. */
export const CLI = process.env.S3SHARE_E2E_CLI
  ? resolve(process.env.S3SHARE_E2E_CLI)
  : resolve(PROJECT_ROOT, 'dist/cli.js');
