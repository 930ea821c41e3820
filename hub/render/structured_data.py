"""What search engines and other sites read about a page: schema.org JSON-LD for exercises.

The page's head gets it from the page's front matter (``structured_data``); the
theme override writes it as ``<script type="application/ld+json">``, escaped.
"""

from __future__ import annotations

from typing import Any

from hub.content.library import Entry, Library
from hub.content.schemas import Exercise
from hub.content.text import plain_text


def _iso_duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{rest}M" if rest or not hours else "")


def learning_resource(entry: Entry, library: Library, site_url: str) -> dict[str, Any] | None:
    """A schema.org LearningResource for an exercise; None for other kinds."""
    item = entry.item
    if not isinstance(item, Exercise):
        return None
    document = library.sources[item.source.document]
    source: dict[str, Any] = {
        "@type": "CreativeWork",
        "name": document.title,
        "publisher": {"@type": "Organization", "name": document.publisher},
        "datePublished": document.date,
    }
    if document.url:
        source["url"] = document.url
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "name": f"Exercise {item.number}: {plain_text(item.title)}",
        "description": plain_text(item.summary_text),
        "url": site_url + entry.url,
        "inLanguage": "en-GB",
        "learningResourceType": "Group exercise",
        "educationalLevel": "Professional development",
        "audience": [{"@type": "Audience", "audienceType": audience} for audience in item.audience],
        "teaches": [plain_text(outcome) for outcome in item.learning_outcomes],
        "timeRequired": _iso_duration(item.time.minutes),
        "isBasedOn": source,
        "keywords": [library.themes[theme].label for theme in item.themes],
    }
    if document.licence is not None:
        data["license"] = document.licence.url or document.licence.name
    return data
