"""Stage one: read and validate everything under ``content/``."""

from hub.content.library import Entry, Library
from hub.content.load import load_library

__all__ = ["Entry", "Library", "load_library"]
