"""The browser-made pack's parts (docs/browser-pack.md): pack.js loads them, and the planner's service worker
(docs/sw.js) keeps them with pack.js, from one and the same list; each part hands pack.js its maker under its
own name, and runs nothing when it loads."""

from __future__ import annotations

import json
import re

from conftest import REPO

SCRIPTS = REPO / "docs/assets/javascripts"


def listed(text: str, name: str) -> list[str]:
    found = re.search(rf"const {name} = (\[[^\]]*\])", text)
    assert found, name
    return json.loads(re.sub(r",\s*\]$", "]", found.group(1)))


def test_pack_js_and_the_service_worker_list_the_same_parts_and_each_registers_under_its_own_name() -> None:
    parts = listed((SCRIPTS / "pack.js").read_text(encoding="utf-8"), "PARTS")
    assert listed((REPO / "docs/sw.js").read_text(encoding="utf-8"), "PACK_PARTS") == parts
    assert sorted(parts) == sorted(path.name for path in SCRIPTS.glob("pack-*.js"))
    for name in parts:
        text = (SCRIPTS / name).read_text(encoding="utf-8")
        assert re.findall(r'self\.HubPack\.part\("([^"]+)", function \((?:P)?\) \{\n', text) == [name], name
        assert text.rstrip().endswith("});"), name  # the maker is all there is
        assert len(text.splitlines()) < 300, name
