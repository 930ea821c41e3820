"""`build.py serve`: saving a YAML file regenerates its page in the running preview."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import EPOCH, SITE_URL

pytestmark = pytest.mark.e2e  # build.py serve in a process of its own


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, timeout: float = 5) -> str:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.25)
    return False


def test_editing_a_scenario_updates_its_page(project: Path, tmp_path: Path) -> None:
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "HUB_SITE_URL": SITE_URL}
    stderr = log.open("w")
    server = subprocess.Popen(
        [sys.executable, "build.py", "serve", "--port", str(port)],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=stderr,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/scenarios/sandra/"
    try:
        assert wait_for(lambda: "Sandra is 24" in fetch(url), 120), "the preview never served Sandra's page"
        with pytest.raises(urllib.error.HTTPError) as refused:  # a NUL used to end in a 500 and a traceback
            urllib.request.urlopen(f"http://127.0.0.1:{port}/scenarios/sandra/%00index.html", timeout=5)
        assert refused.value.code == 400
        refused.value.close()
        scenario = project / "content/scenarios/sandra.yml"
        scenario.write_text(scenario.read_text().replace("Sandra is 24", "Sandra is 25"), encoding="utf-8")
        assert wait_for(lambda: "Sandra is 25" in fetch(url), 60), "the page did not follow the edit"
        broken = scenario.read_text().replace("title: Sandra", "title: [Sandra")
        scenario.write_text(broken, encoding="utf-8")
        reported = "content/scenarios/sandra.yml:2:6: this [ ] list is never closed"
        assert wait_for(lambda: reported in log.read_text(), 60), "the preview did not report the content error"
        assert "Pages not updated until these are fixed." in log.read_text()
        # MkDocs holds a request until a rebuild under way has finished (the PDFs printed meanwhile start one).
        assert "Sandra is 25" in fetch(url, timeout=90), "a content error must leave the last good page in place"
        assert "Traceback" not in log.read_text()
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        stderr.close()
