"""Long words on cards and posters (issue #12, class 3): a web address written as plain text, or any word
too long for a line, is broken over lines as the print CSS breaks it, and only what truly cannot fit on
cards is refused, as ``path:line:col: field: message``, never with a traceback."""

from __future__ import annotations

import html
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from in_process import run_main as run_in_process

from conftest import EPOCH, copy_project
from hub.model.cards import SMALL_CARD, cards_for
from hub.model.measure import TextMeasure, line_units, text_measure, word_pieces

FONTS = Path(__file__).resolve().parent.parent / "docs/assets/fonts"
URL = "https://www.example.org/resources/personal-outcomes/what-matters-to-you-guide-2024.pdf"
TOKEN = "Whatmattersmosttothepersonandtheirfamilyandcarers"  # 49 letters, no break anywhere


def pango_breaks(text: str) -> set[int]:
    """Where Pango, which lays out the PDFs, allows a line to end inside ``text``."""
    from weasyprint.text.line_break import get_log_attrs

    attributes = get_log_attrs(text, "en")
    return {index for index in range(1, len(text)) if attributes[index].is_line_break}


def measured_breaks(text: str) -> set[int]:
    """Where the measure lets a line end in ``text``: between its line units and inside them."""
    ends, offset = set(), 0
    for number, unit in enumerate(line_units(text)):
        start = text.index(unit, offset)
        if number:
            ends.add(start)
        position = start
        for piece in word_pieces(unit)[:-1]:
            position += len(piece)
            ends.add(position)
        offset = start + len(unit)
    return ends


WORD_CHARACTERS = "abcXY0129é/-.?=&_:#%~!|,;()[]{}+@$*'\"<>\\^`–—\u00ad\u2010\u200b\u00a0"


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet=WORD_CHARACTERS, min_size=1, max_size=10), min_size=1, max_size=4))
def test_lines_may_end_where_pango_lets_them_end(words: list[str]) -> None:
    text = " ".join(words)
    assert measured_breaks(text) == pango_breaks(text)


def test_a_web_address_breaks_after_its_slashes_and_hyphens() -> None:
    assert word_pieces(URL) == (
        "https://",
        "www.example.org/",
        "resources/",
        "personal-",
        "outcomes/",
        "what-",
        "matters-",
        "to-",
        "you-",
        "guide-2024.pdf",
    )
    assert word_pieces("2024/01/02") == ("2024/01/02",)  # not inside a number
    assert word_pieces(TOKEN) == (TOKEN,)


def rendered_line_counts(texts: list[str], size_pt: float, width_mm: float) -> list[int]:
    """How many lines WeasyPrint sets each of ``texts`` in, with the cards' and posters' CSS for long words."""
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    font = (FONTS / "atkinson-hyperlegible-next-400-normal.woff").as_uri()
    css = weasyprint.CSS(
        string=f"""@font-face {{ font-family: A; src: url("{font}"); }}
        @page {{ size: 400mm 2000mm; margin: 5mm }}
        p {{ font-family: A; font-size: {size_pt}pt; width: {width_mm}mm; line-height: 1.25; margin: 0 0 4mm;
             overflow-wrap: anywhere; hyphens: manual }}""",
        font_config=fonts,
    )
    body = "".join(f'<p data-i="{index}">{html.escape(text)}</p>' for index, text in enumerate(texts))
    document = weasyprint.HTML(string=f"<html lang=en><body>{body}</body></html>").render(
        stylesheets=[css], font_config=fonts
    )
    counts = [0] * len(texts)

    def visit(box: object) -> None:
        if type(box).__name__ == "LineBox":
            counts[int(box.element.get("data-i"))] += 1
            return
        for child in getattr(box, "children", []):
            visit(child)

    for page in document.pages:
        visit(page._page_box)
    return counts


@pytest.mark.e2e  # another process, or WeasyPrint
def test_the_measure_never_counts_fewer_lines_than_the_pdf_sets() -> None:
    rng = random.Random(12)
    words = ["what", "matters", "to", "the", "person", "and", "their", "family", "outcomes", "focused", "a", "of"]
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789" * 3 + "/-.?=&_:#%~"

    def address() -> str:
        parts = ["https://www." + rng.choice(["example", "personal-outcomes-network"]) + ".org.uk"]
        for _ in range(rng.randint(1, 5)):
            tail = rng.choice(["", "-2024", "_v2", ".pdf", "?a=1&b=2"])
            parts.append("-".join(rng.choice(words) for _ in range(rng.randint(1, 3))) + tail)
        return "/".join(parts)

    texts = [URL, TOKEN * 3, f"See {URL} for more", f"{TOKEN} {TOKEN}-{TOKEN}/{TOKEN}"]
    for _ in range(36):
        pieces = []
        for _ in range(rng.randint(3, 25)):
            roll = rng.random()
            if roll < 0.1:
                pieces.append("".join(rng.choice(letters) for _ in range(rng.randint(20, 120))))
            else:
                pieces.append(address() if roll < 0.25 else rng.choice(words))
        texts.append(" ".join(pieces))
    measure = text_measure()
    for size, width in ((9.5, SMALL_CARD.text_width), (16.0, SMALL_CARD.text_width), (12.0, 40.0)):
        for text, lines in zip(texts, rendered_line_counts(texts, size, width), strict=True):
            measured = measure.lines(text, size, width)
            # never fewer (the text would overflow its card), and not many more (it would be set too small)
            assert measured is not None and lines <= measured <= lines * 1.2 + 1, (size, width, text)


def test_a_word_wider_than_the_line_is_broken_not_refused() -> None:
    measure = TextMeasure()
    assert measure.lines(TOKEN, 16, SMALL_CARD.text_width) == 2
    assert measure.lines(f"See {URL} for more", 10, 60) == 4  # as WeasyPrint sets it
    assert measure.lines("W", 100, 5) is None  # one letter wider than the line
    cards = cards_for("Kicker", "", f"Read {URL} and {TOKEN}.", SMALL_CARD)
    assert len(cards) == 1 and cards[0].size_pt >= 12


# --- through the command line ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def long_words_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project with long words in every part of a card and a poster."""
    project = copy_project(tmp_path_factory.mktemp("long-words") / "project")

    def edit(name: str, old: str, new: str) -> None:
        file = project / "content" / name
        text = file.read_text(encoding="utf-8")
        assert old in text, (name, old)
        file.write_text(text.replace(old, new, 1), encoding="utf-8")

    questions = "questions/questions-for-supervision.yml"
    edit(questions, "\"What would 'individual/carer' like to do or achieve?\"", f'"See {URL} for more."')
    edit(questions, "title: Outcomes and Aspirations", f"title: Outcomes {TOKEN}")
    edit(questions, '"What specific changes', f'"{TOKEN}{TOKEN}. What specific changes')
    principles = "principles/positive-risk-practice-principles.yml"
    edit(
        principles,
        "  - text: Decision-making should begin",
        f"  - name: {TOKEN}\n    text: {URL} Decision-making should begin",
    )
    edit("scenarios/sandra.yml", 'label: "Scenario 1: Sandra"', f'label: "Scenario 1: {TOKEN}"')
    edit("scenarios/sandra.yml", "Sandra is 24 with", f"Sandra ({URL}) is 24 with")
    comparison = "comparisons/service-led-and-outcomes-focused-pon-2016.yml"
    edit(comparison, "[Recording, Tick box,", f"[Recording, Tick box {URL}/{TOKEN},")
    edit(comparison, 'title: "Table 1: Summary', f'title: "Table 1: {TOKEN}{TOKEN} Summary')
    return project


@pytest.fixture
def run_main(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    return lambda project, *argv: run_in_process(project, monkeypatch, capsys, *argv)


def test_long_words_in_cards_and_posters_pass_check(long_words_project: Path, run_main) -> None:
    result = run_main(long_words_project, "check")
    assert (result.code, result.stderr) == (0, "")
    assert result.stdout.startswith("Content is valid: ")


@pytest.mark.e2e  # another process, or WeasyPrint
def test_cards_with_long_words_print_inside_their_edges(long_words_project: Path, tmp_path: Path) -> None:
    """The deck with a web address, a 49-letter word in a kicker and a 98-letter one in a question."""
    from pypdf import PdfReader
    from test_cards_posters import letters, words_by_page

    from hub import pipeline
    from hub.model.measure import plain
    from hub.printing.printer import Printer
    from hub.render import Renderer
    from hub.render.formats.cards import FORMAT as CARDS
    from hub.render.formats.posters import FORMAT as POSTERS
    from hub.settings import Settings

    settings = Settings.load(long_words_project, epoch=int(EPOCH))
    model = pipeline.read(settings)
    renderer = Renderer(model, settings, keep_compiled=False)
    printer = Printer(long_words_project, tmp_path / "cache")
    deck = next(deck for deck in model.decks if deck.name == "questions-for-supervision")
    output = next(output for output in CARDS.outputs(model, renderer.downloads) if output.path == deck.pdf_path)
    pdf = tmp_path / "cards.pdf"
    printer.print_pdf(renderer.render(output), pdf, output.label)
    card = deck.card
    pages = words_by_page(pdf)
    shown = {placed.card.number: [] for sheet in deck.sheets for placed in sheet.fronts}
    for sheet_index, sheet in enumerate(deck.sheets):
        for x0, y0, x1, y1, word in pages[2 * sheet_index]:
            if y0 > card.grid_bottom:
                continue
            holders = [
                placed.card.number
                for placed in sheet.fronts
                if placed.x + card.padding - 0.5 <= x0
                and x1 <= placed.x + card.width - card.padding + 0.5
                and placed.y + card.padding - 1.0 <= y0
                and y1 <= placed.y + card.height - card.padding + 1.0
            ]
            assert len(holders) == 1, f"'{word}' at {x0:.1f},{y0:.1f} mm is not inside one card's text area"
            shown[holders[0]].append(word)
    for placed in (placed for sheet in deck.sheets for placed in sheet.fronts):
        c = placed.card
        expected = f"{c.kicker} {c.number}/{len(deck.cards)} {c.heading} {plain(c.text)}"
        assert letters(" ".join(shown[c.number])) == letters(expected), c.number
    assert any(URL in plain(c.text) for c in deck.cards) and any(TOKEN in c.kicker for c in deck.cards)

    for poster in (p for p in model.posters if p.entry.id == "service-led-and-outcomes-focused-pon-2016"):
        assert poster.body_pt >= poster.size.smallest_pt + 2, poster.pdf_path  # the long words fit on one page
        output = next(o for o in POSTERS.outputs(model, renderer.downloads) if o.path == poster.pdf_path)
        pdf = tmp_path / Path(poster.pdf_path).name
        printer.print_pdf(renderer.render(output), pdf, output.label)
        assert len(PdfReader(pdf).pages) == 1, poster.pdf_path
        (words,) = words_by_page(pdf)
        width, height = poster.page_size
        margin = poster.size.margin - 0.5
        for x0, y0, x1, y1, word in words:  # a long word that did not break would run off the page
            assert margin <= x0 and x1 <= width - margin and margin <= y0 and y1 <= height - margin, word
        cells = " ".join(plain(cell) for row in (poster.table.header, *poster.table.rows) for cell in row)
        assert not letters(cells + poster.title) - letters(" ".join(word for *_, word in words)), poster.pdf_path


def test_what_cannot_fit_on_cards_is_named_with_its_place(run_main, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    partners = project / "content/questions/questions-for-partners.yml"
    text = partners.read_text(encoding="utf-8")
    partners.write_text(
        text.replace("    questions:\n", f"    questions:\n      - {'x' * 3000}\n", 1), encoding="utf-8"
    )
    result = run_main(project, "check")
    assert result.code == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [
        "content/questions/questions-for-partners.yml:14:9: groups[1].questions[1]: is too long to print on cards: "
        "split over 7 cards of 85 × 55 mm, it still does not fit at 9.5 pt; shorten it",
        "1 problem found; nothing was written.",
    ]
    # A heading or a label long enough to crowd a card out is over the length every title is held to first.
    file = project / "content/questions/questions-for-supervision.yml"
    text = file.read_text(encoding="utf-8")
    text = text.replace("title: Outcomes and Aspirations", f"title: {'Outcomes and aspirations ' * 30}".rstrip(), 1)
    file.write_text(text, encoding="utf-8")
    sandra = project / "content/scenarios/sandra.yml"
    long_label = "Scenario one " * 60
    sandra.write_text(
        sandra.read_text(encoding="utf-8").replace('label: "Scenario 1: Sandra"', f"label: {long_label.strip()}"),
        encoding="utf-8",
    )
    result = run_main(project, "check")
    assert result.code == 1
    assert result.stderr.splitlines() == [
        "content/questions/questions-for-supervision.yml:26:12: groups[2].title: is 749 characters long; "
        "at most 200 are allowed, so shorten it",
        "content/scenarios/sandra.yml:2:8: label: is 779 characters long; at most 200 are allowed, so shorten it",
        "2 problems found; nothing was written.",
    ]
