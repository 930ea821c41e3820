"""Finish WeasyPrint's tagged PDF for PDF/UA: page furniture as artifacts, table header scopes, link descriptions.

WeasyPrint 70 (``weasyprint/pdf/tags.py``) tags the content of margin boxes (running headers, footers, page
numbers) with the Document as parent, but leaves it out of the Document's children, so no screen reader reaches
it; it gives ``TH`` cells no ``/Scope``, points ``TD`` cells at header ids without the ``/IDTree`` that resolves
them, and describes each link by its target's slug.  :func:`finish_tags` mends that in the PDF's objects before
they are written, as a WeasyPrint *finisher*: nothing is parsed twice, and the same input gives the same bytes.

- Margin-box content becomes ``/Artifact`` marked content (``/Pagination``, ``/Header`` or ``/Footer``), out of
  the structure tree, except the first appearance of each running element (``position: running()``, such as the
  footer with the source, licence and QR code): that is author content, so it joins the Document once, read
  after the last page it is on.  A link in the furniture stays tagged, since a link annotation must be.
- Every ``TH`` gets ``/Scope`` from its ``scope`` attribute (``/Row`` for ``row`` or ``rowgroup``, else
  ``/Column``, as WeasyPrint itself assumed when it linked the cells) and the root gets an ``/IDTree``.
- A decorative image or SVG, marked ``aria-hidden="true"``, becomes an artifact rather than a figure without alt
  text: ``/Layout``, or ``/Page`` with ``data-pdf-artifact="page"`` for production aids such as crop marks.
- Every link annotation's ``/Contents`` is the link's ``title`` or its text, with the page for one inside the
  document ("Agenda, page 2"), instead of ``agenda``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pydyf

Finisher = Callable[[object, pydyf.PDF], None]

_REFERENCE = re.compile(rb"(\d+) 0 R")
_SPACES = re.compile(r"\s+")
_ROW_SCOPES = ("row", "rowgroup")


def after(finisher: Finisher | None) -> Finisher:
    """A finisher that runs ``finisher`` (if any), then :func:`finish_tags`."""

    def finish(document: object, pdf: pydyf.PDF) -> None:
        if finisher is not None:
            finisher(document, pdf)
        finish_tags(document, pdf)

    return finish


def finish_tags(document, pdf: pydyf.PDF) -> None:
    """Mend the structure tree of ``pdf``, a tagged PDF that WeasyPrint laid out as ``document``."""
    if "StructTreeRoot" not in pdf.catalog:
        return
    tree = _Tree(pdf)
    boxes = [list(_boxes(page._page_box)) for page in document.pages]
    _furniture_to_artifacts(document, pdf, tree)
    _decorations_to_artifacts(boxes, tree)
    _scope_header_cells(boxes, tree)
    _describe_links(boxes, pdf)


class _Tree:
    """The structure tree as WeasyPrint built it, with the objects behind its references."""

    def __init__(self, pdf: pydyf.PDF) -> None:
        self.pdf = pdf
        self.root = self.get(pdf.catalog["StructTreeRoot"])
        self.document = self.get(self.root["K"][0])
        self.parent_tree = self.get(self.root["ParentTree"])["Nums"]

    def get(self, reference: bytes) -> pydyf.Object:
        match = _REFERENCE.fullmatch(reference)
        assert match, reference
        return self.pdf.objects[int(match.group(1))]

    def resolve(self, value: object) -> object:
        """The object that ``value`` refers to, or ``value`` itself when it is not a reference."""
        return self.get(value) if isinstance(value, bytes) and _REFERENCE.fullmatch(value) else value

    def kids(self, element: pydyf.Dictionary) -> Iterator[pydyf.Object | int]:
        for kid in element.get("K", ()):
            yield self.get(kid) if isinstance(kid, bytes) else kid

    def page_marks(self, page_number: int) -> pydyf.Array:
        """The page's entry in the parent tree: for each marked-content id, its structure element."""
        assert self.parent_tree[2 * page_number] == page_number
        return self.parent_tree[2 * page_number + 1]


def _boxes(box) -> Iterator[object]:
    """``box`` and its descendants, absolutely positioned ones included."""
    box = getattr(box, "_box", box)  # an AbsolutePlaceholder stands for its box
    yield box
    for child in getattr(box, "children", ()):
        yield from _boxes(child)


# --- page furniture -------------------------------------------------------------------------------------------


def _pagination(at_keyword: str) -> pydyf.Dictionary:
    """The property list of an artifact in a margin box."""
    properties = pydyf.Dictionary({"Type": "/Pagination"})
    if at_keyword.startswith("@top"):
        properties["Subtype"] = "/Header"
    elif at_keyword.startswith("@bottom"):
        properties["Subtype"] = "/Footer"
    return properties  # a box in the left or right margin is neither


def _furniture_to_artifacts(document, pdf: pydyf.PDF, tree: _Tree) -> None:
    from weasyprint.formatting_structure.boxes import MarginBox

    in_document = set(tree.document["K"])
    detached: dict[bytes, list[pydyf.Dictionary]] = {}  # page reference -> its margin boxes' elements, in order
    for element in pdf.objects:
        if (
            isinstance(element, pydyf.Dictionary)
            and element.get("Type") == "/StructElem"
            and element.get("P") == tree.document.reference
            and element.reference not in in_document
        ):
            detached.setdefault(element["Pg"], []).append(element)

    pages = pdf.page_references
    running: dict[object, list] = {}  # running element -> [its element, the last page it is on]
    kept: list[tuple[int, pydyf.Dictionary]] = []  # (page, element) to put back in the tree
    for page_number, page in enumerate(document.pages):
        elements = detached.get(pages[page_number], [])
        if not elements:
            continue
        # WeasyPrint builds one element for each child of each margin box, in order, numbering objects as it goes.
        children = [
            (margin.at_keyword, child)
            for margin in page._page_box.children
            if isinstance(margin, MarginBox)
            for child in margin.children
        ]
        if len(children) != len(elements):
            children = [("", None)] * len(elements)  # not as expected: every one an artifact, neither header nor footer
        marks = tree.page_marks(page_number)
        artifacts: dict[int, pydyf.Dictionary] = {}
        for (at_keyword, child), element in zip(children, elements, strict=True):
            source = getattr(child, "element", None)  # a running element is a document element; text is not
            if source is not None and source not in running:
                running[source] = [element, page_number]
                continue
            if source is not None:
                running[source][1] = page_number
            for link in _untag(element, tree, artifacts, _pagination(at_keyword)):
                kept.append((page_number, link))  # a link annotation must stay in the tree, so its element does
        for mcid in artifacts:
            marks[mcid] = "null"
        _mark_as_artifacts(_page_streams(tree, tree.get(pages[page_number])), artifacts)
    # A running element is read once, after the content of the last page it is on: a handout's footer after the
    # handout, each exercise's in a pack after the exercise.
    kept += [(last_page, element) for element, last_page in running.values()]
    _insert_after_pages(tree, kept)


def _insert_after_pages(tree: _Tree, elements: list[tuple[int, pydyf.Dictionary]]) -> None:
    """Make each element a child of the Document, after the Document's children on its page and those before."""
    page_numbers = {reference: number for number, reference in enumerate(tree.pdf.page_references)}
    kids = [(page_numbers[tree.get(kid)["Pg"]], kid) for kid in tree.document["K"]]
    for page_number, element in elements:
        element["P"] = tree.document.reference
        kids.append((page_number, element.reference))
    kids.sort(key=lambda kid: kid[0])  # stable: the order within a page stays
    tree.document["K"] = pydyf.Array(kid for _, kid in kids)


def _untag(
    element: pydyf.Dictionary, tree: _Tree, artifacts: dict[int, pydyf.Dictionary], properties: pydyf.Dictionary
) -> list[pydyf.Dictionary]:
    """Collect the marked content of ``element``'s subtree as artifacts and empty its elements.

    Returns the link elements found in it, left as they are.
    """
    kids = list(tree.kids(element))
    if any(isinstance(kid, pydyf.Dictionary) and kid.get("Type") == "/OBJR" for kid in kids):
        return [element]
    links = []
    for kid in kids:
        if isinstance(kid, int):
            artifacts[kid] = properties
        elif isinstance(kid, pydyf.Dictionary) and kid.get("Type") == "/StructElem":
            links += _untag(kid, tree, artifacts, properties)
    element.clear()  # nothing refers to it any more; an empty dictionary is the least an object can be
    return links


def _mark_as_artifacts(streams: Iterator[pydyf.Stream], artifacts: dict[int, pydyf.Dictionary]) -> None:
    """Turn ``/Tag <</MCID n>> BDC`` into ``/Artifact <<properties>> BDC`` for each n in ``artifacts``."""
    found = 0
    for stream in streams:
        items = stream.stream
        for index, item in enumerate(items[1:-1], start=1):
            if isinstance(item, pydyf.Dictionary) and item.get("MCID") in artifacts and items[index + 1] == b"BDC":
                items[index - 1 : index + 1] = ["/Artifact", artifacts[item["MCID"]]]
                found += 1
    if found != len(artifacts):
        raise RuntimeError(f"{len(artifacts) - found} marked-content ids to make artifacts are not on their page")


def _page_streams(tree: _Tree, page: pydyf.Dictionary) -> Iterator[pydyf.Stream]:
    """The page's content stream and the form XObjects it draws, such as a group for ``opacity``, and theirs."""
    pending = [(tree.get(page["Contents"]), page["Resources"])]
    while pending:
        stream, resources = pending.pop()
        yield stream
        x_objects = tree.resolve(tree.resolve(resources).get("XObject", {}))
        for item in stream.stream:
            if isinstance(item, bytes) and item.startswith(b"/") and item.endswith(b" Do"):
                x_object = tree.resolve(x_objects.get(item[1:-3].decode()))
                if isinstance(x_object, pydyf.Stream) and x_object.extra.get("Subtype") == "/Form":
                    pending.append((x_object, x_object.extra.get("Resources", pydyf.Dictionary())))


# --- decorations ----------------------------------------------------------------------------------------------


def _decorations_to_artifacts(boxes: list[list[object]], tree: _Tree) -> None:
    """Figures drawn from ``aria-hidden`` images and SVGs become artifacts.

    WeasyPrint records each figure's box in its ``/A /BBox``, which finds the figure of each hidden box.
    """
    pages = tree.pdf.page_references
    for page_number, page_boxes in enumerate(boxes):
        hidden = {}
        for box in page_boxes:
            element = getattr(box, "element", None)
            drawn = getattr(box, "replacement", None) is not None  # an image or an SVG
            if drawn and element is not None and element.get("aria-hidden", "").strip().lower() == "true":
                x, y = box.content_box_x(), box.content_box_y()
                kind = "/Page" if element.get("data-pdf-artifact") == "page" else "/Layout"
                hidden[(x, y, x + box.width, y + box.height)] = pydyf.Dictionary({"Type": kind})
        if not hidden:
            continue
        marks = tree.page_marks(page_number)
        artifacts: dict[int, pydyf.Dictionary] = {}
        for reference in list(marks):
            figure = tree.resolve(reference)
            if not isinstance(figure, pydyf.Dictionary) or figure.get("S") != "/Figure" or "Alt" in figure:
                continue
            properties = hidden.get(tuple(figure.get("A", {}).get("BBox", ())))
            if properties is None or figure.get("Pg") != pages[page_number]:
                continue
            parent = tree.get(figure["P"])
            parent["K"] = pydyf.Array(kid for kid in parent["K"] if kid != figure.reference)
            for kid in tree.kids(figure):
                if isinstance(kid, int):
                    artifacts[kid] = properties
                    marks[kid] = "null"
            figure.clear()
        _mark_as_artifacts(_page_streams(tree, tree.get(pages[page_number])), artifacts)


# --- tables ---------------------------------------------------------------------------------------------------


def _scope_header_cells(boxes: list[list[object]], tree: _Tree) -> None:
    """``/Scope`` on every header cell, and the ``/IDTree`` that the data cells' ``/Headers`` need."""
    ids = {}
    for page_boxes in boxes:
        for box in page_boxes:
            cell = getattr(box, "mark", None)  # WeasyPrint keeps each table cell's element there
            if cell is None or box.element_tag != "th" or "A" not in cell:
                continue
            row = box.element.get("scope", "").strip().lower() in _ROW_SCOPES
            cell["A"]["Scope"] = "/Row" if row else "/Column"
            if "ID" in cell:
                ids[cell["ID"].string] = cell.reference
    if ids:
        names = pydyf.Array()
        for key in sorted(ids, key=lambda key: key.encode()):
            names += [pydyf.String(key), ids[key]]
        tree.root["IDTree"] = pydyf.Dictionary({"Names": names})


# --- links ----------------------------------------------------------------------------------------------------


def _describe_links(boxes: list[list[object]], pdf: pydyf.PDF) -> None:
    """Each link annotation's ``/Contents``: the link's title or text, and for a link inside the document its page."""
    pages = {reference: number for number, reference in enumerate(pdf.page_references, start=1)}
    destinations = {}
    dests = pdf.catalog.get("Names", {}).get("Dests")
    if dests is not None:
        names = dests["Names"]
        destinations = {str(names[i].string): pages.get(names[i + 1][0]) for i in range(0, len(names), 2)}
    for page_boxes in boxes:
        for box in page_boxes:
            annotation = getattr(box, "link_annotation", None)
            if annotation is None or box.element is None:
                continue
            link = box.element
            text = link.get("title") or "".join(link.itertext())
            description = _SPACES.sub(" ", text).strip()
            if "Dest" in annotation:
                page = destinations.get(str(annotation["Dest"].string))
                description = ", ".join(part for part in (description, page and f"page {page}") if part)
            if description:
                annotation["Contents"] = pydyf.String(description)
