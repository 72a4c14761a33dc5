"""The locked environment: every package a reader or author installs is pinned, with hashes, and
the two lock files agree with each other and with what the ``.in`` files ask for."""

from __future__ import annotations

import re

import pytest
from packaging.requirements import Requirement

from .conftest import ROOT

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?==([^\s;\\]+)", re.M)


def _pins(name: str) -> dict[str, str]:
    text = (ROOT / name).read_text(encoding="utf-8")
    return {package.lower().replace("_", "-"): version for package, _, version in PIN.findall(text)}


@pytest.mark.parametrize("name", ["requirements.txt", "requirements-dev.txt"])
def test_every_package_is_pinned_with_hashes(name):
    text = (ROOT / name).read_text(encoding="utf-8")
    entries = [block for block in re.split(r"\n(?=[A-Za-z0-9])", text) if PIN.match(block)]
    assert len(entries) > 100, f"{name} lists only {len(entries)} packages"
    unhashed = [entry.split()[0] for entry in entries if "--hash=sha256:" not in entry]
    assert not unhashed, f"{name}: packages without hashes: {unhashed}"
    assert "make lock" in text.splitlines()[1], "the lock says how it is refreshed"


def test_the_two_lock_files_agree():
    reader, author = _pins("requirements.txt"), _pins("requirements-dev.txt")
    assert set(reader) <= set(author)
    assert {k: v for k, v in reader.items() if author[k] != v} == {}


@pytest.mark.parametrize(
    ("source", "lock"),
    [("requirements.in", "requirements.txt"), ("requirements-dev.in", "requirements-dev.txt")],
)
def test_the_lock_satisfies_what_its_input_asks_for(source, lock):
    pins = _pins(lock)
    for line in (ROOT / source).read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if not line or line.startswith("-"):
            continue
        wanted = Requirement(line)
        name = wanted.name.lower().replace("_", "-")
        assert name in pins, f"{source} asks for {wanted.name}, which {lock} lacks"
        assert wanted.specifier.contains(pins[name], prereleases=True), (wanted, pins[name])
