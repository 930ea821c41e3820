"""The site's search index, made by Pagefind over the built pages, whatever engine built them.

Pagefind (PyPI ``pagefind[bin]``) writes ``pagefind/`` into the site: a small script, a WebAssembly search
and the index in chunks, none of which a page loads until someone searches (``search.js``). It indexes what
``docs/overrides/main.html`` marks: each page's content (``data-pagefind-body``), its title weighted above
all, its kind and summary as metadata; pages whose front matter says ``search: exclude`` are not marked,
so they are not indexed. The theme's own search runs only in the offline build, where Pagefind's script
cannot load from ``file://`` (docs/performance.md).
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

from hub.site.engines import SiteError

FOLDER = "pagefind"
# Parts of a page that are not what it is about: the permalink marks, its themes (shown as links, and
# again as its kind's list), the labels of the hub's notes, its download buttons, and the tools' forms,
# hidden until their scripts show them (their words are the tools', not the page's).
EXCLUDED = (
    ".headerlink",
    ".md-tags",
    ".hub-kind",
    ".hub-note-label",
    ".hub-downloads",
    ".md-source-file",
    ".hub-tool",
    "[data-hub-planner]",
    "noscript",
)
_FRAGMENT_SIGNATURE = b"pagefind_dcd"


class SearchIndexError(SiteError):
    """Pagefind did not index the site; the message says why."""


def index_site(site: Path) -> None:
    """Write Pagefind's index of the built ``site`` into ``site/pagefind/``."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", FOLDER, "--silent"]
    command += ["--exclude-selectors", ", ".join(EXCLUDED), "--force-language", "en"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not (site / FOLDER / "pagefind.js").is_file():
        details = "\n".join(f"  {line}" for line in (done.stdout + done.stderr).splitlines() if line.strip())
        raise SearchIndexError(f"pagefind: the search index was not made\n{details}".rstrip())


def indexed(site: Path) -> dict[str, dict]:
    """Pagefind's record of each page it indexed (its ``content``, ``meta`` and ``url``), by the page's address
    relative to the site (as ``exercises/exercise-1/``); each is one file, ``pagefind/fragment/*.pf_fragment``
    (``file`` in the record)."""
    pages = {}
    for fragment in sorted((site / FOLDER / "fragment").glob("*.pf_fragment")):
        record = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(_FRAGMENT_SIGNATURE))
        pages[record["url"].lstrip("/")] = {**record, "file": fragment}
    return pages


def indexed_pages(site: Path) -> set[str]:
    """The addresses (relative to the site, as ``exercises/exercise-1/``) of the pages in Pagefind's index."""
    return set(indexed(site))
