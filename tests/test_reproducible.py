"""The same book from the same commit: two builds, in different folders and at different times,
give byte-identical sites. Only the execution report (the page that lists when and how long
each chapter ran) may differ."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.build

#: The one page whose content is a record of the build itself (run times, dates).
REPORT = {"execution_status.html"}
COPY_IGNORE = shutil.ignore_patterns(
    ".venv",
    "_build",
    ".git",
    "notebooks",
    "__pycache__",
    "*.egg-info",
    ".pytest_cache",
    ".ruff_cache",
    "build",
)


def _digests(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.name not in REPORT
    }


@pytest.fixture(scope="module")
def second_build(built_site, tmp_path_factory) -> Path:
    """The same commit built again from a copy in another folder, with an empty cache."""
    copy = tmp_path_factory.mktemp("again") / "book"
    shutil.copytree(ROOT, copy, ignore=COPY_IGNORE)
    command = [
        str(Path(sys.executable).with_name("jupyter-book")),
        "build",
        "--all",
        "-n",
        "-W",
        "--keep-going",
        str(copy),
    ]
    environment = {k: v for k, v in os.environ.items() if k != "AICAP_SITE"}
    result = subprocess.run(command, capture_output=True, text=True, cwd=copy, env=environment)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return copy / "_build" / "html"


def test_two_builds_of_one_commit_are_byte_identical(built_site, second_build):
    first, second = _digests(built_site), _digests(second_build)
    assert sorted(first) == sorted(second), set(first) ^ set(second)
    different = sorted(name for name in first if first[name] != second[name])
    assert not different, f"{len(different)} files differ, e.g. {different[:10]}"
