// Bundles src/cli.ts into dist/: the non-interactive path in the entry chunk, Ink/React and the
// screens in a chunk loaded only for the interactive mode.
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

rmSync(`${root}/dist`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  // The clipboard clearer sits beside the chunks that start it (see src/adapters/clipboard.ts).
  entryPoints: { cli: 'src/cli.ts', 'chunks/clear-clipboard': 'src/clear-clipboard.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'linked',
  // clipboardy finds its bundled xsel next to its own files, so it stays a runtime import.
  external: ['clipboardy'],
  alias: { 'react-devtools-core': './scripts/stubs/react-devtools-core.js' },
  define: {
    'process.env.NODE_ENV': '"production"',
    S3SHARE_VERSION: JSON.stringify(version),
  },
  banner: {
    js: [
      '#!/usr/bin/env node',
      "import { createRequire as __s3shareCreateRequire } from 'node:module';",
      'const require = __s3shareCreateRequire(import.meta.url);',
    ].join('\n'),
  },
  logLevel: 'warning',
});
