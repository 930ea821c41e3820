"""Stage five: the whole build, and outputs made to order, from settings to site."""

from hub.pipeline.run import BuildReport, build, print_one, read, read_and_render

__all__ = ["BuildReport", "build", "print_one", "read", "read_and_render"]
