"""Card decks: sheets for a guillotine, backs for duplex. (Posters: tests/test_posters.py.)"""

from __future__ import annotations

import html
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from conftest import REPO
from hub.content import load_library
from hub.model.cards import Deck, fit_card, plan_decks, split_text
from hub.model.measure import MM_PER_PT, TextMeasure, plain
from hub.problems import ContentError

A4_PT = (595.28, 841.89)
A3_PT = (841.89, 1190.55)
DECK_NAMES = [
    "questions-for-supervision",
    "questions-for-partners",
    "conversational-traps",
    "exploratory-questions",
    "positive-risk-principles",
    "recording-principles",
    "scenarios",
]


@pytest.fixture(scope="module")
def decks() -> dict[str, Deck]:
    return {deck.name: deck for deck in plan_decks(load_library(REPO))}


def words_by_page(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Each page's words with their boxes, in millimetres from the top left."""
    done = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True)
    pages = []
    for page in re.findall(r"<page [^>]*>(.*?)</page>", done.stdout, re.S):
        words = []
        for x0, y0, x1, y1, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page
        ):
            box = tuple(float(n) * MM_PER_PT for n in (x0, y0, x1, y1))
            words.append((*box, html.unescape(word)))
        pages.append(words)
    return pages


def pdf_text(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return " ".join(done.stdout.split())


def letters(text: str) -> Counter[str]:
    return Counter(char for char in text if not char.isspace())


def test_there_is_a_deck_for_each_set_of_cards_the_sources_hold(decks: dict[str, Deck]) -> None:
    assert list(decks) == DECK_NAMES
    counts = {name: len({card.heading or card.text for card in deck.cards if "(continued)" not in card.heading})
              for name, deck in decks.items()}  # fmt: skip
    assert counts == {
        "questions-for-supervision": 24,
        "questions-for-partners": 7,
        "conversational-traps": 7,
        "exploratory-questions": 8,
        "positive-risk-principles": 12,
        "recording-principles": 12,
        "scenarios": 5,
    }


@pytest.mark.e2e
@pytest.mark.parametrize("name", DECK_NAMES)
def test_every_card_holds_all_its_text_inside_its_own_edges(built: Path, decks: dict[str, Deck], name: str) -> None:
    deck = decks[name]
    card = deck.card
    pdf = built / "site/pdf" / f"cards-{name}.pdf"
    reader = PdfReader(pdf)
    sheets = deck.sheets
    assert len(reader.pages) == 2 * len(sheets)
    for page in reader.pages:
        assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == A4_PT
    pages = words_by_page(pdf)
    for sheet_index, sheet in enumerate(sheets):
        fronts = pages[2 * sheet_index]
        expected_slots = min(card.per_sheet, len(deck.cards) - sheet_index * card.per_sheet)
        assert len(sheet.fronts) == expected_slots
        found: dict[tuple[float, float], list[str]] = {}
        for x0, y0, x1, y1, word in fronts:
            if y0 > card.grid_bottom:  # the sheet's footer, under the cards
                continue
            holders = [
                (placed.x, placed.y)
                for placed in sheet.fronts
                if placed.x + card.padding - 0.5 <= x0
                and x1 <= placed.x + card.width - card.padding + 0.5
                and placed.y + card.padding - 1.0 <= y0
                and y1 <= placed.y + card.height - card.padding + 1.0
            ]
            assert len(holders) == 1, f"{name}: '{word}' at {x0:.1f},{y0:.1f} mm is not inside one card's text area"
            found.setdefault(holders[0], []).append(word)
        assert len(found) == expected_slots, f"{name}: sheet {sheet.number} should show {expected_slots} cards"
        for placed in sheet.fronts:
            c = placed.card
            expected = f"{c.kicker} {c.number}/{len(deck.cards)} {c.heading} {plain(c.text)}"
            assert letters(" ".join(found[(placed.x, placed.y)])) == letters(expected), (name, c.number)


@pytest.mark.e2e
@pytest.mark.parametrize("name", DECK_NAMES)
def test_backs_mirror_fronts_for_long_edge_duplex(built: Path, decks: dict[str, Deck], name: str) -> None:
    deck = decks[name]
    card = deck.card
    pages = words_by_page(built / "site/pdf" / f"cards-{name}.pdf")
    page_width = 210.0
    for sheet_index in range(len(deck.sheets)):
        fronts, backs = pages[2 * sheet_index], pages[2 * sheet_index + 1]

        def numbers_at(words: list, pattern: str) -> dict[tuple[int, int], int]:
            text_by_cell: dict[tuple[int, int], list[str]] = {}
            for x0, y0, _, _, word in words:
                if y0 < card.grid_bottom:
                    cell = (int((x0 - card.left) // card.width), int((y0 - card.top) // card.height))
                    text_by_cell.setdefault(cell, []).append(word)
            return {
                cell: int(m.group(1)) for cell, ws in text_by_cell.items() if (m := re.search(pattern, " ".join(ws)))
            }

        front_numbers = numbers_at(fronts, r"\b(\d+)/\d+\b")
        back_numbers = numbers_at(backs, r"Card (\d+) of \d+")
        assert front_numbers and len(back_numbers) == len(front_numbers)
        assert card.left == pytest.approx(page_width - card.left - card.columns * card.width)  # centred across
        mirrored = {(card.columns - 1 - column, row): number for (column, row), number in front_numbers.items()}
        assert back_numbers == mirrored
        assert deck.title.split()[-1] in {word for *_, word in backs}


@pytest.mark.e2e
@pytest.mark.parametrize("name", ["questions-for-supervision", "scenarios"])
def test_crop_marks_show_every_cut(built: Path, decks: dict[str, Deck], tmp_path: Path, name: str) -> None:
    card = decks[name].card
    dpi = 150
    pdf = built / "site/pdf" / f"cards-{name}.pdf"
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", str(pdf), str(tmp_path / "sheet")], check=True
    )
    image = Image.open(next(tmp_path.glob("sheet*.png"))).convert("L")

    def dark_near(x_mm: float, y_mm: float) -> bool:
        x, y = round(x_mm / 25.4 * dpi), round(y_mm / 25.4 * dpi)
        return min(image.getpixel((x + dx, y + dy)) for dx in (-1, 0, 1) for dy in (-1, 0, 1)) < 128

    xs, ys = card.cut_lines()
    assert len(xs) == card.columns + 1 and len(ys) == card.rows + 1
    for x in xs:
        assert dark_near(x, ys[0] - 6) and dark_near(x, ys[-1] + 6), x
        assert not dark_near(x + 2, ys[0] - 6)
    for y in ys:
        assert dark_near(xs[0] - 6, y) and dark_near(xs[-1] + 6, y), y


def test_long_texts_are_shrunk_or_split_never_overflowing() -> None:
    measure = TextMeasure()
    assert measure.lines("one two three", 10, 1000) == 1
    assert measure.lines("a " * 200, 12, 50) > 5
    assert (
        measure.lines("Supercalifragilisticexpialidocious", 30, 20) == 9
    )  # broken anywhere, as the CSS does (widths of Atkinson Hyperlegible Next)
    assert measure.lines("W", 100, 5) is None  # one letter wider than the line
    from hub.model.cards import SMALL_CARD

    long_text = " ".join(f"Sentence number {n} says something about outcomes." for n in range(30))
    assert fit_card("Kicker", "Heading", long_text, SMALL_CARD) is None
    parts = split_text(long_text, 3)
    assert len(parts) == 3 and " ".join(parts) == long_text
    assert all(part.endswith(".") for part in parts)


@pytest.mark.e2e
def test_each_deck_is_linked_from_the_pages_of_what_is_on_it(built: Path, decks: dict[str, Deck]) -> None:
    for deck in decks.values():
        for entry in deck.entries:
            page = built / "site" / entry.kind.folder / entry.id / "index.html"
            assert f'href="../../{deck.pdf_path}"' in page.read_text(encoding="utf-8"), (deck.name, entry.id)


def test_card_labels_follow_one_scheme_and_quotes_are_typographic(decks: dict[str, Deck]) -> None:
    """The guide numbers the scenarios of its section 2.3 and of its Exercise 5 each from 1: a card says where it
    is from and its number there in one form, and is labelled by the scenario's name, which no other card has."""
    scenarios = [(card.kicker, card.heading) for card in decks["scenarios"].cards]
    assert scenarios == [
        ("Section 2.3 · Scenario 1", "Jean"),
        ("Section 2.3 · Scenario 2", "Michael"),
        ("Exercise 5 · Scenario 1", "Sandra"),
        ("Exercise 5 · Scenario 2", "Bill"),
        ("Exercise 5 · Scenario 3", "Helen"),
    ]
    for deck in decks.values():
        labels = [card.heading for card in deck.cards if card.heading and not card.part.startswith(("2 ", "3 "))]
        assert len(labels) == len(set(labels)), deck.name
        for card in deck.cards:
            assert not set("'\"") & set(card.kicker + card.heading + plain(card.text)), (deck.name, card.number)
    supervision = [plain(card.text) for card in decks["questions-for-supervision"].cards]
    assert "How would you describe ‘individual/carer’? Tell me about ‘individual/carer’." in supervision


def test_a_deck_refuses_two_cards_with_one_label(project: Path) -> None:
    michael = project / "content/scenarios/michael.yml"
    michael.write_text(michael.read_text(encoding="utf-8").replace("title: Michael", "title: jean"), encoding="utf-8")
    with pytest.raises(ContentError) as refused:
        plan_decks(load_library(project))
    assert [str(problem) for problem in refused.value.problems] == [
        "content/scenarios/michael.yml:1:8: title: 'jean' is already the label of card 1 of the 'Scenarios' deck "
        "(from content/scenarios/jean.yml); each card of a deck needs a label of its own"
    ]
