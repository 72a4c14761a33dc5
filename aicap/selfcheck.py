"""Self-check questions with instant feedback, on the page and in a notebook.

Each chapter's questions are data: ``aicap/selfchecks/<chapter>.toml`` (installed with the
package, so a notebook on Colab finds them). A question is either a choice (exactly one
correct option; every option says *why* it is right or tempting-but-wrong) or a number (the
answer is a value the chapter computes with its models and passes to :func:`show_selfcheck`,
so it cannot drift from the text; a ``tolerance``; and the *mistakes* students make, each a
computed value with its explanation). Numbers in a question's text are placeholders too:
``{peak:.1f}`` is filled from the values the chapter passes.

:func:`show_selfcheck` shows the questions as plain text (readable with JavaScript off); the
book's script (``aicap/static/aicap.js``) turns each into a form with radio buttons or a number
field, a *Check* button and a feedback line read out to screen readers. The answers travel in
the page scrambled (XOR with the quiz's name, then base64), so they can be checked but not read
off the page source as plain text, in the student edition too.

No maintained quiz library fits: jupyterquiz, the nearest, builds its answers from ``<div>``
elements that a keyboard cannot reach, and loads MathJax from a CDN.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import string
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aicap.i18n import _, edition_numbers

FOLDER = Path(__file__).parent / "selfchecks"


@dataclass(frozen=True)
class Option:
    text: str
    why: str
    correct: bool = False


@dataclass(frozen=True)
class Mistake:
    """A tempting wrong number (the name of a value the chapter passes) and why it is wrong."""

    answer: str
    why: str


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    kind: str = "choice"
    options: tuple[Option, ...] = ()
    answer: str = ""  # number questions: the name of the value the chapter passes
    tolerance: float = 0.0
    unit: str = ""
    why: str = ""
    mistakes: tuple[Mistake, ...] = field(default_factory=tuple)

    def names(self) -> set[str]:
        """The values the chapter must pass for this question."""
        used = {name for text in self._texts() for name in _placeholders(text)}
        if self.kind == "number":
            used |= {self.answer} | {mistake.answer for mistake in self.mistakes}
        return used

    def _texts(self) -> list[str]:
        return [
            self.text,
            self.why,
            *(o.text for o in self.options),
            *(o.why for o in self.options),
            *(m.why for m in self.mistakes),
        ]


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def load_questions(chapter: str, folder: Path | None = None) -> list[Question]:
    """The questions of ``chapter``, checked: unique ids, exactly one correct option per choice
    question, an explanation for every option, and for every number question an answer, a
    tolerance, an explanation and at least one tempting mistake."""
    path = (folder or FOLDER) / f"{chapter}.toml"
    if not path.exists():
        raise ValueError(f"no self-check questions for chapter {chapter!r} ({path} is missing)")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    questions = []
    for raw in data.get("question", []):
        where = f"{path.name}: question {raw.get('id', '?')!r}"
        kind = raw.get("kind", "choice")
        options = tuple(
            Option(o["text"], o["why"], bool(o.get("correct", False)))
            for o in raw.get("option", [])
        )
        mistakes = tuple(Mistake(m["answer"], m["why"]) for m in raw.get("mistake", []))
        question = Question(
            id=raw["id"],
            text=raw["text"],
            kind=kind,
            options=options,
            answer=raw.get("answer", ""),
            tolerance=float(raw.get("tolerance", 0.0)),
            unit=raw.get("unit", ""),
            why=raw.get("why", ""),
            mistakes=mistakes,
        )
        if kind == "choice":
            if sum(option.correct for option in options) != 1 or len(options) < 2:
                raise ValueError(f"{where}: a choice needs 2+ options and exactly one correct")
            if not all(option.why.strip() for option in options):
                raise ValueError(f"{where}: every option needs a 'why'")
        elif kind == "number":
            if not question.answer or question.tolerance <= 0 or not question.why or not mistakes:
                raise ValueError(
                    f"{where}: a number question needs answer, tolerance > 0, why and a mistake"
                )
        else:
            raise ValueError(f"{where}: kind must be 'choice' or 'number'; got {kind!r}")
        questions.append(question)
    ids = [question.id for question in questions]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{path.name}: question ids repeat: {ids}")
    return questions


def _shuffled(options: tuple[Option, ...], seed: str) -> list[Option]:
    """The options in an order fixed by the question's id but not the order written (authors
    tend to write the right answer first; readers learn to pick the first)."""
    order = sorted(
        range(len(options)), key=lambda i: hashlib.sha256(f"{seed}:{i}".encode()).digest()
    )
    if order == list(range(len(options))):  # the written order: turn it once
        order = order[1:] + order[:1]
    return [options[i] for i in order]


def _scramble(text: str, key: str) -> str:
    """``text`` XOR-ed with ``key`` and base64-encoded (unscrambled by aicap.js)."""
    data, pad = text.encode("utf-8"), key.encode("utf-8")
    mixed = bytes(byte ^ pad[i % len(pad)] for i, byte in enumerate(data))
    return base64.b64encode(mixed).decode("ascii")


def unscramble(text: str, key: str) -> str:
    """The inverse of the page's scrambling (for tests)."""
    data, pad = base64.b64decode(text), key.encode("utf-8")
    return bytes(byte ^ pad[i % len(pad)] for i, byte in enumerate(data)).decode("utf-8")


def selfcheck_html(chapter: str, **values: float) -> str:
    """The chapter's questions as HTML (see the module's notes). ``values`` are the numbers
    the chapter computed that the questions name."""
    questions = load_questions(chapter)
    needed = set().union(*(question.names() for question in questions)) if questions else set()
    missing = sorted(needed - set(values))
    if missing:
        raise ValueError(
            f"self-check of {chapter!r} needs these values from the chapter: {missing}"
        )
    for name, value in values.items():
        if (
            not isinstance(value, int | float)
            or isinstance(value, bool)
            or not math.isfinite(value)
        ):
            raise ValueError(f"self-check value {name} must be a finite number; got {value!r}")

    def fill(text: str) -> str:
        """The text in the edition's language, its numbers filled in and written as the
        edition writes them (the translations are in ``aicap/locale``, :mod:`aicap.i18n`)."""
        return edition_numbers(_(text).format(**values))

    items, answers = [], {}
    for question in questions:
        text = html.escape(fill(question.text))
        if question.kind == "choice":
            shown = _shuffled(question.options, question.id)
            options = "".join(f"<li>{html.escape(fill(o.text))}</li>" for o in shown)
            body = f'<ol class="aicap-options" type="a">{options}</ol>'
            answers[question.id] = {
                "correct": next(i for i, o in enumerate(shown) if o.correct),
                "why": [fill(o.why) for o in shown],
            }
        else:
            body = ""
            answers[question.id] = {
                "answer": float(values[question.answer]),
                "tolerance": question.tolerance,
                "why": fill(question.why),
                "mistakes": [[float(values[m.answer]), fill(m.why)] for m in question.mistakes],
            }
        unit = f' data-unit="{html.escape(_(question.unit))}"' if question.unit else ""
        items.append(
            f'<li class="aicap-question" id="{question.id}" data-kind="{question.kind}"{unit}>'
            f'<p class="aicap-question-text">{text}</p>{body}</li>'
        )
    key = f"aicap-{chapter}"
    scrambled = _scramble(json.dumps(answers, ensure_ascii=False), key)
    note = _(
        "{count} questions to check yourself. With JavaScript on, choose or type an answer and "
        "press <em>Check</em>: you see at once whether it is right, and why."
    ).format(count=len(questions))
    return (
        f'<div class="aicap-quiz" data-quiz="{key}" data-answers="{scrambled}">'
        f'<p class="aicap-quiz-note">{note}</p>'
        f'<ol class="aicap-questions">{"".join(items)}</ol></div>'
    )


def show_selfcheck(chapter: str, **values: float) -> None:
    """Display the chapter's self-check questions (in a live notebook with the script that
    makes them answerable, which the built page loads for itself)."""
    from IPython.display import HTML, display

    from aicap.interactive import is_static_build

    content = selfcheck_html(chapter, **values)
    if not is_static_build():
        script = (Path(__file__).parent / "static" / "aicap.js").read_text(encoding="utf-8")
        content += f"<script>{script}</script>"
    display(HTML(content))


def all_chapters(folder: Path | None = None) -> list[str]:
    """Chapters that have self-check questions."""
    return sorted(path.stem for path in (folder or FOLDER).glob("*.toml"))


def describe(question: Question, values: dict[str, Any]) -> str:
    """One line for tests and reports: the question's id and text with its numbers filled in."""
    return f"{question.id}: {question.text.format(**values)}"
