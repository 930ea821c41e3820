"""The site engines behind the adapter: ProperDocs builds the same site as MkDocs (but for the generator tag),
Zensical builds a complete, checked site, and the hub's own link checks hold for any engine."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import ignore_at_top, run_build, tree_snapshot
from hub.settings import read_site_config
from hub.site.links import check_links, check_navigation
from hub.site.pagefind import indexed_pages

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def copy_built(built: Path, target: Path) -> Path:
    """The built project with its PDF cache, so that only the site is built again."""
    shutil.copytree(built, target, ignore=ignore_at_top(built, "site", ".build"), symlinks=True)
    return target


@pytest.mark.e2e
def test_properdocs_builds_the_same_site_but_for_the_generator(built: Path, tmp_path: Path) -> None:
    project = copy_built(built, tmp_path / "properdocs")
    result = run_build(project, "build", "--engine", "properdocs")
    assert result.code == 0, result.stderr
    assert "Traceback" not in result.stderr
    ours, theirs = tree_snapshot(built / "site"), tree_snapshot(project / "site")
    assert sorted(ours) == sorted(theirs)
    differ = [name for name in ours if ours[name] != theirs[name]]
    assert differ, "ProperDocs should name itself in the generator tag"
    for name in differ:
        assert name.endswith(".html"), name
        assert GENERATOR.sub(b"", ours[name]) == GENERATOR.sub(b"", theirs[name]), name
        assert b'content="properdocs-' in theirs[name] or b"properdocs" in theirs[name].lower(), name


@pytest.mark.e2e
def test_zensical_builds_a_complete_checked_site(built: Path, tmp_path: Path) -> None:
    if not (Path.cwd() / ".venv-zensical" / "bin" / "zensical").exists():
        pytest.fail("Zensical is missing: make test installs it into .venv-zensical")
    project = copy_built(built, tmp_path / "zensical")
    (project / ".venv-zensical").symlink_to(Path.cwd() / ".venv-zensical")
    result = run_build(project, "build", "--engine", "zensical")
    assert result.code == 0, result.stderr
    site = project / "site"
    assert b"zensical" in (site / "index.html").read_bytes()
    assert (site / "search.json").is_file() and not (site / "search" / "search_index.json").exists()
    assert not list(project.glob(".zensical-*"))
    # The hub's own page template (main.html) with Zensical's theme: the same head, scripts and search marks.
    exercise = (site / "exercises/exercise-6-risk-taking/index.html").read_text(encoding="utf-8")
    assert '<meta property="og:title" content="Exercise 6: Risk-taking">' in exercise
    assert '"@type":"LearningResource"' in exercise.replace(" ", "") and "data-pagefind-body" in exercise
    planner = (site / "exercises/plan/index.html").read_text(encoding="utf-8")
    assert "assets/javascripts/planner.js" in planner and "assets/javascripts/planner.js" not in exercise
    assert "exercises/exercise-6-risk-taking/" in indexed_pages(site)
    for page in tree_snapshot(built / "site"):
        if page.endswith(".pdf") or (page.endswith("index.html") and "/" in page and page.split("/")[0] != "search"):
            assert (site / page).is_file(), page


def test_the_links_check_finds_absolute_and_dead_links(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<a href="../b/">b</a> <a href="/c/">c</a> <a href="../nowhere/">x</a> <img src="../../outside.png">'
        '<a href="https://example.org/">web</a> <a href="#top">top</a> <a href="../b/#part">part</a>',
        encoding="utf-8",
    )
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.html").write_text('<a href="../a/index.html?x=1">a</a>', encoding="utf-8")
    (tmp_path / "404.html").write_text('<a href="/assets/x.css">engine page</a>', encoding="utf-8")
    assert check_links(tmp_path) == [
        "a/index.html: absolute link /c/; links between pages must be relative",
        "a/index.html: link ../nowhere/ leads to nothing",
        "a/index.html: link ../../outside.png leads outside the site",
    ]


def test_the_navigation_check_finds_pages_left_out(tmp_path: Path) -> None:
    config = read_site_config(Path.cwd() / "mkdocs.yml")
    for name in ("index.md", "exercises/index.md", "exercises/x.md", "exercises/page/2.md", "stray.md", "a/b/c.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("# x\n", encoding="utf-8")
    assert check_navigation(tmp_path, config) == [
        "docs/a/b/c.md is not in the navigation (nav) and not listed in not_in_nav",
        "docs/stray.md is not in the navigation (nav) and not listed in not_in_nav",
    ]
