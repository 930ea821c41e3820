"""Every page of the built site is valid HTML, by the W3C's Nu HTML Checker (vnu.jar).

The checker runs once, over all the pages together: a Java process costs a few
seconds to start. `make test` installs it (the npm package vnu-jar, pinned in
the Makefile) and Java, so a missing checker fails the test rather than skips it.
Warnings, such as "Section lacks heading", are allowed; only errors fail.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO

pytestmark = pytest.mark.e2e

VNU_JAR = REPO / ".tools/node_modules/vnu-jar/build/dist/vnu.jar"


def check_html(pages: list[Path]) -> list[dict]:
    """The checker's messages about ``pages``, each a dict with ``type``, ``url``, ``message`` and, mostly, lines."""
    java = shutil.which("java")
    assert java, "no java on the PATH: `make test` installs it (default-jre-headless)"
    assert VNU_JAR.is_file(), f"no {VNU_JAR.relative_to(REPO)}: `make vnu` installs it (and `make test` does)"
    done = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--stdout", *map(str, pages)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        raise AssertionError(f"vnu.jar gave no report (exit {done.returncode}):\n{done.stderr}") from None
    return report["messages"]


def describe(message: dict, site: Path) -> str:
    where = message.get("url", "").removeprefix("file:")
    where = Path(where).relative_to(site).as_posix() if where.startswith(str(site)) else where
    line, column = message.get("lastLine"), message.get("firstColumn", message.get("lastColumn"))
    position = f":{line}:{column}" if line else ""
    return f"{where}{position}: {message['message']}"


def test_every_page_of_the_site_is_valid_html(built: Path) -> None:
    site = built / "site"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 100
    messages = check_html(pages)
    errors = [describe(m, site) for m in messages if m["type"] != "info"]  # error, or non-document-error
    warnings = [m for m in messages if m["type"] == "info" and m.get("subType") == "warning"]
    print(f"vnu.jar: {len(pages)} pages, {len(errors)} errors, {len(warnings)} warnings")
    assert errors == [], f"{len(errors)} HTML errors:\n" + "\n".join(errors)
