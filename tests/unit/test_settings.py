"""hub.settings: one Settings per run, mkdocs.yml read once, the site address normalised one way."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import EPOCH, REPO
from hub.settings import A4, Paper, Settings, normalise_site_url, read_site_config


@pytest.mark.parametrize(
    ("given", "normal"),
    [
        ("https://example.org", "https://example.org/"),
        ("https://example.org/hub/", "https://example.org/hub/"),
        (" https://example.org/hub// ", "https://example.org/hub/"),
        ("", "/"),
        (None, "/"),
    ],
)
def test_site_address_normalised_one_way(given: str | None, normal: str) -> None:
    assert normalise_site_url(given) == normal


def test_settings_from_the_project(settings: Settings) -> None:
    assert settings.build_date == datetime.fromtimestamp(int(EPOCH), UTC)
    assert settings.epoch == int(EPOCH)
    assert settings.site_url == normalise_site_url(read_site_config(REPO / "mkdocs.yml")["site_url"])
    assert settings.paper == A4
    assert settings.paths.pdf_cache == REPO / ".cache" / "pdf"
    assert settings.with_paper(Paper("letter", True)).paper.label == "US Letter, large print"


def test_without_an_epoch_or_git_the_date_is_now(tmp_path: Path) -> None:
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    before = datetime.now(UTC).replace(microsecond=0)
    settings = Settings.load(tmp_path)
    assert before <= settings.build_date <= datetime.now(UTC)


def test_mkdocs_tags_are_read_as_nothing(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_url: https://x.org\nx: !ENV [HUB, y]\n", encoding="utf-8")
    assert read_site_config(tmp_path / "mkdocs.yml") == {"site_url": "https://x.org", "x": None}


@pytest.mark.parametrize(
    ("paper", "classes", "label"),
    [(A4, "paper-a4", "A4"), (Paper("letter", True), "paper-letter large-print", "US Letter, large print")],
)
def test_paper(paper: Paper, classes: str, label: str) -> None:
    assert (paper.html_classes, paper.label) == (classes, label)
