"""Arguments checked where argparse reads them, so a bad one is a usage error (exit 2) before any work starts.

``-o`` of ``pack`` and ``star`` follows one rule: a file name ending in ``.pdf`` in a folder that exists
and can be written, and not an existing folder, device, pipe or socket (a PDF is never written through
one, and an old target is never read).
"""

from __future__ import annotations

import argparse
import errno
import os
import socket
import stat
from pathlib import Path
from urllib.parse import urlsplit

from hub.problems import UsageError

PORTS = (1, 65535)


def pdf_output(text: str) -> Path:
    """``-o``: the PDF to write, or ArgumentTypeError saying why it cannot be."""
    shown = f"'{text}'"
    if not text.strip():
        raise argparse.ArgumentTypeError(f"expected a file name ending in .pdf, not {shown}")
    path = Path(text)
    if text.endswith(("/", os.sep)) or path.is_dir():
        raise argparse.ArgumentTypeError(f"{shown} is a folder; give a file name ending in .pdf")
    if path.suffix.lower() != ".pdf":
        raise argparse.ArgumentTypeError(f"expected a file name ending in .pdf, not {shown}")
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise argparse.ArgumentTypeError(f"cannot use {shown}: {error.strerror}") from None
    if mode is not None and not stat.S_ISREG(mode):
        raise argparse.ArgumentTypeError(f"{shown} is not a regular file (a device, pipe or socket); give a PDF file")
    folder = path.resolve().parent
    if not folder.is_dir():
        raise argparse.ArgumentTypeError(f"cannot write {shown}: the folder '{path.parent}' does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise argparse.ArgumentTypeError(f"cannot write {shown}: no permission to write in '{path.parent}'")
    return path


def port_number(text: str) -> int:
    """``--port``: a TCP port from 1 to 65535."""
    if not text.strip().isdigit() or not PORTS[0] <= int(text) <= PORTS[1]:
        raise argparse.ArgumentTypeError(f"expected a port number from {PORTS[0]} to {PORTS[1]}, not '{text}'")
    return int(text)


def check_can_listen(host: str, port: int) -> None:
    """Raise UsageError if the preview could not listen on ``host``:``port`` (taken, not allowed, no such host).

    Checked before the first build, which takes a while; MkDocs would only find out after it.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        message = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise UsageError("--host", f"cannot listen on '{host}': {message}") from None
    family, kind, protocol, _, address = infos[0]
    with socket.socket(family, kind, protocol) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server itself will
        try:
            probe.bind(address)
        except OSError as error:
            raise UsageError("--port", listen_problem(host, port, error)) from None


def listen_problem(host: str, port: int, error: OSError) -> str:
    """Why the preview cannot listen on ``host``:``port``, in words."""
    if error.errno == errno.EADDRINUSE:
        return f"port {port} on {host} is already in use; choose another with --port"
    if error.errno == errno.EACCES:
        return f"port {port} on {host} needs more permissions; choose a port above 1023 with --port"
    return f"cannot listen on {host}:{port}: {error.strerror or error}"


def site_address(text: str) -> str:
    """An http(s) address with a host, as given (``--site-url`` or the environment)."""
    try:
        parts = urlsplit(text.strip())
        good = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:
        good = False
    if not good or parts.query or parts.fragment:
        raise argparse.ArgumentTypeError(f"expected the site's address, such as https://hub.example.net/, not {text!r}")
    return text.strip()
