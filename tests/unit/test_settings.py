"""hub.settings: one Settings per run, mkdocs.yml read once, the site address normalised one way."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import EPOCH, REPO, SITE_URL
from hub.settings import A4, Paper, Settings, is_placeholder_url, normalise_site_url, read_site_config


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
    assert settings.site_url == SITE_URL  # the deployment's address, over mkdocs.yml's
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


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "/",
        "https://outcomes-hub.example.org/",
        "https://example.com",
        "http://www.example.net/hub/",
        "https://hub.invalid/",
        "https://outcomes.test/",
        "https://hub.example/",
        "http://localhost:8000/",
        "http://hub.localhost/",
        "http://127.0.0.1:8000/",
        "http://[::1]/",
        "http://0.0.0.0/",
        "ftp://outcomes-hub.org/",
        "outcomes-hub.org/",
        "https://[::1/",
    ],
)
def test_placeholder_addresses(url: str | None) -> None:
    assert is_placeholder_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://personal-outcomes-hub.org/",
        "https://www.iriss.org.uk/outcomes/",
        "http://10.0.0.5/hub/",
        "https://exampleorg.net/",
    ],
)
def test_real_addresses(url: str) -> None:
    assert not is_placeholder_url(url)


def test_the_deployments_address_outranks_mkdocs_yml() -> None:
    from_config = Settings.load(REPO, epoch=int(EPOCH))
    assert from_config.site_url == normalise_site_url(read_site_config(REPO / "mkdocs.yml")["site_url"])
    assert not from_config.published  # the shipped mkdocs.yml holds a placeholder
    given = Settings.load(REPO, epoch=int(EPOCH), site_url="https://hub.care.scot/outcomes")
    assert (given.site_url, given.published) == ("https://hub.care.scot/outcomes/", True)
