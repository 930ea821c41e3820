"""How items of each kind are counted in what the site says ("Showing 3 of 50 guidance pages")."""

from __future__ import annotations

from hub.content.kinds import KINDS


def test_every_kind_is_counted_in_words_that_read_as_english() -> None:
    counted = {kind.name: (kind.one, kind.noun) for kind in KINDS.values()}
    assert counted == {
        "exercise": ("exercise", "exercises"),
        "scenario": ("scenario", "scenarios"),
        "case-study": ("case study", "case studies"),
        "worksheet": ("worksheet", "worksheets"),
        "audit": ("self-assessment tool", "self-assessment tools"),
        "star": ("culture star", "culture stars"),
        "quiz": ("quiz", "quizzes"),
        "principles": ("principle set", "principle sets"),
        "questions": ("question set", "question sets"),
        "comparison": ("comparison", "comparisons"),
        "guidance": ("guidance page", "guidance pages"),
        "pack": ("workshop pack", "workshop packs"),
    }
