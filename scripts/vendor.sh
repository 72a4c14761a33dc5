#!/usr/bin/env bash
# Refresh the third-party files the browser tests use (the site itself needs none: its maths
# is MathML drawn at build time). Fetches the pinned package from the npm registry and
# rewrites tests/browser/vendor/MANIFEST.txt (package, version, sha256 of every file).
# Usage: scripts/vendor.sh   (needs npm; run by hand when upgrading, then commit the files)
set -euo pipefail
cd "$(dirname "$0")/.."
AXE_VERSION=4.14.1   # test-only: accessibility scanner injected by the browser tests

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/axe"
(cd "$work" && npm pack --silent "axe-core@${AXE_VERSION}" >/dev/null && tar xzf "axe-core-${AXE_VERSION}.tgz" -C axe)

mkdir -p tests/browser/vendor
cp "$work/axe/package/axe.min.js" tests/browser/vendor/axe.min.js
cp "$work/axe/package/LICENSE" tests/browser/vendor/axe-LICENSE

{
  echo "# Test-only vendored files. Regenerate with scripts/vendor.sh."
  echo "# package version: axe-core ${AXE_VERSION} (npm), MPL-2.0"
  echo "# sha256  path"
  (cd tests/browser/vendor && sha256sum axe.min.js axe-LICENSE)
} > tests/browser/vendor/MANIFEST.txt
echo "Vendored axe-core ${AXE_VERSION}"
