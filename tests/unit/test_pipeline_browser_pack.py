"""hub.pipeline.browser_pack: what the planner's pack in the browser is told about the site's address."""

from __future__ import annotations

from conftest import EPOCH, REPO, SITE_URL
from hub.pipeline.browser_pack import planner_link
from hub.settings import Settings


def test_the_front_pages_point_at_the_planner_only_at_a_real_address() -> None:
    published = planner_link(Settings.load(REPO, epoch=int(EPOCH), site_url=SITE_URL))
    assert published["url"] == f"{SITE_URL}exercises/plan/"
    assert published["shortLink"] == "personal-outcomes-hub.org/exercises/plan/"
    assert published["qr"].startswith("iVBORw0KGgo")  # a PNG, in base64
    placeholder = planner_link(Settings.load(REPO, epoch=int(EPOCH)))  # mkdocs.yml's example.org address
    assert placeholder == {"url": "https://outcomes-hub.example.org/exercises/plan/", "shortLink": "", "qr": ""}
