"""Print products beyond each item's handouts: worksheets to fill in, the culture star, card decks and posters.

:class:`PrintProducts` plans them from the library, gives the page templates
the links to them (``extra_prints(entry)``) and the helpers their print
templates use, and renders their HTML for the PDF printer.  The filled-in
culture star of ``build.py star`` is printed here too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment

from hub.content import Entry, Library
from hub.decks import CARD_FORMATS, Deck, Poster, plan_decks, plan_posters
from hub.forms import FieldNames, SheetPart, audit_sheet, fill_in_blocks, star_sheet, worksheet_parts
from hub.provenance import mark_slips
from hub.schemas import Audit, CultureStar, Exercise, Worksheet
from hub.star import Reading, score_rows, star_geometry

if TYPE_CHECKING:
    from hub.render import Paper


@dataclass(frozen=True)
class ProductVariant:
    """What a print template needs to know about the kind of PDF it makes (as ``variant``)."""

    name: str
    label: str


PRINTABLE_WORKSHEET = ProductVariant("worksheet", "Worksheet")
FILLABLE_WORKSHEET = ProductVariant("worksheet fillable", "Fillable worksheet")
FILLED_STAR = ProductVariant("filled-star", "Filled star")
CARDS = ProductVariant("cards", "Cards")


@dataclass(frozen=True)
class PrintLink:
    label: str
    pdf_path: str


@dataclass(frozen=True)
class Product:
    pdf_path: str
    label: str
    template: str
    entry: Entry
    context: dict[str, Any] = field(default_factory=dict)
    linked_from: tuple[str, ...] = ()  # ids of the items whose pages link to it


def sheet_parts(item: Any, only_fill_in: bool = False) -> list[SheetPart]:
    """What a worksheet PDF of ``item`` holds, in order."""
    if isinstance(item, Audit):
        return [SheetPart(sheet=audit_sheet(item, FieldNames()))]
    if isinstance(item, CultureStar):
        parts = [SheetPart(star=True), SheetPart(sheet=star_sheet(item, FieldNames()))]
        return parts + [SheetPart(block=block) for block in item.body]
    return worksheet_parts(item, only_fill_in)


def _plan(library: Library) -> list[Product]:
    products: list[Product] = []
    for entry in library.entries.values():
        item = entry.item
        if isinstance(item, Exercise) and fill_in_blocks(item):
            titles = " and ".join(block.title or "Worksheet" for block in fill_in_blocks(item))
            for variant, suffix, label in (
                (PRINTABLE_WORKSHEET, "-worksheet", titles),
                (FILLABLE_WORKSHEET, "-worksheet-fillable", f"{titles}, fillable"),
            ):
                context = {"variant": variant, "fillable": variant is FILLABLE_WORKSHEET, "only_fill_in": True}
                products.append(
                    Product(f"pdf/{entry.id}{suffix}.pdf", label, "print/worksheet-sheets.html.j2", entry, context)
                )
        elif isinstance(item, Worksheet | Audit | CultureStar):
            context = {"variant": FILLABLE_WORKSHEET, "fillable": True, "only_fill_in": False}
            label = "Fillable scores" if isinstance(item, CultureStar) else "Fillable worksheet"
            products.append(
                Product(f"pdf/{entry.id}-fillable.pdf", label, "print/worksheet-sheets.html.j2", entry, context)
            )
    for deck in plan_decks(library):
        products.append(
            Product(
                deck.pdf_path,
                deck.link_label,
                "print/cards.html.j2",
                deck.entries[0],
                {"deck": deck, "variant": CARDS},
                tuple(entry.id for entry in deck.entries),
            )
        )
    for poster in plan_posters(library):
        variant = ProductVariant("poster", f"Poster {poster.size.name}")
        products.append(
            Product(
                poster.pdf_path,
                variant.label,
                "print/poster.html.j2",
                poster.entry,
                {"poster": poster, "variant": variant},
            )
        )
    return products


class PrintProducts:
    def __init__(self, library: Library) -> None:
        self.library = library
        self.products = _plan(library)
        self._links: dict[str, list[PrintLink]] = {}
        for product in self.products:
            for item_id in product.linked_from or (product.entry.id,):
                self._links.setdefault(item_id, []).append(PrintLink(product.label, product.pdf_path))

    def links_for(self, entry: Entry) -> list[PrintLink]:
        return self._links.get(entry.id, [])

    @property
    def decks(self) -> list[Deck]:
        return [product.context["deck"] for product in self.products if "deck" in product.context]

    @property
    def posters(self) -> list[Poster]:
        return [product.context["poster"] for product in self.products if "poster" in product.context]

    def template_helpers(self) -> dict[str, Callable[..., Any]]:
        """Functions for every template: links for pages, and what the print templates draw."""
        return {
            "extra_prints": self.links_for,
            "star_geometry": star_geometry,
            "sheet_parts": sheet_parts,
            "card_formats": CARD_FORMATS,
        }

    def render(self, environment: Environment, common: dict[str, Any]) -> list[tuple[str, str, str]]:
        """Each product as (PDF path, print HTML, a name for messages)."""
        made = []
        for product in self.products:
            entry = product.entry
            context = {**common, "entry": entry, "item": entry.item, "kind": entry.kind, **product.context}
            page = product.context["deck"].page if "deck" in product.context else entry.url
            html = environment.get_template(product.template).render(context, page_url=common["site_url"] + page)
            html = mark_slips(html, entry.item)
            made.append((product.pdf_path, html, f"{entry.path} ({product.label.lower()})"))
        return made


def print_filled_star(
    project: Path,
    library: Library,
    entry: Entry,
    readings: list[Reading],
    title: str | None,
    output: Path,
    paper: Paper | None = None,
) -> None:
    """The culture star filled in from ``readings``, with their numbers beside it, printed to ``output``."""
    import tempfile

    from hub.pdf import Printer
    from hub.pipeline import build_date, read_site_config
    from hub.render import A4, make_environment, template_context

    environment = make_environment(project / "templates")
    site_url = read_site_config(project).get("site_url") or ""
    common = template_context(library, build_date(), site_url, PrintProducts(library), paper or A4)
    context = {
        **common,
        "entry": entry,
        "item": entry.item,
        "kind": entry.kind,
        "variant": FILLED_STAR,
        "readings": readings,
        "score_rows": score_rows(entry.item, readings),
        "sheet_title": title,
        "page_url": common["site_url"] + entry.url,
    }
    html = environment.get_template("print/star-filled.html.j2").render(context)
    with tempfile.TemporaryDirectory() as cache:
        Printer(project, Path(cache)).print_pdf(html, output.resolve(), f"the filled culture star ({output})")
