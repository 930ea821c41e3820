"""The only way a PDF gets a resource: the project's print assets and ``data:`` URIs, checked before use.

Anything else stops the render with a message naming the address.  Images are
checked (format, bytes, pixels) from their headers before WeasyPrint decodes them.
"""

from __future__ import annotations

import io
import mimetypes
import re
import warnings
from pathlib import Path
from urllib.parse import unquote, urlsplit

MAX_ASSET_BYTES = 5_000_000
MAX_IMAGE_PIXELS = 25_000_000  # an A3 page at 300 dpi is 17.4 million
IMAGE_FORMATS = ("PNG", "JPEG", "GIF", "WEBP")
LONG_DATA_URI = re.compile(r"data:[^\s'\"]{60,}")


def shorten(url: str) -> str:
    return url if len(url) <= 80 else url[:60] + "..."


def make_fetcher(allowed: list[Path], fatal_error: type, base: type, response: type):
    class RefusedURL(fatal_error):
        def __str__(self) -> str:
            return str(self.args[0])

    class ProjectAssetsFetcher(base):
        """Fetches ``data:`` URIs and files in the print-asset folders; refuses all else."""

        def __init__(self) -> None:
            super().__init__(allowed_protocols={"data"}, allow_redirects=False, fail_on_errors=True)
            self.refusals: list[str] = []

        def _refuse(self, message: str) -> RefusedURL:
            self.refusals.append(message)
            return RefusedURL(message)

        def fetch(self, url: str, headers: dict | None = None):
            scheme = urlsplit(url).scheme.lower()
            shown = shorten(url)
            if scheme == "data":
                fetched = super().fetch(url, headers)
                body = fetched.read(MAX_ASSET_BYTES + 1)
                fetched.close()
                if problem := resource_problem(body):
                    raise self._refuse(f"refused {shown}: {problem}")
                return response(fetched.url, body=body, headers=fetched.headers)
            if scheme == "file":
                path = Path(unquote(urlsplit(url).path)).resolve()
                if any(path.is_relative_to(folder) for folder in allowed) and path.is_file():
                    if path.stat().st_size > MAX_ASSET_BYTES:
                        raise self._refuse(f"print asset {path.name} is larger than {MAX_ASSET_BYTES} bytes")
                    body = path.read_bytes()
                    if problem := resource_problem(body):
                        raise self._refuse(f"refused print asset {path.name}: {problem}")
                    media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                    return response(url, body=body, headers={"Content-Type": media_type})
            message = f"refused to fetch {shown}: a PDF may only use the project's print assets and data: URIs"
            raise self._refuse(message)

    return ProjectAssetsFetcher()


def resource_problem(body: bytes) -> str | None:
    """Why a fetched resource may not go into a PDF, or None: too many bytes, XML entities (an SVG bomb), or a
    raster image that is not PNG, JPEG, GIF or WebP or has too many pixels (read from its header, undecoded)."""
    from PIL import Image, UnidentifiedImageError

    if len(body) > MAX_ASSET_BYTES:
        return f"it is larger than {MAX_ASSET_BYTES:,} bytes"
    if b"<!ENTITY" in body:
        return "it declares XML entities (<!ENTITY), which can expand without limit"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(body)) as image:
                image_format, (width, height) = image.format, image.size
        except UnidentifiedImageError:
            return None  # not a raster image: a font, a stylesheet or an SVG, which WeasyPrint checks itself
        except Image.DecompressionBombError:
            return f"it is an image of more than {MAX_IMAGE_PIXELS:,} pixels"
    if image_format not in IMAGE_FORMATS:
        return f"images must be PNG, JPEG, GIF or WebP, not {image_format}"
    if width * height > MAX_IMAGE_PIXELS:
        return f"it is an image of {width:,} × {height:,} pixels; at most {MAX_IMAGE_PIXELS:,} pixels are allowed"
    return None
