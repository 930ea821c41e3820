"""Fixtures for the fast tier: the real content, read and rendered in memory once, nothing written."""

from __future__ import annotations

import pytest

from conftest import EPOCH, REPO, SITE_URL
from hub.content.library import Library
from hub.content.load import load_library
from hub.model import Model
from hub.render import Renderer
from hub.render.outputs import Rendered
from hub.settings import Settings


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings.load(REPO, epoch=int(EPOCH), site_url=SITE_URL)


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library(REPO)


@pytest.fixture(scope="session")
def model(library: Library) -> Model:
    return Model.of(library)


@pytest.fixture(scope="session")
def renderer(model: Model, settings: Settings) -> Renderer:
    return Renderer(model, settings, keep_compiled=False)


@pytest.fixture(scope="session")
def rendered(renderer: Renderer) -> Rendered:
    return renderer.render_all()
