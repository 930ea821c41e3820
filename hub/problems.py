"""Problems: what went wrong, and exactly where, in words an author or user can act on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ContentError(Exception):
    """Raised when content cannot be built; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} content problem(s)")
        self.problems = sorted(problems)


class UsageError(Exception):
    """A command-line argument that cannot be used; ``option`` names it."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(message)
        self.option = option
        self.message = message
