"""Text built from the data: key-term lists for chapters, the glossary page, the chapter
overviews of the instructor guide and the course plan (RPS), both read from the chapter files
themselves."""

from __future__ import annotations

import math
import re
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any

from IPython.display import Markdown

from aicap.data import load


def chapter_label(chapter: str) -> str:
    """The MyST label of a chapter: ``creative_destruction`` -> ``chapter-creative-destruction``."""
    return "chapter-" + chapter.replace("_", "-")


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


def _initial(term: str) -> str:
    first = term.strip()[:1].upper()
    return first if first.isalpha() else "0–9"


def glossary(link_chapters: bool = True) -> Markdown:
    """Every row of ``data/glossary.csv``, A to Z, grouped under the initial letter of the term.

    Each entry gives the English term, its Indonesian equivalent, the definition and the
    chapter that introduces it: a cross-reference to the chapter's label when
    ``link_chapters`` is true (the book page), the chapter's file name otherwise. A term
    introduced in two chapters appears once for each.
    """
    terms = load("glossary")
    ordered = terms.assign(_key=terms["term"].str.strip().str.casefold()).sort_values(
        ["_key", "chapter"], kind="stable"
    )
    lines: list[str] = []
    letter = None
    for row in ordered.itertuples():
        if _initial(row.term) != letter:
            letter = _initial(row.term)
            lines += [f"**{letter}**", ""]
        where = f"{{ref}}`{chapter_label(row.chapter)}`" if link_chapters else f"`{row.chapter}`"
        lines += [
            f"**{row.term}** (*{row.indonesian}*)",
            f": {row.definition} *Chapter:* {where}.",
            "",
        ]
    return Markdown("\n".join(lines))


def glue(name: str, value: Any, display: bool = False) -> None:
    """Keep a computed value for the page's prose (``{glue:text}`name```), via myst-nb.

    Where myst-nb is not installed (a downloaded notebook on Colab), the value is only shown
    if ``display`` is true: the prose references are a feature of the built book.
    """
    try:
        from myst_nb import glue as myst_glue
    except ImportError:
        if display:
            from IPython.display import display as show

            show(value)
        return
    myst_glue(name, value, display=display)


# The instructor guide: chapter overviews read from the chapter files ------------------------

#: Assumptions behind the time estimates of the instructor guide and the course plan (both
#: pages state them). Students read the book in English at level B1–B2 of the CEFR, at about
#: 120–150 words a minute (``READING_SPEED_RANGE``); the estimates take 130, within that range
#: and nearer its slower end.
READING_SPEED_RANGE = (120, 150)
WORDS_PER_MINUTE = 130
MINUTES_PER_EXERCISE = 20

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_CODE_CELL = re.compile(r"^(`{3,})\{code-cell\}.*?^\1[ \t]*$", re.M | re.S)
_EXERCISE = re.compile(r"^(`{3,}|:{3,})\{exercise\}.*?^\1[ \t]*$", re.M | re.S)
_EXERCISE_OR_SOLUTION = re.compile(
    r"^(`{3,}|:{3,})\{(?:exercise|solution)\}.*?^\1[ \t]*$", re.M | re.S
)
_FENCED = re.compile(r"^(`{3,}).*?^\1[ \t]*$", re.M | re.S)
_DISPLAY_MATH = re.compile(r"^\$\$.*?^\$\$[ \t]*$", re.M | re.S)
_ADMONITION = re.compile(
    r"^(?P<fence>:{3,})\{admonition\}[ \t]+(?P<title>[^\n]+?)[ \t]*\n"
    r"(?P<body>.*?)^(?P=fence)[ \t]*$",
    re.M | re.S,
)
_LIST_ITEM = re.compile(r"^(?:\d+[.)]|[-*+])[ \t]+(.*)$")


def _book_root() -> Path:
    """The book's folder (the checkout holding ``_toc.yml`` and ``chapters/``).

    The instructor guide reads the chapter files, which exist only in a checkout of the book;
    an installed package alone has the models and data but not the chapters.
    """
    root = Path(__file__).resolve().parents[1]
    if not (root / "_toc.yml").exists():
        raise FileNotFoundError(
            f"no book checkout around {root}: the chapter overviews need the book's "
            "repository (chapters/ and _toc.yml), not only the installed package"
        )
    return root


def _without_code(text: str) -> str:
    """A chapter's Markdown without its front matter and code cells."""
    return _CODE_CELL.sub("", _FRONT_MATTER.sub("", text, count=1))


def _admonition_body(markdown: str, title: str) -> str | None:
    """The body of the first ``{admonition}`` titled ``title`` (any case), options removed."""
    for match in _ADMONITION.finditer(markdown):
        if match["title"].strip().casefold() == title.casefold():
            lines = match["body"].splitlines()
            return "\n".join(line for line in lines if not re.match(r"^:[\w-]+:", line))
    return None


def _list_items(body: str) -> list[str]:
    """The top-level list items of a Markdown block, each joined onto one line."""
    items: list[str] = []
    for line in body.splitlines():
        item = _LIST_ITEM.match(line)
        if item:
            items.append(item[1].strip())
        elif items and line.startswith((" ", "\t")) and line.strip():
            items[-1] += " " + line.strip()
    return items


def _lower_first(phrase: str) -> str:
    """``What the book means`` -> ``what the book means``; acronyms (``AI``) are kept."""
    return phrase[:1].lower() + phrase[1:] if phrase[1:2].islower() else phrase


def _prose_words(text: str) -> int:
    """The number of words a student reads in a chapter: headings, paragraphs, boxes, lists.

    Not counted: code cells, exercises and their solutions, other fenced blocks (such as the
    bibliography), display equations, directive options, labels and the numbers of list
    items. A word is a whitespace-separated token with at least one letter or digit.
    """
    prose = _EXERCISE_OR_SOLUTION.sub("", _without_code(text))
    prose = _DISPLAY_MATH.sub("", _FENCED.sub("", prose))
    prose = re.sub(r"^:[\w-]+:.*$", "", prose, flags=re.M)  # directive options
    prose = re.sub(r"^\([^)\s]+\)=[ \t]*$", "", prose, flags=re.M)  # labels
    prose = re.sub(r"^:{3,}(\{[\w-]+\})?", "", prose, flags=re.M)  # fences (box titles stay)
    prose = re.sub(r"^[ \t]*\d+[.)][ \t]", "", prose, flags=re.M)  # numbers of list items
    return sum(1 for token in prose.split() if re.search(r"\w", token))


def _exercise_entries(markdown: str) -> list[dict[str, Any]]:
    """The ``{exercise}`` directives of a chapter's Markdown (code cells removed), in order:
    each one's ``label`` (None if it has none), whether it is ``by_hand`` (``:class:``
    includes ``by-hand``), its ``title`` (the bold phrase its text starts with, without the
    final full stop), whether it is ``critical`` (a title starting "Critical thinking") and
    its ``text`` (without the fences and options)."""
    entries = []
    for match in _EXERCISE.finditer(markdown):
        block = match[0]
        label = re.search(r"^:label:[ \t]*(\S+)", block, re.M)
        classes = re.search(r"^:class:[ \t]*(.*?)[ \t]*$", block, re.M)
        body = "\n".join(
            line for line in block.splitlines()[1:-1] if not re.match(r"^:[\w-]+:", line)
        ).strip()
        bold = re.match(r"\*\*(.+?)\*\*", body)
        title = bold[1].strip().rstrip(".:").strip() if bold else ""
        entries.append(
            {
                "label": label[1] if label else None,
                "by_hand": bool(classes) and "by-hand" in classes[1].split(),
                "title": title,
                "critical": title.casefold().startswith("critical thinking"),
                "text": body,
            }
        )
    return entries


def chapter_overview(stem: str, chapters: str | Path | None = None) -> dict[str, Any]:
    """What an instructor needs to know about chapter ``stem``, read from its MyST file.

    ``chapters`` is the folder holding ``<stem>.md`` (the book's ``chapters/`` by default).
    The result has the chapter's ``label``, its ``title`` (the first ``#`` heading), the items
    of its *Learning objectives* admonition (``objectives``, MyST markup kept), the number and
    labels of its ``{exercise}`` directives, its prose ``words`` and two estimates that rest on
    assumptions: ``reading_minutes`` at ``WORDS_PER_MINUTE`` (130 words a minute, a B1–B2
    reader's speed in English; rounded up) and ``exercise_minutes`` at ``MINUTES_PER_EXERCISE``
    per exercise. ``by_hand`` lists the labels of the exercises marked ``:class: by-hand``
    (done by hand, with a calculator or a spreadsheet), ``exercise_titles`` maps each label to
    the bold phrase its text starts with, and ``critical`` lists the critical-thinking
    exercises (those whose bold phrase starts with "Critical thinking").

    A chapter without a *Learning objectives* box may say what it covers in an *In this
    chapter* box, as one sentence of topics separated by semicolons (the introduction does);
    the topics are then the objectives, and ``objectives_box`` names the box they came from.
    A chapter with neither raises ``ValueError`` naming its file.
    """
    folder = Path(chapters) if chapters is not None else _book_root() / "chapters"
    path = folder / f"{stem}.md"
    text = path.read_text(encoding="utf-8")
    markdown = _without_code(text)

    box = "Learning objectives"
    body = _admonition_body(markdown, box)
    objectives = _list_items(body) if body is not None else []
    if body is None and (topics := _admonition_body(markdown, "In this chapter")) is not None:
        box = "In this chapter"
        parts = (
            re.sub(r"^and\s+", "", part.strip()) for part in " ".join(topics.split()).split(";")
        )
        objectives = [_lower_first(part.rstrip(".").strip()) for part in parts if part.strip(" .")]
    if not objectives:
        raise ValueError(
            f"{path}: no learning objectives found; a chapter needs a "
            "':::{admonition} Learning objectives' box holding a numbered list"
        )
    title = re.search(r"^# (.+?)[ \t]*$", markdown, flags=re.M)
    if title is None:
        raise ValueError(f"{path}: no title (a line starting with '# ')")

    exercises = [block[0] for block in _EXERCISE.finditer(markdown)]
    entries = [entry for entry in _exercise_entries(markdown) if entry["label"]]
    words = _prose_words(text)
    return {
        "chapter": stem,
        "label": chapter_label(stem),
        "title": title[1],
        "objectives": objectives,
        "objectives_box": box,
        "exercises": len(exercises),
        "exercise_labels": [
            label
            for block in exercises
            for label in re.findall(r"^:label:[ \t]*(\S+)", block, re.M)
        ],
        "by_hand": [entry["label"] for entry in entries if entry["by_hand"]],
        "exercise_titles": {entry["label"]: entry["title"] for entry in entries},
        "critical": [entry["label"] for entry in entries if entry["critical"]],
        "words": words,
        "reading_minutes": math.ceil(words / WORDS_PER_MINUTE),
        "exercise_minutes": MINUTES_PER_EXERCISE * len(exercises),
    }


def book_chapters(toc: str | Path | None = None) -> list[str]:
    """The file names (without ``.md``) of the chapters listed in ``_toc.yml``, in order."""
    import yaml  # installed with Jupyter Book; only the instructor guide needs it

    path = Path(toc) if toc is not None else _book_root() / "_toc.yml"
    parts = yaml.safe_load(path.read_text(encoding="utf-8")).get("parts", [])
    files = [entry["file"] for part in parts for entry in part.get("chapters", [])]
    return [file.split("/", 1)[1] for file in files if file.startswith("chapters/")]


def chapters_at_a_glance(stems: list[str] | None = None) -> Markdown:
    """A table of every chapter: objectives, exercises and the estimated minutes of work."""
    overviews = [chapter_overview(stem) for stem in (stems or book_chapters())]
    lines = [
        "| chapter | objectives | exercises | reading (min) | exercises (min) |",
        "|---|--:|--:|--:|--:|",
    ]
    for o in overviews:
        short = o["title"].split(":")[0]
        lines.append(
            f"| {{ref}}`{short} <{o['label']}>` | {len(o['objectives'])} | {o['exercises']} "
            f"| {o['reading_minutes']} | {o['exercise_minutes']} |"
        )
    totals = [sum(o[key] for o in overviews) for key in ("reading_minutes", "exercise_minutes")]
    exercises = sum(o["exercises"] for o in overviews)
    objectives = sum(len(o["objectives"]) for o in overviews)
    lines.append(
        f"| **all {len(overviews)} chapters** | {objectives} | {exercises} "
        f"| {totals[0]} | {totals[1]} |"
    )
    return Markdown("\n".join(lines))


def chapter_guide(stem: str) -> Markdown:
    """The generated part of a chapter's entry in the instructor guide, as MyST Markdown."""
    o = chapter_overview(stem)
    if o["exercise_labels"]:
        listed = ", ".join(f"{{ref}}`{label}`" for label in o["exercise_labels"])
        exercises = f"{o['exercises']}, about {o['exercise_minutes']} minutes: {listed}"
    else:
        exercises = "none"
    lines = [
        f"- **Page:** {{ref}}`{o['label']}` (file `chapters/{stem}.md`)",
        f"- **Reading:** about {o['reading_minutes']} minutes ({o['words']:,} words of prose)",
        f"- **Exercises:** {exercises}",
        "",
    ]
    if o["objectives_box"] == "Learning objectives":
        lines += ["**Learning objectives.** After this chapter a student should be able to:", ""]
        lines += [f"{number}. {item}" for number, item in enumerate(o["objectives"], start=1)]
    else:
        lines += [
            f"**What it covers** (the chapter's *{o['objectives_box']}* box; it has no "
            "learning objectives):",
            "",
        ]
        lines += [f"- {item}" for item in o["objectives"]]
    return Markdown("\n".join(lines))


# The course plan (RPS): meetings planned from the chapter files ------------------------------
#
# An Indonesian course plan (Rencana Pembelajaran Semester, RPS) lists, week by week, what a
# student should be able to do (Sub-CPMK), how that is seen (indikator), the material, the
# methods, the set work, the time and the weight of the assessment. Everything that can be read
# from the chapters is read from them here: objectives, sections, prose words, exercises (and
# which are by hand) and the number of self-check questions. What cannot be read from them (the
# programme and course outcomes, the weights of the assessment) is set out below, once.

#: Minutes a week that one SKS (*satuan kredit semester*) of a lecture course asks for:
#: *tatap muka* (TM, in class), *penugasan terstruktur* (PT, set work) and *belajar mandiri*
#: (BM, self-study), as Permendikbud No. 3/2020 divided them and RPS templates still do.
MINUTES_PER_SKS = {"TM": 50, "PT": 60, "BM": 60}

#: Example programme learning outcomes (CPL) that an economics programme could assign to the
#: course, grouped as the SN-Dikti groups them: code, group, outcome. The course plan says they
#: are examples, for a programme to replace with its own.
COURSE_CPL = (
    (
        "S-1",
        "Sikap",
        "Menjunjung tinggi kejujuran akademik dan etika dalam memakai data, sumber tertulis "
        "dan alat kecerdasan artifisial.",
    ),
    (
        "S-2",
        "Sikap",
        "Peduli pada dampak perubahan teknologi terhadap pekerja, usaha kecil dan kelompok "
        "rentan di Indonesia.",
    ),
    (
        "P-1",
        "Pengetahuan",
        "Menguasai konsep teoretis ekonomi mikro dan makro, termasuk pasar tenaga kerja, "
        "struktur pasar dan perubahan teknologi.",
    ),
    (
        "P-2",
        "Pengetahuan",
        "Menguasai prinsip kebijakan publik dan perlindungan sosial beserta kelembagaannya "
        "di Indonesia.",
    ),
    (
        "KU-1",
        "Keterampilan umum",
        "Mampu berpikir logis, kritis dan sistematis ketika menilai klaim dan bukti, serta "
        "menyajikan hasilnya dalam tulisan ilmiah yang ringkas.",
    ),
    (
        "KK-1",
        "Keterampilan khusus",
        "Mampu mengolah data ekonomi dan memakai model kuantitatif sederhana, dengan "
        "kalkulator, lembar kerja atau perangkat lunak, untuk menganalisis masalah ekonomi.",
    ),
    (
        "KK-2",
        "Keterampilan khusus",
        "Mampu merumuskan dan menilai alternatif kebijakan ekonomi berdasarkan bukti.",
    ),
)

#: The course learning outcomes (CPMK): code, outcome, the chapters that teach it, and the
#: CPL it serves. Every chapter of the book belongs to one CPMK (a test checks).
COURSE_CPMK = (
    (
        "CPMK-1",
        "Mahasiswa mampu menjelaskan pengertian kapitalisme AI dan menilai jenis serta "
        "kekuatan bukti dari dokumen sumber yang dikaji.",
        ("introduction",),
        ("S-1", "KU-1"),
    ),
    (
        "CPMK-2",
        "Mahasiswa mampu menganalisis dampak otomasi dan AI terhadap lapangan kerja dan jam "
        "kerja dengan model sederhana dan data.",
        ("creative_destruction", "efficiency_paradox"),
        ("P-1", "KK-1"),
    ),
    (
        "CPMK-3",
        "Mahasiswa mampu mengukur konsentrasi pasar dan menjelaskan mengapa pasar yang "
        "bergantung pada data dan daya komputasi cenderung dikuasai sedikit perusahaan.",
        ("compute_concentration",),
        ("P-1", "KK-1"),
    ),
    (
        "CPMK-4",
        "Mahasiswa mampu menganalisis hubungan kerja dan pembagian risiko dalam ekonomi "
        "platform, termasuk membandingkan pendapatan mitra dengan upah minimum.",
        ("gig_precarity",),
        ("S-2", "P-1", "KK-1"),
    ),
    (
        "CPMK-5",
        "Mahasiswa mampu menjelaskan faktor teknologi, organisasi dan lingkungan dalam adopsi "
        "AI oleh UMKM serta menilai kekuatan bukti dari studi kualitatif.",
        ("toe_adoption",),
        ("S-2", "KU-1"),
    ),
    (
        "CPMK-6",
        "Mahasiswa mampu mengevaluasi peran negara dan menghitung biaya kebijakan "
        "perlindungan sosial dalam ekonomi yang dibentuk oleh AI.",
        ("policy",),
        ("P-2", "KK-2"),
    ),
)

#: The semester plan's assessment, in percent of the final mark: participation in class, one
#: graded task per chapter (shared out between the chapters), the final project presented in
#: the last teaching meeting, and the mid- and end-of-semester examinations.
SEMESTER_WEIGHTS = {"partisipasi": 10, "tugas": 35, "proyek": 15, "uts": 20, "uas": 20}

#: The six-week option's assessment: participation, one graded task a week, a final essay.
SHORT_COURSE_WEIGHTS = {"partisipasi": 10, "tugas": 60, "esai": 30}

# What the indicator of a Sub-CPMK says a student shows, by the verb its objective starts with.
_INDICATOR_VERBS = (
    ("tell apart", "membedakan konsep"),
    ("set out", "menguraikan"),
    ("explain", "menjelaskan"),
    ("say", "menjelaskan"),
    ("describe", "mendeskripsikan"),
    ("simulate", "menyimulasikan dan menafsirkan hasilnya"),
    ("use", "memakai model dan menafsirkan hasilnya"),
    ("measure", "mengukur"),
    ("compute", "menghitung"),
    ("redo", "menghitung ulang"),
    ("check", "memeriksa klaim dengan data"),
    ("judge", "menilai kekuatan bukti"),
    ("read", "membaca dan menafsirkan"),
    ("compare", "membandingkan"),
    ("place", "menempatkan data dalam konteksnya"),
    ("turn", "mengolah temuan menjadi data"),
)

_END_SECTIONS = ("summary", "check yourself", "exercises", "key terms", "references")
_STOPWORDS = frozenset(
    """about above after again against also among and any are because been before being
    between both but can cannot could did does doing done each even every few for from further
    had has have having here how into its itself just like may might more most much must not
    now off once only other our out over own same should some such than that the their them
    then there these they this those through too under until upon very was were what when
    where which while who whom why will with within without would you your chapter book""".split()
)


def _chapter_path(stem: str, chapters: str | Path | None) -> Path:
    folder = Path(chapters) if chapters is not None else _book_root() / "chapters"
    return folder / f"{stem}.md"


def chapter_sections(stem: str, chapters: str | Path | None = None) -> list[dict[str, Any]]:
    """Chapter ``stem`` cut at its ``##`` headings, in order.

    The first part is the opening (the title, the objectives and what comes before the first
    ``##`` heading; its ``title`` is None). Each part has its ``text`` (code cells kept), its
    prose ``words`` (counted as :func:`chapter_overview` counts them, so the parts add up to the
    chapter), ``end`` (true for the back matter: *Summary*, *Check yourself*, *Exercises*, *Key
    terms*, *References*), ``try_it`` (its ``### Try it`` headings: the interactive figures)
    and ``evidence`` (the titles of its *Evidence check* boxes). A ``##`` line inside a fenced
    block (a code cell's comment, say) is not a heading.
    """
    text = _FRONT_MATTER.sub("", _chapter_path(stem, chapters).read_text(encoding="utf-8"), 1)
    sections: list[dict[str, Any]] = [{"title": None, "lines": []}]
    fence = ""
    for line in text.splitlines(keepends=True):
        if fence:
            if re.match(rf"^{fence}[ \t]*$", line):
                fence = ""
        elif ticks := re.match(r"^(`{3,})", line):
            fence = ticks[1]
        elif heading := re.match(r"^## (.+?)[ \t]*$", line):
            sections.append({"title": heading[1], "lines": []})
        sections[-1]["lines"].append(line)
    result = []
    for section in sections:
        body = "".join(section.pop("lines"))
        prose = _without_code(body)
        title = section["title"]
        result.append(
            {
                "title": title,
                "text": body,
                "words": _prose_words(body),
                "end": title is not None and title.strip().casefold() in _END_SECTIONS,
                "try_it": re.findall(r"^### (Try it\b.*?)[ \t]*$", prose, re.M),
                "evidence": [
                    m["title"]
                    for m in _ADMONITION.finditer(prose)
                    if m["title"].casefold().startswith("evidence check")
                ],
            }
        )
    return result


def selfcheck_count(stem: str, folder: str | Path | None = None) -> int | None:
    """The number of self-check questions of chapter ``stem`` (``aicap/selfchecks/<stem>.toml``,
    read and checked by :func:`aicap.selfcheck.load_questions`), or None where the chapter has
    no questions file yet."""
    from aicap.selfcheck import FOLDER, load_questions

    where = Path(folder) if folder is not None else FOLDER
    if not (where / f"{stem}.toml").exists():
        return None
    return len(load_questions(stem, where))


def _terms(text: str) -> list[str]:
    """The words of ``text`` that can tie an objective or an exercise to a section, in order
    and repeated (short and common words left out, a plural ``s`` dropped)."""
    terms = []
    for word in re.findall(r"[a-z][a-z0-9_]+|\d{4}", text.casefold()):
        if len(word) < 3 or word in _STOPWORDS:
            continue
        terms.append(word[:-1] if word.endswith("s") and len(word) > 4 else word)
    return terms


#: How much a section's heading counts, as if its words appeared this often in the section.
_HEADING_WEIGHT = 3


def _best_sections(items: list[str], sections: list[dict[str, Any]]) -> list[int | None]:
    """For each text in ``items``, the index of the section that matches it best.

    The match is scored as a search engine scores a page for a query (Okapi BM25, with the
    usual k1 = 1.2 and b = 0.75): a shared word counts more the more often the section uses it
    and the fewer sections use it at all (a word every section has counts almost nothing), with
    diminishing returns, and a long section does not win only by being long. A section's
    heading counts ``_HEADING_WEIGHT`` times. Back matter is never chosen (a summary repeats
    everything); an item that shares no word with any section gets None.
    """
    k1, b = 1.2, 0.75
    candidates = [i for i, section in enumerate(sections) if not section["end"]]
    if not candidates:
        return [None] * len(items)
    counts = {}
    for i in candidates:
        heading = sections[i]["title"] or ""
        counts[i] = Counter(_terms(sections[i]["text"]) + _terms(heading) * _HEADING_WEIGHT)
    spread = Counter(word for found in counts.values() for word in found)
    n = len(candidates)
    idf = {word: math.log((n - d + 0.5) / (d + 0.5) + 1) for word, d in spread.items()}
    length = {i: sum(found.values()) for i, found in counts.items()}
    mean = sum(length.values()) / n or 1.0
    best: list[int | None] = []
    for item in items:
        wanted = {word for word in _terms(item) if word in spread}
        scores = []
        for i in candidates:
            norm = k1 * (1 - b + b * length[i] / mean)
            score = sum(
                idf[w] * counts[i][w] * (k1 + 1) / (counts[i][w] + norm)
                for w in wanted
                if counts[i][w]
            )
            scores.append((score, -i))
        score, position = max(scores)
        best.append(-position if score > 0 else None)
    return best


def _cuts(words: list[int], allowed: list[int], parts: int) -> list[int]:
    """Where to cut a sequence of sections with these ``words`` into ``parts`` runs of about
    equal length: the indices that start runs 2, 3, ..., chosen from ``allowed``."""
    total = sum(words)
    cuts: list[int] = []
    for k in range(1, parts):
        later = [b for b in allowed if (not cuts or b > cuts[-1])]
        later = later[: len(later) - (parts - 1 - k)]  # leave a cut for each later run
        target = total * k / parts
        cuts.append(min(later, key=lambda b: (abs(sum(words[:b]) - target), b)))
    return cuts


def chapter_parts(
    stem: str,
    parts: int = 1,
    chapters: str | Path | None = None,
    selfchecks: str | Path | None = None,
) -> list[dict[str, Any]]:
    """Chapter ``stem`` as ``parts`` meetings' worth of reading, for a course plan.

    The chapter is cut at the ``##`` headings that share its prose out most evenly (the
    opening stays in the first part and the back matter in the last). Each part has the
    chapter's ``chapter``, ``title`` and ``label``, its ``part`` number and the number of
    ``parts``; its ``sections`` (the titles of its ``##`` sections, back matter left out), prose
    ``words`` and ``reading_minutes`` (at ``WORDS_PER_MINUTE``, rounded up); the learning
    ``objectives`` it teaches, as ``(number, text)`` pairs; its ``exercises`` (label, title,
    ``by_hand``, ``critical``) and ``exercise_minutes``; its ``try_it`` figures and
    ``evidence`` boxes; and ``selfchecks``, the number of self-check questions (in the last
    part only, 0 in the others; None where the chapter has no questions file yet).

    An objective or exercise goes with the section it shares the rarest words with (see
    :func:`_best_sections`); an exercise that matches none goes with the last part. If that
    would leave a part without objectives, the objectives are shared out in their order
    instead, so that every meeting has a Sub-CPMK.
    """
    overview = chapter_overview(stem, chapters)
    sections = chapter_sections(stem, chapters)
    allowed = [i for i in range(1, len(sections)) if not sections[i]["end"]]
    if parts < 1 or len(allowed) < parts - 1 or len(overview["objectives"]) < parts:
        raise ValueError(
            f"chapter {stem!r} cannot be read in {parts} meetings: it has "
            f"{len(allowed) + 1} runs of prose and {len(overview['objectives'])} objectives"
        )
    cuts = _cuts([section["words"] for section in sections], allowed, parts)
    bounds = [0, *cuts, len(sections)]
    part_of = {i: k for k in range(parts) for i in range(bounds[k], bounds[k + 1])}

    objectives = overview["objectives"]
    # the objectives box is where every objective is written: leave it out of the matching
    boxed = ("learning objectives", "in this chapter")
    opening = _ADMONITION.sub(
        lambda m: "" if m["title"].strip().casefold() in boxed else m[0], sections[0]["text"]
    )
    searched = [sections[0] | {"text": opening}, *sections[1:]]
    matched = _best_sections(objectives, searched)
    objective_part = [
        part_of[i] if i is not None else min(parts - 1, n * parts // len(objectives))
        for n, i in enumerate(matched)
    ]
    if len(set(objective_part)) < parts:
        objective_part = [n * parts // len(objectives) for n in range(len(objectives))]

    entries = [
        entry
        for entry in _exercise_entries(
            _without_code(_chapter_path(stem, chapters).read_text(encoding="utf-8"))
        )
        if entry["label"]
    ]
    exercise_part = [
        part_of[i] if i is not None else parts - 1
        for i in _best_sections([entry["text"] for entry in entries], searched)
    ]
    questions = selfcheck_count(stem, selfchecks)

    result = []
    for k in range(parts):
        mine = [sections[i] for i in range(bounds[k], bounds[k + 1])]
        words = sum(section["words"] for section in mine)
        exercises = [
            {key: entry[key] for key in ("label", "title", "by_hand", "critical")}
            for entry, part in zip(entries, exercise_part, strict=True)
            if part == k
        ]
        result.append(
            {
                "chapter": stem,
                "title": overview["title"],
                "label": overview["label"],
                "objectives_box": overview["objectives_box"],
                "part": k + 1,
                "parts": parts,
                "sections": [s["title"] for s in mine if s["title"] and not s["end"]],
                "words": words,
                "reading_minutes": math.ceil(words / WORDS_PER_MINUTE),
                "objectives": [
                    (n + 1, text)
                    for n, (text, part) in enumerate(zip(objectives, objective_part, strict=True))
                    if part == k
                ],
                "exercises": exercises,
                "exercise_minutes": MINUTES_PER_EXERCISE * len(exercises),
                "try_it": [name for s in mine for name in s["try_it"]],
                "evidence": [name for s in mine for name in s["evidence"]],
                "selfchecks": questions if k == parts - 1 else 0,
            }
        )
    return result


def meetings_per_chapter(
    stems: list[str], meetings: int, chapters: str | Path | None = None
) -> dict[str, int]:
    """How many meetings each chapter gets when ``meetings`` meetings cover ``stems``.

    Every chapter gets one; each further meeting goes to the chapter with the most prose per
    meeting so far (the earlier chapter on a tie), so long chapters are read over two meetings
    and short ones in one.
    """
    if meetings < len(stems):
        raise ValueError(f"{meetings} meetings cannot cover {len(stems)} chapters one each")
    words = {stem: chapter_overview(stem, chapters)["words"] for stem in stems}
    given = dict.fromkeys(stems, 1)
    for _ in range(meetings - len(stems)):
        stem = max(stems, key=lambda s: (words[s] / given[s], -stems.index(s)))
        given[stem] += 1
    return given


def _apportion(total: int, count: int) -> list[int]:
    """``total`` shared out in whole numbers between ``count`` items, as evenly as possible
    (the earlier items get the remainder)."""
    base, extra = divmod(total, count)
    return [base + (1 if i < extra else 0) for i in range(count)]


def _numbers(stems: list[str] | None) -> tuple[list[str], dict[str, int]]:
    """The chapters planned and their numbers in the book (their place in ``_toc.yml``)."""
    book = book_chapters()
    stems = list(stems) if stems is not None else book
    return stems, {
        stem: (book.index(stem) + 1 if stem in book else n + 1) for n, stem in enumerate(stems)
    }


def semester_plan(
    meetings: int = 14,
    stems: list[str] | None = None,
    chapters: str | Path | None = None,
    selfchecks: str | Path | None = None,
) -> list[dict[str, Any]]:
    """The weeks of a semester plan: ``meetings`` teaching meetings plus the mid-semester
    examination (UTS) after the first half of them and the final one (UAS) at the end.

    The last teaching meeting is kept for the final project; the others read the chapters in
    order (see :func:`meetings_per_chapter` and :func:`chapter_parts`). Each week has its
    ``week`` number and ``kind`` (``"chapter"``, ``"project"``, ``"uts"`` or ``"uas"``); a
    chapter week has the fields of :func:`chapter_parts` and the chapter's ``number``; every
    week has its ``weight`` in percent of the final mark (``SEMESTER_WEIGHTS``: a chapter's
    graded task is weighed in its last meeting; participation is marked all semester and is
    in no week). An examination week names the ``covers`` chapters and the ``cpmk`` they serve.
    """
    stems, number = _numbers(stems)
    given = meetings_per_chapter(stems, meetings - 1, chapters)
    task_weights = dict(zip(stems, _apportion(SEMESTER_WEIGHTS["tugas"], len(stems)), strict=True))
    teaching: list[dict[str, Any]] = []
    for stem in stems:
        for part in chapter_parts(stem, given[stem], chapters, selfchecks):
            last = part["part"] == part["parts"]
            teaching.append(
                part
                | {
                    "kind": "chapter",
                    "number": number[stem],
                    "weight": task_weights[stem] if last else 0,
                    "cpmk": _cpmk_of(stem),
                }
            )
    critical = [
        {"label": label, "chapter": stem, "number": number[stem]}
        for stem in stems
        for label in chapter_overview(stem, chapters)["critical"]
    ]
    teaching.append(
        {
            "kind": "project",
            "weight": SEMESTER_WEIGHTS["proyek"],
            "critical": critical,
            "cpmk": [code for code, *_ in COURSE_CPMK],
        }
    )
    half = meetings // 2
    before, after = teaching[:half], teaching[half:]
    weeks = [
        *before,
        _exam("uts", before, SEMESTER_WEIGHTS["uts"]),
        *after,
        _exam("uas", after, SEMESTER_WEIGHTS["uas"]),
    ]
    for n, week in enumerate(weeks, start=1):
        week["week"] = n
    return weeks


def _cpmk_of(stem: str) -> list[str]:
    return [code for code, _, stems, _ in COURSE_CPMK if stem in stems]


def _exam(kind: str, weeks: list[dict[str, Any]], weight: int) -> dict[str, Any]:
    covers = list(dict.fromkeys(w["chapter"] for w in weeks if w["kind"] == "chapter"))
    cpmk = list(dict.fromkeys(code for stem in covers for code in _cpmk_of(stem)))
    numbers = [w["number"] for w in weeks if w["kind"] == "chapter"]
    return {
        "kind": kind,
        "weight": weight,
        "covers": covers,
        "numbers": list(dict.fromkeys(numbers)),
        "cpmk": cpmk,
    }


def short_course_plan(
    weeks: int = 6,
    stems: list[str] | None = None,
    chapters: str | Path | None = None,
    selfchecks: str | Path | None = None,
) -> list[dict[str, Any]]:
    """A plan of ``weeks`` weekly meetings covering every chapter.

    With more chapters than weeks, the two neighbouring chapters with the least prose between
    them share a week, again and again until the chapters fit (with fewer, the longest are
    read over two weeks, as in :func:`meetings_per_chapter`). Each week has its ``week``
    number, its ``items`` (the :func:`chapter_parts` it reads, each with the chapter's
    ``number``), its total prose ``words`` and ``reading_minutes``, and its ``weight``: the week's
    graded task (``SHORT_COURSE_WEIGHTS["tugas"]`` shared out between the weeks), plus the final
    essay in the last week.
    """
    stems, number = _numbers(stems)
    if len(stems) > weeks:
        groups = [[stem] for stem in stems]
        words = {stem: chapter_overview(stem, chapters)["words"] for stem in stems}
        while len(groups) > weeks:
            sizes = [sum(words[s] for s in a + b) for a, b in pairwise(groups)]
            i = sizes.index(min(sizes))
            groups[i : i + 2] = [groups[i] + groups[i + 1]]
        plan = [
            [
                chapter_parts(stem, 1, chapters, selfchecks)[0] | {"number": number[stem]}
                for stem in group
            ]
            for group in groups
        ]
    else:
        given = meetings_per_chapter(stems, weeks, chapters)
        plan = [
            [part | {"number": number[stem]}]
            for stem in stems
            for part in chapter_parts(stem, given[stem], chapters, selfchecks)
        ]
    task = _apportion(SHORT_COURSE_WEIGHTS["tugas"], weeks)
    result = []
    for n, items in enumerate(plan, start=1):
        words = sum(item["words"] for item in items)
        essay = SHORT_COURSE_WEIGHTS["esai"] if n == weeks else 0
        result.append(
            {
                "week": n,
                "items": items,
                "words": words,
                "reading_minutes": math.ceil(words / WORDS_PER_MINUTE),
                "task_weight": task[n - 1],
                "essay_weight": essay,
                "weight": task[n - 1] + essay,
            }
        )
    return result


def study_time(sks: int) -> dict[str, int]:
    """Minutes a week of tatap muka (TM), penugasan terstruktur (PT) and belajar mandiri (BM)
    for a course of ``sks`` credits (``MINUTES_PER_SKS`` per credit)."""
    if sks < 1:
        raise ValueError(f"sks must be at least 1; got {sks}")
    return {kind: sks * minutes for kind, minutes in MINUTES_PER_SKS.items()}


# The course plan as Markdown (Indonesian, for the course_plan page) --------------------------


def _id_number(value: int) -> str:
    """A whole number as Indonesian writes it: ``2613`` -> ``2.613``."""
    return f"{value:,}".replace(",", ".")


def _chapter_link(item: dict[str, Any]) -> str:
    short = item["title"].split(":")[0]
    return f"{{ref}}`{short} <{item['label']}>` (Bab {item['number']})"


def _sentence(objective: str) -> str:
    """An objective from a chapter as a sentence: capital first letter, full stop at the end."""
    text = objective.strip().rstrip(";.,").strip()
    if text[:1].islower():
        text = text[0].upper() + text[1:]
    return text + "."


def _indicator(objective: str) -> str:
    start = objective.strip().lstrip("*").casefold()
    for verb, shown in _INDICATOR_VERBS:
        if re.match(rf"{verb}\b", start):
            return shown
    return "memahami dan menjelaskan"


def _exercise_kind(exercise: dict[str, Any]) -> str:
    """How an exercise is done: ``manual`` (marked by-hand: by hand, with a calculator or a
    spreadsheet), ``esai`` (a critical-thinking essay) or ``Python``."""
    if exercise["by_hand"]:
        return "manual"
    return "esai" if exercise["critical"] else "Python"


def _exercise_line(exercise: dict[str, Any]) -> str:
    kind = _exercise_kind(exercise)
    title = f" *{exercise['title']}*" if exercise["title"] else ""
    return f"{{ref}}`{exercise['label']}`{title} ({kind})"


def _selfcheck_line(number: int | None, chapter: int) -> str:
    if number is None:
        return f"Kuis mandiri Bab {chapter}: belum tersedia."
    return f"Kuis mandiri (*Check yourself*) Bab {chapter}: {number} soal."


def _time_cell(sks: int) -> str:
    """TM, PT and BM of a week, in minutes: ``TM 3 × 50`` and so on, one a line."""
    return "\n".join(f"- {kind} {sks} × {minutes}" for kind, minutes in MINUTES_PER_SKS.items())


def _list_table(header: list[str], rows: list[list[str]], widths: list[int], width: str) -> str:
    """A MyST ``list-table``: cells may hold several paragraphs and lists. ``widths`` are the
    columns' shares and ``width`` the table's (a CSS length such as ``90em``): wider than a
    phone, the table scrolls sideways in its own box, and its columns keep their shares
    instead of shrinking to their longest word. It has no caption: the heading above it says
    what it is (a caption would be centred over the whole width, out of sight on a phone)."""
    lines = [
        "```{list-table}",
        ":header-rows: 1",
        f":widths: {' '.join(map(str, widths))}",
        f":width: {width}",
        "",
    ]
    for row in [header, *rows]:
        for j, cell in enumerate(row):
            first, *rest = (cell or "–").split("\n")
            lines.append(("* - " if j == 0 else "  - ") + first)
            lines += [("    " + line) if line else "" for line in rest]
    lines.append("```")
    return "\n".join(lines)


def _range(codes: list[str]) -> str:
    """CPMK codes in order, shortly: ``semua CPMK``, ``CPMK-4 s.d. 6`` or ``CPMK-2``."""
    if codes == [code for code, *_ in COURSE_CPMK]:
        return "semua CPMK"
    if len(codes) == 1:
        return codes[0]
    return f"{codes[0]} s.d. {codes[-1].rsplit('-', 1)[-1]}"


def rps_meeting_table(sks: int = 3, meetings: int = 14, **where: Any) -> Markdown:
    """The RPS's week-by-week table of :func:`semester_plan` (in Indonesian): Sub-CPMK,
    indikator, materi, bacaan, bentuk dan metode, tugas, waktu and bobot for each week.
    ``where`` passes ``stems``, ``chapters`` and ``selfchecks`` on (for tests)."""
    header = [
        "Minggu ke-",
        "Sub-CPMK (kemampuan akhir)",
        "Indikator, kriteria dan bentuk penilaian",
        "Materi (bab dan bagian)",
        f"Bacaan (perkiraan, {WORDS_PER_MINUTE} kata/menit)",
        "Bentuk dan metode pembelajaran",
        "Tugas",
        "Waktu (menit)",
        "Bobot",
    ]
    rows = []
    for week in semester_plan(meetings, **where):
        rows.append([str(week["week"]), *_week_cells(week, sks)])
    return Markdown(
        _list_table(header, rows, widths=[4, 22, 15, 15, 8, 13, 17, 9, 5], width="100em")
    )


def _week_cells(week: dict[str, Any], sks: int) -> list[str]:
    weight = f"{week['weight']}%" if week["weight"] else "–"
    if week["kind"] == "chapter":
        n = week["number"]
        codes = [f"{n}.{k}" for k, _ in week["objectives"]]
        if week["objectives_box"] == "Learning objectives":
            sub = [f"**{n}.{k}** {_sentence(text)}" for k, text in week["objectives"]]
        else:
            sub = [f"**{n}.{k}** Memahami: {text}." for k, text in week["objectives"]]
        subcpmk = f"*{', '.join(week['cpmk'])}*\n\n" + "\n\n".join(sub)
        grouped: dict[str, list[str]] = {}
        for code, (_, text) in zip(codes, week["objectives"], strict=True):
            grouped.setdefault(_indicator(text), []).append(code)
        shown = "; ".join(f"{verb} ({', '.join(found)})" for verb, found in grouped.items())
        forms = ["tugas"] if week["exercises"] else []
        if week["selfchecks"]:
            forms.append("kuis mandiri")
        forms.append("diskusi")
        indicator = f"Ketepatan {shown}.\n\n*Bentuk:* {', '.join(forms)}."
        part = f", bagian {week['part']} dari {week['parts']}" if week["parts"] > 1 else ""
        short = week["title"].split(":")[0]
        materi = f"{{ref}}`{short} <{week['label']}>` (Bab {n}{part}):\n\n" + "\n".join(
            f"- {title}" for title in week["sections"]
        )
        reading = f"± {week['reading_minutes']} menit ({_id_number(week['words'])} kata)"
        methods = ["kuliah interaktif", "diskusi"]
        methods += [f"studi kasus: *{name}*" for name in week["evidence"]]
        if week["try_it"] or any(_exercise_kind(e) == "Python" for e in week["exercises"]):
            figures = "; ".join(f"*{name}*" for name in week["try_it"])
            methods.append("praktikum *notebook*" + (f": {figures}" if figures else ""))
        method = "\n".join(f"- {m}" for m in methods)
        tasks = [f"- {_exercise_line(e)}" for e in week["exercises"]]
        if week["selfchecks"] != 0:
            tasks.append(f"- {_selfcheck_line(week['selfchecks'], n)}")
        if week["exercise_minutes"]:
            tasks.append(f"\nLatihan: ± {week['exercise_minutes']} menit.")
        task = "\n".join(tasks) if tasks else "Membaca dan mencoba figur interaktif."
        if week["weight"]:
            weight += f" (tugas Bab {n})"
        return [subcpmk, indicator, materi, reading, method, task, _time_cell(sks), weight]
    if week["kind"] == "project":
        options = "\n".join(
            f"- {{ref}}`{c['label']}` (Bab {c['number']})" for c in week["critical"]
        )
        return [
            f"*{_range(week['cpmk'])}*\n\nMemadukan model, data dan kebijakan dari beberapa bab "
            "dalam satu argumen tentang ekonomi Indonesia, lalu mempertahankannya di depan kelas.",
            "Ketepatan memakai bukti dari sedikitnya dua bab; kejelasan argumen dan presentasi."
            "\n\n*Bentuk:* esai kelompok dan presentasi, dinilai dengan rubrik.",
            "Seluruh bab (tinjauan ulang).",
            "–",
            "- seminar: presentasi proyek kelompok\n- diskusi panel",
            "Esai akhir kelompok, dikembangkan dari satu latihan berpikir kritis:\n\n" + options,
            _time_cell(sks),
            f"{weight} (proyek)",
        ]
    name = "Ujian Tengah Semester (UTS)" if week["kind"] == "uts" else "Ujian Akhir Semester (UAS)"
    chapters = ", ".join(str(n) for n in week["numbers"])
    return [
        f"*{_range(week['cpmk'])}*\n\n{name}: Sub-CPMK Bab {chapters}.",
        "Ketepatan hitungan dengan tangan atau kalkulator dan ketajaman esai pendek."
        "\n\n*Bentuk:* ujian tertulis.",
        f"Bab {chapters}.",
        "–",
        "- ujian tertulis (luring), buku tertutup; kalkulator boleh dipakai",
        "–",
        f"- TM {sks} × {MINUTES_PER_SKS['TM']}",
        f"{weight} ({week['kind'].upper()})",
    ]


def _chapter_ref(stem: str, chapters: str | Path | None = None) -> str:
    overview = chapter_overview(stem, chapters)
    return f"{{ref}}`{overview['title'].split(':')[0]} <{overview['label']}>`"


def rps_cpl_table() -> Markdown:
    """The example programme outcomes (``COURSE_CPL``) as a Markdown table, in Indonesian."""
    lines = ["| kode (ranah) | capaian pembelajaran lulusan (contoh) |", "|---|---|"]
    lines += [f"| **{code}** ({group.lower()}) | {text} |" for code, group, text in COURSE_CPL]
    return Markdown("\n".join(lines))


def rps_cpmk_table(stems: list[str] | None = None, chapters: str | Path | None = None) -> Markdown:
    """The course outcomes (``COURSE_CPMK``) with the chapters that teach them (linked, with
    their numbers and numbers of learning objectives) and the CPL they serve."""
    stems, number = _numbers(stems)
    lines = ["| capaian pembelajaran mata kuliah | bab dan Sub-CPMK | CPL |", "|---|---|---|"]
    for code, text, taught, cpl in COURSE_CPMK:
        where = []
        for stem in (stem for stem in taught if stem in stems):
            count = len(chapter_overview(stem, chapters)["objectives"])
            first, last = f"{number[stem]}.1", f"{number[stem]}.{count}"
            subs = first if count == 1 else f"{first}–{last}"
            where.append(f"{_chapter_ref(stem, chapters)} (Bab {number[stem]}; {subs})")
        lines.append(f"| **{code}** {text} | {'; '.join(where)} | {', '.join(cpl)} |")
    return Markdown("\n".join(lines))


def _numbers_text(exam: dict[str, Any]) -> str:
    return ", ".join(str(number) for number in exam["numbers"])


def rps_assessment_table(meetings: int = 14, **where: Any) -> Markdown:
    """The semester plan's assessment (``SEMESTER_WEIGHTS``): component, form and timing, the
    CPMK it measures and its weight, with the total; read from :func:`semester_plan`."""
    weeks = semester_plan(meetings, **where)
    chapter_weeks = [w for w in weeks if w["kind"] == "chapter" and w["weight"]]
    project = next(w for w in weeks if w["kind"] == "project")
    uts, uas = (next(w for w in weeks if w["kind"] == kind) for kind in ("uts", "uas"))
    each = sorted({w["weight"] for w in chapter_weeks})
    each_text = " atau ".join(f"{value}%" for value in each)
    weeks_text = ", ".join(str(w["week"]) for w in chapter_weeks)
    everything = _range([code for code, *_ in COURSE_CPMK])
    rows = [
        (
            "Partisipasi",
            "keaktifan dalam diskusi, studi kasus dan praktikum pada setiap pertemuan",
            everything,
            SEMESTER_WEIGHTS["partisipasi"],
        ),
        (
            "Tugas bab (*case method*)",
            f"satu latihan per bab, dipilih dosen dari kolom *Tugas*, dikumpulkan pada pertemuan "
            f"terakhir bab (minggu ke-{weeks_text}); {len(chapter_weeks)} tugas, masing-masing "
            f"{each_text}",
            everything,
            SEMESTER_WEIGHTS["tugas"],
        ),
        (
            "Proyek akhir (*team-based project*)",
            f"esai kelompok dari satu latihan berpikir kritis, dipresentasikan pada minggu ke-"
            f"{project['week']}",
            _range(project["cpmk"]),
            SEMESTER_WEIGHTS["proyek"],
        ),
        (
            "UTS",
            f"ujian tertulis pada minggu ke-{uts['week']}, Bab {_numbers_text(uts)}",
            _range(uts["cpmk"]),
            SEMESTER_WEIGHTS["uts"],
        ),
        (
            "UAS",
            f"ujian tertulis pada minggu ke-{uas['week']}, Bab {_numbers_text(uas)}",
            _range(uas["cpmk"]),
            SEMESTER_WEIGHTS["uas"],
        ),
        (
            "Kuis mandiri (*Check yourself*)",
            "formatif: umpan balik langsung di halaman bab, tidak dinilai",
            everything,
            0,
        ),
    ]
    lines = ["| komponen | bentuk dan waktu | CPMK | bobot |", "|---|---|---|--:|"]
    lines += [f"| {name} | {form} | {cpmk} | {weight}% |" for name, form, cpmk, weight in rows]
    lines.append(f"| **jumlah** | | | **{sum(row[3] for row in rows)}%** |")
    return Markdown("\n".join(lines))


def short_course_table(weeks: int = 6, sks: int = 2, **where: Any) -> Markdown:
    """The ``weeks``-week option (:func:`short_course_plan`) as an Indonesian table: chapters,
    Sub-CPMK, reading, methods, tasks (every exercise, by-hand ones marked, and the self-check
    questions), time and weight."""
    header = [
        "Minggu ke-",
        "CPMK dan Sub-CPMK",
        "Materi",
        f"Bacaan (perkiraan, {WORDS_PER_MINUTE} kata/menit)",
        "Metode",
        "Tugas (pilih satu untuk dinilai)",
        "Waktu (menit)",
        "Bobot",
    ]
    rows = []
    for week in short_course_plan(weeks, **where):
        items = week["items"]
        cpmk = list(dict.fromkeys(code for item in items for code in _cpmk_of(item["chapter"])))
        subs = []
        for item in items:
            codes = [f"{item['number']}.{k}" for k, _ in item["objectives"]]
            subs.append(codes[0] if len(codes) == 1 else f"{codes[0]}–{codes[-1]}")
        materi = "\n".join(
            f"- {{ref}}`{item['title'].split(':')[0]} <{item['label']}>` (Bab {item['number']}"
            + (f", bagian {item['part']} dari {item['parts']}" if item["parts"] > 1 else "")
            + ")"
            for item in items
        )
        methods = ["kuliah interaktif", "diskusi"]
        if any(item["evidence"] for item in items):
            methods.append("studi kasus (*Evidence check*)")
        if any(item["try_it"] for item in items):
            methods.append("praktikum *notebook* (figur interaktif)")
        tasks = [f"- {_exercise_line(e)}" for item in items for e in item["exercises"]]
        tasks += [
            f"- {_selfcheck_line(item['selfchecks'], item['number'])}"
            for item in items
            if item["selfchecks"] != 0
        ]
        weight = f"{week['task_weight']}% (tugas)"
        if week["essay_weight"]:
            weight += f" + {week['essay_weight']}% (esai akhir)"
        rows.append(
            [
                str(week["week"]),
                f"*{', '.join(cpmk)}*\n\nSub-CPMK {', '.join(subs)}",
                materi,
                f"± {week['reading_minutes']} menit ({_id_number(week['words'])} kata)",
                "\n".join(f"- {m}" for m in methods),
                "\n".join(tasks) or "–",
                _time_cell(sks),
                weight,
            ]
        )
    return Markdown(
        _list_table(
            header,
            rows,
            widths=[4, 12, 18, 9, 14, 27, 10, 6],
            width="70em",
        )
    )


def course_plan_facts(sks: int = 3, meetings: int = 14, weeks: int = 6, **where: Any) -> dict:
    """The numbers the course plan's prose quotes, read from the plans (plain ``int``s, ready
    for :func:`glue`): the reading speed and its range, the weekly minutes, the weeks and
    meetings, the reading of the lightest and heaviest meetings, the exercises (all, by hand)
    and the self-check questions, the share of the mark from case studies and the project, and
    the six-week option's heaviest week and weights."""
    semester = semester_plan(meetings, **where)
    taught = [w for w in semester if w["kind"] == "chapter"]
    short = short_course_plan(weeks, **where)
    exercises = [e for w in taught for e in w["exercises"]]
    time = study_time(sks)
    heaviest = max(taught, key=lambda w: w["reading_minutes"] + w["exercise_minutes"])
    counted = [w["selfchecks"] for w in taught if w["part"] == w["parts"]]
    return {
        "words_per_minute": WORDS_PER_MINUTE,
        "speed_low": READING_SPEED_RANGE[0],
        "speed_high": READING_SPEED_RANGE[1],
        "minutes_per_exercise": MINUTES_PER_EXERCISE,
        "sks": sks,
        "tm": time["TM"],
        "pt": time["PT"],
        "bm": time["BM"],
        "tm_per_sks": MINUTES_PER_SKS["TM"],
        "pt_per_sks": MINUTES_PER_SKS["PT"],
        "bm_per_sks": MINUTES_PER_SKS["BM"],
        "weeks": len(semester),
        "meetings": meetings,
        "chapter_meetings": len(taught),
        "uts_week": next(w["week"] for w in semester if w["kind"] == "uts"),
        "uas_week": next(w["week"] for w in semester if w["kind"] == "uas"),
        "project_week": next(w["week"] for w in semester if w["kind"] == "project"),
        "chapters": len({w["chapter"] for w in taught}),
        "reading_total": sum(w["reading_minutes"] for w in taught),
        "reading_min": min(w["reading_minutes"] for w in taught),
        "reading_max": max(w["reading_minutes"] for w in taught),
        "heaviest_week": heaviest["week"],
        "heaviest_minutes": heaviest["reading_minutes"] + heaviest["exercise_minutes"],
        "independent_minutes": time["PT"] + time["BM"],
        "exercises": len(exercises),
        "by_hand": sum(e["by_hand"] for e in exercises),
        "selfcheck_questions": sum(n for n in counted if n),
        "selfcheck_chapters": sum(1 for n in counted if n),
        "case_share": SEMESTER_WEIGHTS["tugas"] + SEMESTER_WEIGHTS["proyek"],
        "short_weeks": len(short),
        "short_participation": SHORT_COURSE_WEIGHTS["partisipasi"],
        "short_tasks": SHORT_COURSE_WEIGHTS["tugas"],
        "short_essay": SHORT_COURSE_WEIGHTS["esai"],
        "short_reading_max": max(w["reading_minutes"] for w in short),
        "short_reading_total": sum(w["reading_minutes"] for w in short),
    }
