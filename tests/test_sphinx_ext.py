"""The build extension's execution-cache guard: a changed package or data table re-runs pages."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from aicap import sphinx_ext


def _book(tmp_path: Path) -> SimpleNamespace:
    (tmp_path / "aicap").mkdir()
    (tmp_path / "aicap" / "model.py").write_text("RATE = 0.03\n")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "table.csv").write_text("year,value\n2024,1\n")
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "one.md").write_text("# One\n")
    cache = tmp_path / "_build" / ".jupyter_cache"
    env = SimpleNamespace(
        mystnb_config=SimpleNamespace(execution_cache_path=str(cache)),
        found_docs={"index", "chapters/one"},
    )
    config = SimpleNamespace(language="en")
    return SimpleNamespace(srcdir=str(tmp_path), env=env, cache=cache, config=config)


def _fill(cache: Path) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    (cache / "global.db").write_text("executed notebooks")


def test_fingerprint_follows_package_and_data_but_not_chapters(tmp_path):
    _book(tmp_path)
    first = sphinx_ext.inputs_fingerprint(tmp_path)
    (tmp_path / "chapters" / "one.md").write_text("# One, edited\n")  # jupyter-cache's own job
    assert sphinx_ext.inputs_fingerprint(tmp_path) == first
    (tmp_path / "data" / "table.csv").write_text("year,value\n2024,2\n")
    second = sphinx_ext.inputs_fingerprint(tmp_path)
    assert second != first
    (tmp_path / "aicap" / "model.py").write_text("RATE = 0.04\n")
    third = sphinx_ext.inputs_fingerprint(tmp_path)
    assert third not in {first, second}
    # a chapter's self-check questions are drawn by a code cell whose code does not change
    (tmp_path / "aicap" / "selfchecks").mkdir()
    (tmp_path / "aicap" / "selfchecks" / "one.toml").write_text('[[question]]\ntext = "Why?"\n')
    assert sphinx_ext.inputs_fingerprint(tmp_path) not in {first, second, third}


def test_only_an_edition_in_another_language_follows_the_package_translations(tmp_path):
    """A changed translation of the figures' words runs the Indonesian chapters again, not
    the English ones."""
    _book(tmp_path)
    english, indonesian = (sphinx_ext.inputs_fingerprint(tmp_path, lang) for lang in ("en", "id"))
    catalogue = tmp_path / "aicap" / "locale" / "id" / "LC_MESSAGES" / "figures" / "one.po"
    catalogue.parent.mkdir(parents=True)
    catalogue.write_text('msgid "hours"\nmsgstr "jam"\n')
    assert sphinx_ext.inputs_fingerprint(tmp_path, "en") == english
    assert sphinx_ext.inputs_fingerprint(tmp_path, "id") != indonesian


def test_cache_is_emptied_only_when_the_inputs_change(tmp_path):
    app = _book(tmp_path)
    _fill(app.cache)
    sphinx_ext.refresh_execution_cache(app)  # no fingerprint yet: start afresh
    assert app.aicap_inputs_changed and not app.cache.exists()
    assert sphinx_ext.outdated_pages(app, app.env, set(), set(), set()) == [
        "chapters/one",
        "index",
    ]

    _fill(app.cache)
    sphinx_ext.refresh_execution_cache(app)  # nothing changed: keep the executed notebooks
    assert not app.aicap_inputs_changed and (app.cache / "global.db").exists()
    assert sphinx_ext.outdated_pages(app, app.env, set(), set(), set()) == []

    (tmp_path / "data" / "table.csv").write_text("year,value\n2024,3\n")
    sphinx_ext.refresh_execution_cache(app)
    assert app.aicap_inputs_changed and not app.cache.exists()
