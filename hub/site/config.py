"""What the site's configuration must agree with in the content: the tags it allows are the themes' labels."""

from __future__ import annotations

from hub.content.library import Library
from hub.problems import Problem


def check_site_config(config: dict, library: Library) -> list[Problem]:
    """The tags MkDocs allows must be exactly the theme labels in content/themes.yml."""
    allowed: list[str] | None = None
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "tags" in plugin:
            allowed = (plugin["tags"] or {}).get("tags_allowed")
    labels = [theme.label for theme in library.themes.values()]
    if allowed is None:
        return [
            Problem(
                "mkdocs.yml",
                1,
                1,
                "plugins.tags.tags_allowed",
                "is missing; list the theme labels of content/themes.yml",
            )
        ]
    missing = [label for label in labels if label not in allowed]
    extra = [label for label in allowed if label not in labels]
    problems = []
    if missing:
        problems.append(
            Problem(
                "mkdocs.yml",
                1,
                1,
                "plugins.tags.tags_allowed",
                f"lacks theme labels from content/themes.yml: {', '.join(missing)}",
            )
        )
    if extra:
        problems.append(
            Problem(
                "mkdocs.yml",
                1,
                1,
                "plugins.tags.tags_allowed",
                f"lists tags that are not in content/themes.yml: {', '.join(extra)}",
            )
        )
    return problems
