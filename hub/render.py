"""Turn a validated library into page Markdown and print HTML, through Jinja templates.

Templates are found by a naming rule: an item of kind ``exercise`` is rendered
by ``templates/exercise.md.j2`` for its page and by
``templates/print/exercise.<variant>.html.j2`` for each of its PDFs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined

from hub.content import Entry, Library
from hub.kinds import KINDS, Kind
from hub.listings import DATA_SCRIPT, data_script, listing_pages
from hub.markup import markdown_block, markdown_inline, plain_in_markdown, plain_text
from hub.packs import duration, plan_pack
from hub.print_products import PrintProducts
from hub.provenance import mark_slips
from hub.qr import qr_image, short_link
from hub.schemas import Exercise, Theme

PDF_FOLDER = "pdf"
USED_BY_SHOWN = 20  # items named under "Used by"; the rest are counted, so a page stays small however many there are
GENERATED_FOLDERS = (*(kind.folder for kind in KINDS.values()), PDF_FOLDER, "sources", "themes")


@dataclass(frozen=True)
class PrintVariant:
    name: str
    label: str
    suffix: str


FACILITATOR = PrintVariant("facilitator", "Facilitator handout", "-facilitator")
PARTICIPANT = PrintVariant("participant", "Participant worksheet", "-participant")
HANDOUT = PrintVariant("handout", "Handout", "")
WORKSHOP_PACK = PrintVariant("workshop", "Workshop pack", "")


def print_variants(kind: Kind) -> tuple[PrintVariant, ...]:
    if kind.name == "pack":
        return (WORKSHOP_PACK,)
    return (FACILITATOR, PARTICIPANT) if kind.name == "exercise" else (HANDOUT,)


@dataclass(frozen=True)
class Paper:
    """What every PDF is set for: A4 or US Letter, and large print (body text 16pt or more) on request."""

    size: str = "a4"
    large_print: bool = False

    @property
    def html_classes(self) -> str:
        return f"paper-{self.size}" + (" large-print" if self.large_print else "")


A4 = Paper()


@dataclass(frozen=True)
class PrintJob:
    """One PDF to make: where it goes, its HTML, and a name for messages."""

    pdf_path: str
    html: str
    label: str


@dataclass(frozen=True)
class Rendered:
    pages: dict[str, str]
    print_jobs: list[PrintJob]


def pdf_name(entry: Entry, variant: PrintVariant) -> str:
    return f"{PDF_FOLDER}/{entry.id}{variant.suffix}.pdf"


def group_in_order(items: list, attribute: str) -> list[tuple[object, list[tuple[int, object]]]]:
    """Consecutive runs of items sharing ``attribute``, each item with its number from 1."""
    groups: list[tuple[object, list[tuple[int, object]]]] = []
    for number, item in enumerate(items, start=1):
        key = getattr(item, attribute)
        if not groups or groups[-1][0] != key:
            groups.append((key, []))
        groups[-1][1].append((number, item))
    return groups


def make_environment(templates: Path, compiled_templates: Path | None = None) -> Environment:
    """The Jinja environment; ``compiled_templates`` keeps compiled templates between builds (keyed by source)."""
    bytecode_cache = None
    if compiled_templates is not None:
        compiled_templates.mkdir(parents=True, exist_ok=True)
        bytecode_cache = FileSystemBytecodeCache(str(compiled_templates))
    environment = Environment(
        loader=FileSystemLoader(templates),
        bytecode_cache=bytecode_cache,
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters.update(
        md=markdown_block,
        md_inline=markdown_inline,
        md_text=plain_in_markdown,
        plain=plain_text,
        groupby_keep=group_in_order,
        qr=qr_image,
        duration=duration,
        short_link=short_link,
    )
    return environment


def template_context(
    library: Library, build_date: datetime, site_url: str, products: PrintProducts, paper: Paper = A4
) -> dict:
    """What every template can use."""
    return {
        "library": library,
        "kinds": sorted(KINDS.values(), key=lambda kind: kind.order),
        "build_date": build_date.astimezone(UTC),
        "site_url": site_url.rstrip("/") + "/",
        "pdf_name": pdf_name,
        "print_variants": print_variants,
        "theme_labels": lambda item: [library.themes[theme].label for theme in item.themes],
        "paper": paper,
        "pack_plan": lambda pack: plan_pack(pack, library),
        "used_by_shown": USED_BY_SHOWN,
        **products.template_helpers(),
    }


def render_library(
    library: Library,
    templates: Path,
    build_date: datetime,
    site_url: str,
    paper: Paper = A4,
    compiled_templates: Path | None = None,
) -> Rendered:
    environment = make_environment(templates, compiled_templates)
    products = PrintProducts(library)
    common = template_context(library, build_date, site_url, products, paper)
    pages: dict[str, str] = {}
    jobs: list[PrintJob] = []
    catalogue = environment.get_template("catalogue.md.j2")
    for kind in common["kinds"]:
        entries = library.of_kind(kind)
        if not entries:
            continue
        listing = listing_pages(kind.folder, entries)
        choices = FilterChoices.of(entries, library)
        for page in listing:
            pages[page.name] = catalogue.render(common, kind=kind, entries=entries, listing=page, choices=choices)
        if listing[0].paged:
            records = [catalogue_record(entry, common) for entry in entries]
            pages[f"{kind.folder}/{DATA_SCRIPT}"] = data_script(kind.folder, records)
        page_template = environment.get_template(f"{kind.name}.md.j2")
        for entry in entries:
            context = {**common, "entry": entry, "item": entry.item, "kind": kind}
            pages[f"{kind.folder}/{entry.id}.md"] = mark_slips(page_template.render(context), entry.item)
            for variant in print_variants(kind):
                template = environment.get_template(f"print/{kind.name}.{variant.name}.html.j2")
                html = template.render(context, variant=variant, page_url=common["site_url"] + entry.url)
                html = mark_slips(html, entry.item)
                jobs.append(PrintJob(pdf_name(entry, variant), html, f"{entry.path} ({variant.label.lower()})"))
    jobs += [PrintJob(*made) for made in products.render(environment, common)]
    pages["sources/index.md"] = environment.get_template("sources.md.j2").render(common)
    exercises = library.of_kind(KINDS["exercises"])
    if exercises:  # the session planner: its page carries the exercises' data, so it works from file:// too
        planner = environment.get_template("planner.md.j2")
        first = listing_pages("exercises", exercises)[0]
        pages["exercises/plan.md"] = planner.render(common, entries=first.entries, total=len(exercises), listing=first)
    pages.update(theme_pages(library, environment, common))
    return Rendered(pages, jobs)


@dataclass(frozen=True)
class FilterChoices:
    """The values a catalogue's filters offer: those its items have (exercises have all four)."""

    themes: list[tuple[str, Theme]]
    minutes: list[int]
    parts: list[int]
    audiences: list[str]

    @classmethod
    def of(cls, entries: list[Entry], library: Library) -> FilterChoices:
        used = {theme for entry in entries for theme in entry.item.themes}
        themes = [(key, theme) for key, theme in library.themes.items() if key in used]
        themes.sort(key=lambda pair: pair[1].label)
        exercises = [entry.item for entry in entries if isinstance(entry.item, Exercise)]
        return cls(
            themes,
            sorted({item.time.minutes for item in exercises}),
            sorted({item.part for item in exercises}),
            sorted({audience for item in exercises for audience in item.audience}),
        )


def theme_pages(library: Library, environment: Environment, common: dict) -> dict[str, str]:
    """A page for each theme listing its items (in pages of its own), and an index of the themes."""
    by_theme: dict[str, list[Entry]] = {theme_id: [] for theme_id in library.themes}
    for kind in common["kinds"]:
        for entry in library.of_kind(kind):
            for theme_id in entry.item.themes:
                by_theme[theme_id].append(entry)
    pages = {"themes/index.md": environment.get_template("themes.md.j2").render(common, by_theme=by_theme)}
    theme_template = environment.get_template("theme.md.j2")
    for theme_id, entries in by_theme.items():
        for page in listing_pages(f"themes/{theme_id}", entries):
            pages[page.name] = theme_template.render(
                common, theme=library.themes[theme_id], entries=entries, listing=page
            )
    return pages


def catalogue_record(entry: Entry, common: dict) -> dict:
    """What the filters and the planner need to show an item that is not on the page in view."""
    item = entry.item
    labels = common["theme_labels"](item)
    record = {"id": entry.id, "title": plain_text(item.title), "summary": plain_text(item.summary_text)}
    if item.hub_wrote_summary:
        record["hubSummary"] = True  # the hub's words: shown with their label (templates/_provenance.html.j2)
    record |= {"themes": "|".join(item.themes), "facts": ""}
    if entry.kind.name == "exercise":
        time = ("At least " if item.time.at_least else "About ") + f"{item.time.minutes} minutes"
        part = "Part " + ("one" if item.part == 1 else "two")
        record |= {
            "title": f"Exercise {item.number}: {record['title']}",
            "number": item.number,
            "minutes": item.time.minutes,
            "atLeast": item.time.at_least,
            "part": str(item.part),
            "audience": "|".join(item.audience),
            "facts": " · ".join([time, part, ", ".join(labels)] if labels else [time, part]),
            "materials": [plain_text(material) for material in item.materials],
            "prints": [
                {"label": f"{variant.label} (PDF)", "pdf": pdf_name(entry, variant)}
                for variant in print_variants(entry.kind)
            ]
            + [{"label": f"{link.label} (PDF)", "pdf": link.pdf_path} for link in common["extra_prints"](entry)],
        }
    return record
