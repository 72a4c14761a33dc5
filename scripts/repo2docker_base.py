"""Write tests/repo2docker_base.txt: the Python packages of mybinder.org's base environment.

repo2docker builds every Binder image on a conda environment frozen in its repository
(``repo2docker/buildpacks/conda/environment.py-3.11-linux-64.lock``); the book's Binder test
installs the same packages at the same versions from PyPI before it follows repo2docker's
own steps. Refresh when repo2docker refreshes its lock:

    python scripts/repo2docker_base.py <path of that lock file> <repo2docker commit>
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

#: conda-forge names whose PyPI name differs.
PYPI_NAMES = {
    "brotli-python": "brotli",
    "nbconvert-core": "nbconvert",
    "jupyterhub-base": "jupyterhub",
    "python-fastjsonschema": "fastjsonschema",
}
#: Installed by the test's own virtual environment, or not Python packages on PyPI.
SKIP = {"pip", "python"}


def main(lock: Path, commit: str) -> None:
    text = lock.read_text(encoding="utf-8")
    frozen = re.search(r"^# Frozen on (.+)$", text, re.M)
    lines = [
        "# mybinder.org's base environment for Python 3.11: the Python packages of repo2docker's",
        f"# {lock.name} (repo2docker commit {commit}, frozen {frozen[1] if frozen else '?'}),",
        "# as pip constraints. Written by scripts/repo2docker_base.py; used by the Binder test.",
    ]
    packages = {}
    for line in text.splitlines():
        match = re.search(
            r"/(?:noarch|linux-64)/(?P<name>.+)-(?P<version>[^-]+)-(?P<build>[^-]+)"
            r"\.(?:conda|tar\.bz2)#",
            line,
        )
        if match and match["build"].startswith("py") and match["name"] not in SKIP:
            packages[PYPI_NAMES.get(match["name"], match["name"])] = match["version"]
    lines += [f"{name}=={version}" for name, version in sorted(packages.items())]
    out = Path(__file__).resolve().parents[1] / "tests" / "repo2docker_base.txt"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(packages)} packages to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
