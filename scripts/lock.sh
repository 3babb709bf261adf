#!/usr/bin/env bash
# Rewrite package-lock.json from package.json alone, with the machine's own npm, in a clean folder
# (no node_modules, no old lock), as CONTRIBUTING.md describes. Then check that `npm ci` accepts it.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp package.json "$work/"
# npm's EBADENGINE warnings (this machine's Node is older than the dependencies want) are kept out of
# sight unless a step fails.
log="$work/npm.log"
(cd "$work" && npm install --package-lock-only --no-audit --no-fund >"$log" 2>&1) \
  || { grep 'npm error' "$log" >&2; echo "lock: npm could not write a lock" >&2; exit 1; }
(cd "$work" && npm ci --dry-run --no-audit --no-fund >"$log" 2>&1) \
  || { grep 'npm error' "$log" >&2; echo "lock: npm ci refuses the new lock" >&2; exit 1; }
cp "$work/package-lock.json" package-lock.json
echo "package-lock.json rewritten with npm $(npm --version)"
