#!/usr/bin/env bash
# Builds everything and serves the lesson on localhost (prints the URL). Usage: npm start
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
exec node scripts/serve.mjs --root web "$@"
