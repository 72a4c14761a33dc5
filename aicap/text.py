"""Text built from the data: key-term lists for chapters and the glossary page."""

from __future__ import annotations

from IPython.display import Markdown

from aicap.data import load


def key_terms(chapter: str) -> Markdown:
    """The chapter's key terms, English and Indonesian, as a Markdown definition list."""
    terms = load("glossary")
    rows = terms[terms["chapter"] == chapter]
    if rows.empty:
        raise ValueError(f"chapter {chapter!r} has no terms in data/glossary.csv")
    lines = []
    for row in rows.itertuples():
        lines += [f"**{row.term}** (*{row.indonesian}*)", f": {row.definition}", ""]
    return Markdown("\n".join(lines))
