"""hub.render.formats: every output format, its path rule, templates and the downloads pages show."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO
from hub.content.kinds import KINDS
from hub.model import Model
from hub.render import Renderer
from hub.render.formats import FORMATS, downloads_of
from hub.render.outputs import GENERATED_FOLDERS, Output, PdfFacts, Rendered
from hub.render.qr import short_link

ALL_KIND_NAMES = {kind.name for kind in KINDS.values()}


def all_outputs(model: Model) -> list[Output]:
    downloads = downloads_of(model)
    return [output for output_format in FORMATS for output in output_format.outputs(model, downloads)]


def test_formats_have_names_and_serve_known_kinds() -> None:
    names = [output_format.name for output_format in FORMATS]
    assert len(names) == len(set(names)) and all(names)
    for output_format in FORMATS:
        assert output_format.kinds <= ALL_KIND_NAMES, output_format.name


def test_every_output_has_one_path_inside_a_generated_folder(model: Model) -> None:
    paths = [output.path for output in all_outputs(model)]
    assert len(paths) == len(set(paths))
    for path in paths:
        assert path.split("/")[0] in GENERATED_FOLDERS, path
        assert ".." not in Path(path).parts and not path.startswith("/"), path


def test_every_template_named_exists(model: Model) -> None:
    for output in all_outputs(model):
        if output.template is not None:
            assert (REPO / "templates" / output.template).is_file(), (output.path, output.template)


def test_templates_are_found_by_the_naming_rule(model: Model) -> None:
    outputs = {output.path: output for output in all_outputs(model)}
    for kind in KINDS.values():
        for entry in model.library.of_kind(kind):
            assert outputs[f"{kind.folder}/{entry.id}.md"].template == f"{kind.name}.md.j2"
    exercise = model.library.of_kind(KINDS["exercises"])[0]
    assert outputs[f"pdf/{exercise.id}-facilitator.pdf"].template == "print/exercise.facilitator.html.j2"
    assert outputs[f"pdf/{exercise.id}-participant.pdf"].template == "print/exercise.participant.html.j2"


def test_every_item_has_a_page_and_a_pdf(model: Model) -> None:
    paths = {output.path for output in all_outputs(model)}
    downloads = downloads_of(model)
    for entry in model.library.entries.values():
        assert f"{entry.kind.folder}/{entry.id}.md" in paths
        links = downloads(entry)
        assert links, entry.id
        for link in links:
            assert link.pdf_path in paths, (entry.id, link)


def test_downloads_come_in_format_order_with_handouts_first(model: Model) -> None:
    downloads = downloads_of(model)
    exercise = model.library.entries["exercise-6-risk-taking"]
    labels = [link.label for link in downloads(exercise)]
    assert labels[:2] == ["Facilitator handout", "Participant worksheet"]
    assert any(label.endswith(", fillable") for label in labels[2:])
    scenario = model.library.of_kind(KINDS["scenarios"])[0]
    assert [link.label for link in downloads(scenario)] == ["Handout", "Scenario cards"]
    pack = model.library.of_kind(KINDS["packs"])[0]
    assert [link.label for link in downloads(pack)] == ["Workshop pack", "Participant set to photocopy"]


def test_decks_link_from_every_item_they_hold(model: Model) -> None:
    downloads = downloads_of(model)
    for deck in model.decks:
        for entry in deck.entries:
            assert deck.pdf_path in [link.pdf_path for link in downloads(entry)], (deck.name, entry.id)


def test_each_pack_is_planned_once_and_both_its_page_and_pdf_show_that_plan(model: Model) -> None:
    outputs = {output.path: output for output in all_outputs(model)}
    for entry in model.library.of_kind(KINDS["packs"]):
        plan = model.plans[entry.id]
        assert outputs[f"packs/{entry.id}.md"].context["plan"] is plan
        assert outputs[f"pdf/{entry.id}.pdf"].context["plan"] is plan


def test_render_all_splits_pages_and_pdfs(rendered: Rendered) -> None:
    assert all(not name.endswith(".pdf") for name in rendered.pages)
    assert all(job.pdf_path.endswith(".pdf") and job.html.startswith("<!DOCTYPE html>") for job in rendered.print_jobs)
    assert "exercises/plan.md" in rendered.pages and "sources/index.md" in rendered.pages
    assert "themes/index.md" in rendered.pages


def test_print_html_carries_the_page_address(renderer: Renderer, model: Model) -> None:
    handout = next(o for o in all_outputs(model) if o.path == "pdf/sandra.pdf")
    html = renderer.render(handout)
    assert f"Online:</span> {short_link(renderer.settings.site_url)}scenarios/sandra/ " in html


@pytest.mark.parametrize("kind", sorted(KINDS.values(), key=lambda kind: kind.order), ids=lambda kind: kind.name)
def test_every_kind_has_its_page_template_and_handout_templates(kind) -> None:
    assert (REPO / "templates" / f"{kind.name}.md.j2").is_file()
    if kind.name != "pack":
        handouts = list((REPO / "templates" / "print").glob(f"{kind.name}.*.html.j2"))
        assert handouts, kind.name


def test_the_downloads_page_lists_every_pdf_once_with_its_facts(model: Model, settings) -> None:
    renderer = Renderer(model, settings, keep_compiled=False)
    rendered = renderer.render_all()
    page = rendered.pages["downloads/index.md"]
    pdfs = [job.pdf_path for job in rendered.print_jobs]
    for pdf in pdfs:
        assert page.count(f"](../{pdf})") == 1, pdf
    assert page.count(") (–, –)") == len(pdfs)  # nothing printed yet: no facts
    renderer.pdf_facts.update({pdf: PdfFacts(123_456, 3) for pdf in pdfs})
    renderer.pdf_facts[pdfs[0]] = PdfFacts(2_345_678, 1)
    late = renderer.render_late()["downloads/index.md"]
    assert late.count(") (3 pages, 123 KB)") == len(pdfs) - 1
    assert late.count(") (1 page, 2.3 MB)") == 1
    headings = [line for line in late.splitlines() if line.startswith("## ")]
    assert headings == ["## Workshop packs", "## Handouts", "## Worksheets to fill in", "## Card decks", "## Posters"]
