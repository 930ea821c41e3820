"""Stage three: the model through Jinja templates, every output format in turn, into page Markdown and print HTML."""

from __future__ import annotations

from hub.model import Model
from hub.problems import ContentError
from hub.render.environment import make_environment, template_context
from hub.render.formats import FORMATS, downloads_of
from hub.render.markup import AuthorText, relative_item_links, unlinked_item_links
from hub.render.outputs import Output, PdfFacts, PrintJob, Rendered
from hub.render.references import refer
from hub.render.reserved import reserved_id_problems
from hub.render.slips import mark_slips
from hub.settings import Settings


def to_root(path: str, from_source: bool = False) -> str:
    """From the page made of ``path`` up to the site's root: ``scenarios/sandra.md`` is served at
    ``scenarios/sandra/``, so ``../../``; ``scenarios/index.md`` at ``scenarios/``, so ``../``.  An engine that
    reads links in a page's HTML as relative to its Markdown file (Zensical: ``from_source``) gets ``../`` for
    both.  Print HTML is read from ``templates/print/``, two folders below the project, whose links the printer
    maps onto the site."""
    if not path.endswith(".md"):
        return "../../"
    parts = path.removesuffix(".md").split("/")
    if parts[-1] == "index" or from_source:
        parts = parts[:-1]
    return "../" * len(parts)


class Renderer:
    """Renders outputs for one model and one run's settings."""

    def __init__(self, model: Model, settings: Settings, *, keep_compiled: bool = True) -> None:
        self.model = model
        self.settings = settings
        pages = {entry.id: entry.url for entry in model.library.entries.values()}
        compiled = settings.paths.compiled_templates if keep_compiled else None
        self.environment = make_environment(settings.paths.templates, AuthorText(pages), compiled)
        self.downloads = downloads_of(model)
        self.pdf_facts: dict[str, PdfFacts] = {}  # by PDF path, as printing makes them known
        self.common = template_context(model, settings, self.downloads) | {"pdf_facts": self.pdf_facts.get}

    def render(self, output: Output) -> str:
        if output.text is not None:
            return output.text
        assert output.template is not None
        extra = {"page_url": self.settings.site_url + output.page} if output.page else {}
        text = self.environment.get_template(output.template).render(self.common, **output.context, **extra)
        item = output.context.get("item")
        text = refer(text, output, item, self.model.library)
        # A page links to items relative to itself; a PDF, read wherever it was saved, by their address on the
        # site, or, while the site has no address (a placeholder), not at all: its words stay.
        if output.is_print and not self.settings.published:
            text = unlinked_item_links(text)
        root = self.settings.site_url if output.is_print else to_root(output.path, self.settings.engine == "zensical")
        text = relative_item_links(text, root)
        return mark_slips(text, item) if item is not None else text

    def render_late(self) -> dict[str, str]:
        """The pages that show what printing found out (the downloads page), rendered with what is known now."""
        return {
            output.path: self.render(output)
            for output_format in FORMATS
            if getattr(output_format, "late", False)
            for output in output_format.outputs(self.model, self.downloads)
        }

    def outputs(self) -> list[Output]:
        """Every output of every format, checked: ContentError if an item's id would collide with another output."""
        outputs = [output for output_format in FORMATS for output in output_format.outputs(self.model, self.downloads)]
        problems = reserved_id_problems(outputs, (output_format.reserved for output_format in FORMATS), self.model)
        if problems:
            raise ContentError(problems)
        return outputs

    def render_all(self) -> Rendered:
        """Every output of every format: pages (and data scripts) by path, and a print job for each PDF."""
        pages: dict[str, str] = {}
        jobs: list[PrintJob] = []
        for output in self.outputs():
            if output.is_pdf:
                jobs.append(PrintJob(output.path, self.render(output), output.label))
            else:
                pages[output.path] = self.render(output)
        return Rendered(pages, jobs)


__all__ = ["Output", "PrintJob", "Rendered", "Renderer"]
