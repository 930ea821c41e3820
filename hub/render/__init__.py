"""Stage three: the model through Jinja templates, every output format in turn, into page Markdown and print HTML."""

from __future__ import annotations

from hub.model import Model
from hub.problems import ContentError
from hub.render.environment import make_environment, template_context
from hub.render.formats import FORMATS, downloads_of
from hub.render.markup import AuthorText
from hub.render.outputs import Output, PrintJob, Rendered
from hub.render.reserved import reserved_id_problems
from hub.settings import Settings


class Renderer:
    """Renders outputs for one model and one run's settings."""

    def __init__(self, model: Model, settings: Settings, *, keep_compiled: bool = True) -> None:
        self.model = model
        self.settings = settings
        pages = {entry.id: entry.url for entry in model.library.entries.values()}
        compiled = settings.paths.compiled_templates if keep_compiled else None
        self.environment = make_environment(settings.paths.templates, AuthorText(pages), compiled)
        self.downloads = downloads_of(model)
        self.common = template_context(model, settings, self.downloads)

    def render(self, output: Output) -> str:
        if output.text is not None:
            return output.text
        assert output.template is not None
        extra = {"page_url": self.settings.site_url + output.page} if output.page else {}
        return self.environment.get_template(output.template).render(self.common, **output.context, **extra)

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
