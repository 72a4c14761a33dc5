"""Self-check questions are consistent data and reach the page scrambled, not as plain text."""

from __future__ import annotations

import json
import re

import pytest

from aicap import selfcheck

from .conftest import CHAPTERS

STEMS = [path.stem for path in CHAPTERS]


@pytest.mark.parametrize("chapter", STEMS)
def test_every_chapter_has_at_least_five_valid_questions(chapter):
    questions = selfcheck.load_questions(chapter)  # raises on inconsistent data
    assert len(questions) >= 5, f"{chapter}: {len(questions)} self-check questions"
    assert any(question.kind == "number" for question in questions), "add a number question"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_the_chapter_shows_its_questions_with_every_value_they_name(path):
    text = path.read_text(encoding="utf-8")
    calls = re.findall(r'show_selfcheck\(\s*"(\w+)"(.*?)\n\)', text, flags=re.S)
    assert calls and calls[0][0] == path.stem, f"{path.name} must call show_selfcheck"
    passed = set(re.findall(r"(\w+)\s*=", calls[0][1]))
    needed = set().union(*(q.names() for q in selfcheck.load_questions(path.stem)))
    assert needed <= passed, f"{path.name}: show_selfcheck lacks {sorted(needed - passed)}"


def _example(tmp_path):
    (tmp_path / "demo.toml").write_text(
        """
[[question]]
id = "d-1"
text = "Pick B."
[[question.option]]
text = "A"
why = "A is tempting because it comes first."
[[question.option]]
text = "B"
correct = true
why = "B is the one the question asks for."

[[question]]
id = "d-2"
kind = "number"
text = "What is {x:.1f} doubled?"
answer = "twice"
tolerance = 0.05
why = "Twice {x:.1f} is {twice:.1f}."
[[question.mistake]]
answer = "x"
why = "That is the number itself, not doubled."
""",
        encoding="utf-8",
    )
    return tmp_path


def test_answers_are_scrambled_in_the_page_and_recoverable_by_the_script(tmp_path, monkeypatch):
    monkeypatch.setattr(selfcheck, "FOLDER", _example(tmp_path))
    page = selfcheck.selfcheck_html("demo", x=2.5, twice=5.0)
    assert "B is the one the question asks for" not in page and "Twice 2.5" not in page
    assert "What is 2.5 doubled?" in page  # the question itself is plain, with its number
    key = re.search(r'data-quiz="([^"]+)"', page).group(1)
    answers = json.loads(selfcheck.unscramble(re.search(r'data-answers="([^"]+)"', page)[1], key))
    shown = re.findall(r"<li>([AB])</li>", page)  # the options in the order the page shows
    assert shown[answers["d-1"]["correct"]] == "B"
    assert answers["d-2"]["answer"] == 5.0 and answers["d-2"]["mistakes"][0][0] == 2.5


def test_a_missing_value_or_bad_data_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(selfcheck, "FOLDER", _example(tmp_path))
    with pytest.raises(ValueError, match=r"needs these values from the chapter: \['twice'\]"):
        selfcheck.selfcheck_html("demo", x=2.5)
    with pytest.raises(ValueError, match="finite number"):
        selfcheck.selfcheck_html("demo", x=float("nan"), twice=1.0)
    (tmp_path / "bad.toml").write_text(
        '[[question]]\nid = "b"\ntext = "?"\n[[question.option]]\ntext = "A"\nwhy = "a"\n'
        'correct = true\n[[question.option]]\ntext = "B"\nwhy = "b"\ncorrect = true\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="exactly one correct"):
        selfcheck.load_questions("bad", tmp_path)


def test_the_right_answer_is_not_always_written_first_on_the_page(tmp_path, monkeypatch):
    monkeypatch.setattr(selfcheck, "FOLDER", _example(tmp_path))
    (tmp_path / "first.toml").write_text(
        "".join(
            f'[[question]]\nid = "f-{n}"\ntext = "Q{n}"\n'
            f'[[question.option]]\ntext = "right {n}"\ncorrect = true\nwhy = "r"\n'
            f'[[question.option]]\ntext = "wrong {n}a"\nwhy = "w"\n'
            f'[[question.option]]\ntext = "wrong {n}b"\nwhy = "w"\n'
            for n in range(6)
        ),
        encoding="utf-8",
    )
    page = selfcheck.selfcheck_html("first")
    key = re.search(r'data-quiz="([^"]+)"', page).group(1)
    answers = json.loads(selfcheck.unscramble(re.search(r'data-answers="([^"]+)"', page)[1], key))
    positions = [answers[f"f-{n}"]["correct"] for n in range(6)]
    assert 0 not in positions or len(set(positions)) > 1
    assert all(re.search(rf"<li>right {n}</li>", page) for n in range(6))
