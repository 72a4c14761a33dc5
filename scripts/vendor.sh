#!/usr/bin/env bash
# Refresh the third-party files the site serves itself (so no page needs a CDN).
# Fetches pinned packages from the npm registry, copies only the files the site uses into
# _vendor/, and rewrites _vendor/MANIFEST.txt (package, version, sha256 of every file).
# Usage: scripts/vendor.sh   (needs npm; run by hand when upgrading, then commit _vendor/)
set -euo pipefail
cd "$(dirname "$0")/.."
MATHJAX_VERSION=3.2.2
AXE_VERSION=4.14.1   # test-only: accessibility scanner injected by the browser tests

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "mathjax@${MATHJAX_VERSION}" >/dev/null && tar xzf "mathjax-${MATHJAX_VERSION}.tgz")
mkdir -p "$work/axe"
(cd "$work" && npm pack --silent "axe-core@${AXE_VERSION}" >/dev/null && tar xzf "axe-core-${AXE_VERSION}.tgz" -C axe)

rm -rf _vendor/mathjax
mkdir -p _vendor/mathjax/output/chtml/fonts
cp "$work/package/es5/tex-chtml.js" _vendor/mathjax/
cp -r "$work/package/es5/output/chtml/fonts/woff-v2" _vendor/mathjax/output/chtml/fonts/
cp "$work/package/LICENSE" _vendor/mathjax/LICENSE
mkdir -p tests/browser/vendor
cp "$work/axe/package/axe.min.js" tests/browser/vendor/axe.min.js
cp "$work/axe/package/LICENSE" tests/browser/vendor/axe-LICENSE

{
  echo "# Vendored files served by the site itself. Regenerate with scripts/vendor.sh."
  echo "# package version: mathjax ${MATHJAX_VERSION} (npm), Apache-2.0"
  echo "# sha256  path"
  (cd _vendor && find mathjax -type f | LC_ALL=C sort | xargs sha256sum)
} > _vendor/MANIFEST.txt
{
  echo "# Test-only vendored files. Regenerate with scripts/vendor.sh."
  echo "# package version: axe-core ${AXE_VERSION} (npm), MPL-2.0"
  echo "# sha256  path"
  (cd tests/browser/vendor && sha256sum axe.min.js axe-LICENSE)
} > tests/browser/vendor/MANIFEST.txt
echo "Vendored mathjax ${MATHJAX_VERSION}: $(du -sh _vendor/mathjax | cut -f1)"
