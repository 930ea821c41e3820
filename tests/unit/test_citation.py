"""CITATION.cff: valid YAML in the CFF 1.2 shape, naming every source document the content comes from."""

from __future__ import annotations

import yaml

from conftest import REPO
from hub.content.library import Library


def test_citation_names_the_software_and_every_source(library: Library) -> None:
    citation = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0" and citation["type"] == "software"
    assert citation["title"] == "Outcomes Hub" and citation["license"] == "MIT"
    assert all(key in citation for key in ("message", "authors", "version"))
    cited = {reference["title"] for reference in citation["references"]}
    assert cited == {document.title for document in library.sources.values()}
