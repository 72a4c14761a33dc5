"""Vendored third-party files match the versions and checksums recorded for them."""

import hashlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MANIFESTS = [ROOT / "tests" / "browser" / "vendor" / "MANIFEST.txt"]


@pytest.mark.parametrize("manifest", MANIFESTS, ids=lambda p: p.parent.name)
def test_vendored_files_match_manifest(manifest):
    lines = [ln for ln in manifest.read_text().splitlines() if ln and not ln.startswith("#")]
    assert lines
    for line in lines:
        digest, relative = line.split(maxsplit=1)
        path = manifest.parent / relative
        assert path.exists(), f"{relative} listed in {manifest.name} is missing"
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, f"{relative} changed"
