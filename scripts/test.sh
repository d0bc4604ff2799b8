#!/usr/bin/env bash
# The whole test suite, from a fresh clone on Debian or Ubuntu: installs the system packages and
# npm packages it needs when they are missing, builds, type-checks, lints (ESLint, Prettier, knip),
# then runs unit, component, integration (real S3 server: Ceph RGW; a shifted clock under faketime)
# and end-to-end (pseudo-terminal, X clipboard under Xvfb) tests; zsh and fish run the shell
# completion scripts.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=()
command -v radosgw >/dev/null 2>&1 || packages+=(radosgw)
command -v ceph-mon >/dev/null 2>&1 || packages+=(ceph-mon)
command -v ceph-osd >/dev/null 2>&1 || packages+=(ceph-osd)
command -v xvfb-run >/dev/null 2>&1 || packages+=(xvfb xauth)
command -v xclip >/dev/null 2>&1 || packages+=(xclip)
command -v faketime >/dev/null 2>&1 || packages+=(faketime)
command -v tmux >/dev/null 2>&1 || packages+=(tmux)
command -v zsh >/dev/null 2>&1 || packages+=(zsh)
command -v fish >/dev/null 2>&1 || packages+=(fish)
if [ ${#packages[@]} -gt 0 ]; then
  install=(apt-get install -y --no-install-recommends "${packages[@]}")
  if [ "$(id -u)" -ne 0 ]; then
    echo "test: missing system packages; install them with:" >&2
    echo "  sudo apt-get update && sudo ${install[*]}" >&2
    exit 1
  fi
  echo "test: installing ${packages[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${install[@]}" -qq >/dev/null
fi

bash scripts/ensure-npm-packages.sh
npm run --silent build
npx tsc --noEmit -p .
npm run --silent lint
exec xvfb-run -a npx vitest run "$@"
