"""The book's own package: data loader, models, figures and the one interactive-figure pattern.

Layout (one direction only)::

    data/<table>.csv  ->  aicap.data.load()  ->  aicap.models.<chapter>  ->
    aicap.figures.<chapter> (plot functions, interactive figures)  ->  chapter cell
"""

__version__ = "0.1.0"


def build_id() -> str:
    """A fingerprint of this copy of the package: its code, scripts and data tables.

    Two copies with the same files give the same value, however they were installed (a
    checkout, a wheel, Binder's ``pip install .``); a reader notebook compares it with the
    build it was made for (:data:`aicap.notebooks.BOOTSTRAP`).
    """
    import hashlib
    from pathlib import Path

    from aicap.data import data_dir

    digest = hashlib.sha256()
    package = Path(__file__).parent
    files = [
        ("aicap", p)
        for p in package.rglob("*.py")
        if "__pycache__" not in p.parts and p.relative_to(package).parts[0] != "datasets"
    ]
    files += [("aicap", p) for p in (package / "static").glob("*") if p.is_file()]
    files += [("aicap", p) for p in (package / "selfchecks").glob("*.toml")]
    tables = data_dir()
    files += [("datasets", p) for pattern in ("*.csv", "*.toml") for p in tables.glob(pattern)]
    root = {"aicap": package, "datasets": tables}
    for kind, path in sorted(
        files, key=lambda item: (item[0], item[1].relative_to(root[item[0]]).as_posix())
    ):
        name = f"{kind}/{path.relative_to(root[kind]).as_posix()}"
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
