"""Nothing from the sources is missing: counted per document, and each piece is on its page, in search and in a PDF."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from html import unescape
from pathlib import Path

import pytest

from conftest import REPO
from hub.content import Entry, Library, load_library
from hub.content.kinds import KINDS
from hub.content.schemas import ListBlock
from hub.content.text import plain_text
from hub.site.pagefind import indexed

IRISS = "iriss-leading-for-outcomes"
SCW = "scw-one-stop-shop"
PON_2016 = "pon-values-and-principles-2016"
PON_2021 = "pon-ncs-consultation-2021"
PON_2022 = "pon-good-conversations-2022"


def ordered_list(entry: Entry) -> list[str]:
    lists = [b for b in entry.item.body if isinstance(b, ListBlock) and b.ordered]
    return [item if isinstance(item, str) else item.text for item in lists[0].items]


def pieces(entry: Entry) -> list[str]:
    """The countable parts of an item, as text."""
    item = entry.item
    for name, get in (
        ("principles", lambda: [p.text for p in item.principles]),
        ("statements", lambda: [s.statement for s in item.statements]),
        ("points", lambda: [p.statement for p in item.points]),
        ("needs", lambda: [n.need for n in item.needs]),
        ("groups", lambda: [q for g in item.groups for q in g.questions]),
    ):
        if hasattr(item, name):
            return get()
    return []


def of(item_id: str, attribute: str) -> Callable[[Library], list]:
    return lambda library: getattr(library.entries[item_id].item, attribute)


def kind_from(folder: str, document: str) -> Callable[[Library], list]:
    return lambda library: [e for e in library.of_kind(KINDS[folder]) if e.item.source.document == document]


COUNTS: list[tuple[str, str, Callable[[Library], list], int]] = [
    (IRISS, "exercises", kind_from("exercises", IRISS), 8),
    (IRISS, "scenarios", kind_from("scenarios", IRISS), 5),
    (IRISS, "case studies", kind_from("case-studies", IRISS), 2),
    (IRISS, "training-priorities audit needs", of("training-priorities", "needs"), 7),
    (SCW, "quiz statements", of("personal-outcomes-quiz", "statements"), 25),
    (SCW, "culture-star points", of("culture-star", "points"), 8),
    (SCW, "questions for partners", lambda lib: lib.entries["questions-for-partners"].item.groups[0].questions, 7),
    (SCW, "conversation stages", lambda lib: ordered_list(lib.entries["better-conversations"]), 5),
    (SCW, "conversational traps", of("conversational-traps", "principles"), 7),
    (SCW, "risk practice principles", of("positive-risk-practice-principles", "principles"), 12),
    (SCW, "recording principles", of("recording-principles", "principles"), 12),
    (SCW, "recording principle groups", lambda lib: {p.group for p in of("recording-principles", "principles")(lib)}, 4),
    (SCW, "supervision building blocks", of("supervision-building-blocks", "principles"), 6),
    (SCW, "groups of supervision questions", of("questions-for-supervision", "groups"), 6),
    (SCW, "organisational principles", of("outcome-focused-organisation-principles", "principles"), 3),
    (PON_2016, "principles underpinning practice", of("principles-underpinning-practice", "principles"), 7),
    (PON_2016, "other versions of service-led and outcomes-focused", of("service-led-and-outcomes-focused-pon-2016", "compare_with"), 2),
    (PON_2021, "key elements of a good conversation (2021)", of("key-elements-of-a-good-conversation-pon-2021", "principles"), 8),
    (PON_2022, "key elements of a good conversation (2022)", of("key-elements-of-a-good-conversation-pon-2022", "principles"), 8),
]  # fmt: skip


@pytest.fixture(scope="module")
def library() -> Library:
    """The sources, read in this process."""
    return load_library(REPO)


@pytest.fixture(scope="module")
def built_library(built: Path) -> Library:
    """The sources of the shared build (the working tree may have moved on since)."""
    return load_library(built)


@pytest.mark.parametrize(("document", "what", "get", "expected"), COUNTS, ids=[c[1] for c in COUNTS])
def test_the_hub_holds_what_each_source_has(
    library: Library, document: str, what: str, get: Callable[[Library], list], expected: int
) -> None:
    assert len(get(library)) == expected, what


def test_every_source_document_is_used(library: Library) -> None:
    used = {entry.item.source.document for entry in library.entries.values()}
    assert used == set(library.sources)


def normalise(text: str) -> str:
    return " ".join(unescape(text).replace("\u00ad", "").split())


@pytest.fixture(scope="module")
def search_text(built: Path) -> dict[str, str]:
    return {
        url: normalise(record["meta"]["title"] + " " + record["content"])
        for url, record in indexed(built / "site").items()
    }


def squeeze(text: str) -> str:
    return "".join(character for character in text if character.isalnum())


def pdf_words(path: Path) -> str:
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return normalise(done.stdout)


COUNTED_ITEMS = sorted(
    {
        "personal-outcomes-quiz",
        "culture-star",
        "questions-for-partners",
        "conversational-traps",
        "positive-risk-practice-principles",
        "recording-principles",
        "supervision-building-blocks",
        "questions-for-supervision",
        "outcome-focused-organisation-principles",
        "principles-underpinning-practice",
        "key-elements-of-a-good-conversation-pon-2021",
        "key-elements-of-a-good-conversation-pon-2022",
        "training-priorities",
    }
)


@pytest.mark.e2e
@pytest.mark.parametrize("item_id", COUNTED_ITEMS)
def test_each_counted_piece_is_on_its_page_in_search_and_in_its_pdf(
    built: Path, built_library: Library, search_text: dict[str, str], item_id: str
) -> None:
    entry = built_library.entries[item_id]
    page = normalise(plain_text((built / "site" / entry.url / "index.html").read_text(encoding="utf-8")))
    searchable = search_text[entry.url]
    # An item's handout, or (the quiz, whose participants' copy leaves its answers out) its facilitator's copy.
    handout = built / "site/pdf" / f"{entry.id}.pdf"
    printed = pdf_words(handout if handout.exists() else built / "site/pdf" / f"{entry.id}-facilitator.pdf")
    texts = pieces(entry)
    assert texts
    for text in texts:
        words = normalise(plain_text(text))
        probe = words[:50]
        assert probe in page, (item_id, probe)
        assert probe in searchable, (item_id, probe)
        # Line breaks in the PDF may drop a hyphen or a space; compare letters only.
        assert squeeze(probe) in squeeze(printed), (item_id, probe)
