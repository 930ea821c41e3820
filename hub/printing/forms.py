"""Finish WeasyPrint's form fields for answers that run long.

WeasyPrint 70 gives every text field the font size of its box (``/DA`` "… 10 Tf"), so a viewer sets what is
typed at 10 pt and, in a box five lines high, cuts off the sixth.  A multi-line field (a ``<textarea>``, which
WeasyPrint already flags ``/Ff`` multiline) gets size 0 instead, which PDF viewers read as *auto*: the text
shrinks to fit the box as it grows.  One-line fields (scores) keep their size.
"""

from __future__ import annotations

import re

import pydyf

MULTILINE = 1 << (13 - 1)  # ISO 32000-1, table 228
_FONT_SIZE = re.compile(rb"(/\S+) [\d.]+ Tf")


def auto_size_long_answers(pdf: pydyf.PDF) -> None:
    """Every multi-line text field of ``pdf`` sets its text at auto size (``0 Tf``)."""
    for field in pdf.objects:
        if not isinstance(field, pydyf.Dictionary) or field.get("FT") != "/Tx":
            continue
        if not int(field.get("Ff", 0)) & MULTILINE or not isinstance(field.get("DA"), pydyf.String):
            continue
        appearance = field["DA"].string
        appearance = appearance.encode() if isinstance(appearance, str) else appearance
        field["DA"] = pydyf.String(_FONT_SIZE.sub(rb"\1 0 Tf", appearance))
