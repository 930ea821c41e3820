"""The kinds of content: folder, schema, template name and how items sort."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hub.content import schemas


@dataclass(frozen=True)
class Kind:
    name: str
    folder: str
    title: str
    singular: str
    schema: type[schemas.Item]
    order: int
    sort: Callable[[Any], tuple] = lambda entry: (entry.item.title.lower(),)
    counted: str = ""  # how several are counted, where the title will not do: "50 guidance pages"

    @property
    def noun(self) -> str:
        """Items of this kind when counted, in lower case: "8 exercises", "3 principle sets"."""
        return self.counted or self.title.lower()

    @property
    def one(self) -> str:
        """One item of this kind, in lower case, as counted: "exercise", "guidance page"."""
        return self.counted.removesuffix("s") if self.counted else self.singular.lower()

    def sort_key(self, entry: Any) -> tuple:
        return self.sort(entry)


def _by_number(entry: Any) -> tuple:
    return (entry.item.number,)


def _by_source(entry: Any) -> tuple:
    return (entry.item.source.document, entry.item.source.pages or "", entry.item.title.lower())


_ALL = [
    Kind("exercise", "exercises", "Exercises", "Exercise", schemas.Exercise, 1, _by_number),
    Kind("scenario", "scenarios", "Scenarios", "Scenario", schemas.Scenario, 2, _by_source),
    Kind("case-study", "case-studies", "Case studies", "Case study", schemas.CaseStudy, 3),
    Kind("worksheet", "worksheets", "Worksheets", "Worksheet", schemas.Worksheet, 4),
    Kind("audit", "audits", "Self-assessment tools", "Self-assessment tool", schemas.Audit, 5),
    Kind("star", "stars", "Culture star", "Culture star", schemas.CultureStar, 6, counted="culture stars"),
    Kind("quiz", "quizzes", "Quizzes", "Quiz", schemas.Quiz, 7),
    Kind("principles", "principles", "Principles", "Principles", schemas.PrincipleSet, 8, counted="principle sets"),
    Kind("questions", "questions", "Question sets", "Question set", schemas.QuestionSet, 9),
    Kind("comparison", "comparisons", "Comparisons", "Comparison", schemas.Comparison, 10),
    Kind("guidance", "guidance", "Guidance", "Guidance", schemas.Guidance, 11, _by_source, "guidance pages"),
    Kind("pack", "packs", "Workshop packs", "Workshop pack", schemas.Pack, 12),
]

KINDS: dict[str, Kind] = {kind.folder: kind for kind in _ALL}
