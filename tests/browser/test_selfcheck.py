"""Self-check questions answer back on the built page, by tap and by keyboard, with no kernel.

Every question of every chapter is answered wrong (the tempting option, or a computed mistake)
and then right, and the feedback must say so with its explanation.
"""

from __future__ import annotations

import json

from aicap.selfcheck import unscramble

from .site import PageVisit


def _feedback(question) -> str:
    return question.eval_on_selector(".aicap-feedback", "p => p.textContent")


def test_every_question_gives_feedback_right_and_wrong(browser, server, chapter_pages):
    problems, answered = [], 0
    for name in chapter_pages:
        visit = PageVisit(browser, server, width=375)
        page = visit.open(f"{server}/{name}")
        for quiz in page.query_selector_all(".aicap-quiz.is-live"):
            answers = json.loads(
                unscramble(quiz.get_attribute("data-answers"), quiz.get_attribute("data-quiz"))
            )
            for question in quiz.query_selector_all(".aicap-question"):
                ident = question.get_attribute("id")
                answer = answers[ident]
                check = question.query_selector("button.aicap-check")
                if "correct" in answer:
                    options = question.query_selector_all("input[type=radio]")
                    wrong = next(i for i in range(len(options)) if i != answer["correct"])
                    question.query_selector_all("label.aicap-option")[wrong].tap()
                    check.tap()
                    said = _feedback(question)
                    if not (said.startswith("Not quite") and answer["why"][wrong] in said):
                        problems.append(f"{name} {ident}: wrong option gave {said!r}")
                    question.query_selector_all("label.aicap-option")[answer["correct"]].tap()
                    check.tap()
                    said = _feedback(question)
                    if not (said.startswith("Right") and answer["why"][answer["correct"]] in said):
                        problems.append(f"{name} {ident}: right option gave {said!r}")
                else:
                    field = question.query_selector("input[type=text]")
                    mistake, why = answer["mistakes"][0]
                    field.fill(f"{mistake:.6g}".replace(".", ","))  # a decimal comma
                    check.tap()
                    said = _feedback(question)
                    if abs(mistake - answer["answer"]) > answer["tolerance"] and not (
                        said.startswith("Not quite") and why in said
                    ):
                        problems.append(f"{name} {ident}: mistake gave {said!r}")
                    field.fill(f"{answer['answer']:.6g}")
                    field.press("Enter")  # the keyboard's way to check
                    said = _feedback(question)
                    if not said.startswith("Right"):
                        problems.append(f"{name} {ident}: right number gave {said!r}")
                answered += 1
        problems += [f"{name}: {error}" for error in visit.console_errors]
        visit.close()
    assert answered >= 5 * len(chapter_pages), f"only {answered} questions answered"
    assert not problems, "\n".join(problems)


def test_questions_read_as_text_with_javascript_off(browser, server):
    visit = PageVisit(browser, server, width=375, javascript=False)
    page = visit.open(f"{server}/chapters/creative_destruction.html")
    texts = page.locator(".aicap-question .aicap-question-text").all_inner_texts()
    assert len(texts) >= 5 and all(text.strip() for text in texts)
    assert page.locator(".aicap-quiz input").count() == 0  # no control that would do nothing
    visit.close()
