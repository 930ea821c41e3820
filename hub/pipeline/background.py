"""PDF printing beside the site build, in a thread that hands its result or its error back."""

from __future__ import annotations

import threading
from collections.abc import Callable

from hub.printing.pool import PrintSummary


class BackgroundPrinting(threading.Thread):
    """Runs the PDF printing beside the site build; ``result()`` waits and re-raises its error."""

    def __init__(self, work: Callable[[], PrintSummary]) -> None:
        super().__init__(daemon=True, name="printing")
        self._work = work
        self._summary: PrintSummary | None = None
        self._error: BaseException | None = None
        self.start()

    def run(self) -> None:
        try:
            self._summary = self._work()
        except BaseException as error:  # handed to the main thread by result()
            self._error = error

    def result(self) -> PrintSummary:
        self.join()
        if self._error is not None:
            raise self._error
        assert self._summary is not None
        return self._summary
