// `node --import ./test/support/module-log.mjs app.js`: records which modules the app loads.
import { register } from 'node:module';

register('./module-log-hooks.mjs', import.meta.url);
