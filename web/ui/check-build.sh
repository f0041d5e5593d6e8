#!/usr/bin/env bash
# Rebuilds the dashboard from web/ui/src with the exact packages of
# package-lock.json and fails if the result differs from the committed
# web/ui/dist: the embedded assets must be the build of the sources beside
# them. Needs Node.js and npm (and the npm registry, for npm ci).
#
#   web/ui/check-build.sh
set -euo pipefail
cd "$(dirname "$0")"
repo=$(git rev-parse --show-toplevel)

npm ci --no-audit --no-fund --loglevel=error
npm run --silent build

cd "$repo"
status=0
if ! git diff --exit-code --stat -- web/ui/dist; then
  echo "web/ui/dist differs from the build of web/ui/src: run 'cd web/ui && npm ci && npm run build' and commit web/ui/dist" >&2
  status=1
fi
untracked=$(git ls-files --others --exclude-standard -- web/ui/dist)
if [ -n "$untracked" ]; then
  echo "the build makes files that are not committed:" >&2
  echo "$untracked" >&2
  status=1
fi
if [ "$status" -eq 0 ]; then
  echo "web/ui/dist is the build of web/ui/src"
fi
exit "$status"
