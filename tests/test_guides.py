"""The guides stay true: the inventory guide's example is valid and names every field, and every
link of the README and docs/ leads to a file and heading that exist."""

from __future__ import annotations

import re
import shutil
import unicodedata
from pathlib import Path

import pytest

from migrasi.api import validate
from migrasi.core.models import Inventory
from tests.conftest import INVENTORIES, ROOT
from tests.test_generated_docs import _fields

GUIDE = ROOT / "docs" / "panduan-inventaris.md"
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").glob("*.md")])
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6} (.+?)\s*$", re.MULTILINE)
FENCED = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)


def _example() -> str:
    """The guide's annotated inventory: its YAML block that is a whole inventory."""
    blocks = re.findall(r"```yaml\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.DOTALL)
    whole = [b for b in blocks if "\nschema: migrasi/inventory/v1" in b]
    assert len(whole) == 1, "the guide holds one whole inventory"
    return str(whole[0])


def test_guide_example_is_a_valid_inventory(tmp_path: Path) -> None:
    """The annotated example validates with the shipped data-center file and the province's
    inventory: no error, no warning, and every warning it accepts is one it raises."""
    (tmp_path / "tebo.yaml").write_text(_example(), encoding="utf-8")
    for name in ("datacenter.yaml", "prov-jambi.yaml"):
        shutil.copy(INVENTORIES / name, tmp_path / name)
    result = validate([tmp_path], show_accepted=True)
    own = [f for f in result.findings if Path(f.file or "").name == "tebo.yaml"]
    assert [f for f in own if f.severity != "accepted"] == []
    accepted = {f.code for f in own if f.severity == "accepted"}
    written = set(re.findall(r"^ +(W3\d\d): ", _example(), re.MULTILINE))
    assert written and written == accepted


def test_guide_names_every_field_of_the_inventory() -> None:
    """Every field of a region inventory is named in the guide, in code: `field`, `group.field`
    or `field: value`."""
    text = GUIDE.read_text(encoding="utf-8")
    for path in _fields(Inventory):
        tail = path.removeprefix("systems[].")
        names = {tail, tail.rsplit(".", 1)[-1]}
        assert any(f"`{n}`" in text or f"`{n}: " in text for n in names), path


def _slug(heading: str) -> str:
    """The anchor GitHub and GitLab give a heading."""
    text = heading.strip().lower()
    kept = "".join(
        c for c in text if c in " -_" or unicodedata.category(c)[0] in "LN"
    )  # letters, digits, spaces, hyphens
    return kept.replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    text = FENCED.sub("", page.read_text(encoding="utf-8"))
    return {_slug(h) for h in HEADING.findall(text)}


@pytest.mark.parametrize("page", PAGES, ids=[p.relative_to(ROOT).as_posix() for p in PAGES])
def test_links_lead_somewhere(page: Path) -> None:
    """Every relative link of the page names a file of the repository, and its #anchor a
    heading of that page."""
    text = FENCED.sub("", page.read_text(encoding="utf-8"))
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:", target):
            continue
        file, _, anchor = target.partition("#")
        linked = (page.parent / file).resolve() if file else page
        assert linked.exists(), f"{page.name}: {target} leads nowhere"
        if anchor and linked.suffix == ".md":
            assert anchor in _anchors(linked), f"{page.name}: no heading #{anchor} in {linked.name}"
