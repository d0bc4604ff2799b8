// Bundles src/cli.ts into dist/: the non-interactive path in the entry chunk, Ink/React and the
// screens in a chunk loaded only for the interactive mode.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Start-up patches to dependencies, applied to their text as it is bundled. Each names the exact
 * text it replaces and fails the build when that text is gone (an upgrade changed it). None
 * changes what is drawn; `npm run bench` (figure c) shows what each saves.
 */
function patch(name, filter, edits) {
  return {
    name,
    setup(b) {
      b.onLoad({ filter }, (args) => {
        let text = readFileSync(args.path, 'utf8');
        const changes = edits(text, args.path);
        if (!changes) return undefined;
        for (const [from, to] of changes) {
          if (!text.includes(from))
            throw new Error(`${name}: ${args.path} no longer contains ${JSON.stringify(from.slice(0, 60))}`);
          text = text.replace(from, to);
        }
        return { contents: text, loader: 'js' };
      });
    },
  };
}

const wasmDataUrl = /"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/;
const plugins = [
  // yoga-layout's emscripten loader fetch()es its own data: URL when no bytes are given, which
  // loads Node's undici and decodes the base64 there (~45 ms). Hand it the bytes instead.
  patch('yoga-wasm-bytes', /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/, (text) => {
    const match = wasmDataUrl.exec(text);
    if (!match) throw new Error('yoga-wasm-bytes: the wasm data: URL is gone');
    return [
      [match[0], '"data:application/octet-stream;base64,"'],
      ['export default loadYoga;', `export default loadYoga;\nexport const wasmBase64 = ${JSON.stringify(match[1])};`],
    ];
  }),
  patch('yoga-wasm-bytes', /yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/, () => [
    [
      "import loadYoga from '../binaries/yoga-wasm-base64-esm.js';",
      "import loadYoga, { wasmBase64 } from '../binaries/yoga-wasm-base64-esm.js';",
    ],
    ['await loadYoga()', "await loadYoga({ wasmBinary: Buffer.from(wasmBase64, 'base64') })"],
  ]),
  // string-width 8 compiles /^\p{RGI_Emoji}$/v (~10-30 ms) on its first non-ASCII text ("❯", "─").
  // Only a cluster holding one of these code points can be an RGI emoji, so test for them first.
  // (wrap-ansi's own string-width 7 is a different file, left alone.)
  patch('string-width-emoji-precheck', /node_modules[\\/]string-width[\\/]index\.js$/, (text, path) =>
    path !== join(root, 'node_modules', 'string-width', 'index.js')
      ? undefined
      : [
          [
            'const rgiEmojiRegex =',
            'const mayBeRgiEmoji = /[\\p{Extended_Pictographic}\\p{Emoji_Presentation}\\u20E3\\uFE0F]/u;\nconst rgiEmojiRegex =',
          ],
          ['if (rgiEmojiRegex.test(segment) ||', 'if ((mayBeRgiEmoji.test(segment) && rgiEmojiRegex.test(segment)) ||'],
        ],
  ),
  // Ink turns every cell of the frame back into a string through diffAnsiCodes (three Sets per
  // cell, hot enough to get optimized on the first frames). Two neighbours in the same style need no codes.
  patch('ansi-tokenize-same-style', /@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/, () => [
    [
      'export function styledCharsToString(chars) {',
      'function sameCodes(a, b) {\n    if (a === b) return true;\n    if (a.length !== b.length) return false;\n    for (let i = 0; i < a.length; i++) if (a[i].code !== b[i].code) return false;\n    return true;\n}\nexport function styledCharsToString(chars) {',
    ],
    [
      '            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
      '            if (!sameCodes(chars[i - 1].styles, char.styles)) ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
    ],
    [
      '            ret += ansiCodesToString(diffAnsiCodes(char.styles, []));',
      '            if (char.styles.length > 0) ret += ansiCodesToString(diffAnsiCodes(char.styles, []));',
    ],
  ]),
];
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

rmSync(`${root}/dist`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  // The clipboard writer and clearer and the URL opener sit beside the chunks that start them (see
  // src/adapters/clipboard.ts and src/adapters/opener.ts).
  entryPoints: {
    cli: 'src/cli.ts',
    'chunks/clear-clipboard': 'src/clear-clipboard.ts',
    'chunks/copy-to-clipboard': 'src/copy-to-clipboard.ts',
    'chunks/open-url': 'src/open-url.ts',
  },
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
  // clipboardy finds its bundled xsel next to its own files, and open its xdg-open: runtime imports.
  external: ['clipboardy', 'open'],
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
  plugins,
  logLevel: 'warning',
});
