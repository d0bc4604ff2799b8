#!/usr/bin/env bash
# `npm run demo`: try every screen of s3share-tui without an AWS account. From a fresh clone it
# installs the locked npm packages, builds dist/, then runs the app against a local S3 server
# (s3rver, seeded with demo buckets) through throw-away profiles `demo` and `demo-eu`.
# Arguments are passed to the app, e.g. `npm run demo -- --profile demo-eu`.
# Everything it starts or writes is stopped and removed when the app exits.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-npm-packages.sh
npm run --silent build
exec node scripts/demo/launch.mjs "$@"
