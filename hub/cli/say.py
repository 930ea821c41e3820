"""Everything the command line prints goes through here, so that nothing typed into content, a ratings
file or an argument can move the cursor, clear the screen or fake a line: control characters are shown
escaped (``\\x1b[2J``), by :func:`hub.problems.printable`."""

from __future__ import annotations

import sys

from hub.problems import printable


def say(*lines: str) -> None:
    """Each of ``lines`` on standard output, one line each."""
    for line in lines:
        print(printable(str(line)))


def complain(*lines: str) -> None:
    """Each of ``lines`` on standard error, one line each."""
    for line in lines:
        print(printable(str(line)), file=sys.stderr)
