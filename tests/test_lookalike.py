"""Text that looks the same is the same: ids, refs, codes, enums and owners are taken in Unicode
NFC with space separators as spaces and zero-width characters removed; codes take ASCII digits
only; invisible characters reach a terminal escaped."""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from migrasi.cli.app import run
from migrasi.core.text import canonical
from migrasi.render.escape import terminal
from tests.conftest import DATACENTER, INVENTORY

SYSTEM = INVENTORY.split("systems:\n", 1)[1]
"""The one system of the test inventory, as YAML lines."""


def inventory(*systems: str, code: str = '"15.71"', region: str = "kota-uji") -> str:
    """An inventory of ``region`` holding ``systems`` (YAML list entries)."""
    head = INVENTORY.split("systems:\n", 1)[0]
    head = head.replace('"15.71"', code).replace("kota-uji", region)
    return head + "systems:\n" + "".join(systems)


def system(sid: str = "simpeg", owner: str = "BKPSDM", extra: str = "") -> str:
    """One system entry with the given id and owner (quoted so that any character survives)."""
    entry = SYSTEM.replace("id: simpeg", f'id: "{sid}"').replace(
        "owner: BKPSDM", f'owner: "{owner}"'
    )
    return entry + extra


def findings(folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict[str, Any]]]:
    """Validate ``folder``; the exit code and the findings as JSON."""
    code = run(["validate", str(folder), "--format", "json", "--lang", "en"])
    found: list[dict[str, Any]] = json.loads(capsys.readouterr().out)
    return code, found


@pytest.fixture
def inv(tmp_path: Path) -> Path:
    """A folder holding the data-center file only."""
    folder = tmp_path / "inv"
    folder.mkdir()
    (folder / "datacenter.yaml").write_text(DATACENTER, encoding="utf-8")
    return folder


OWNERS = [
    "Dinas Pendidikan dan Kebudayaan",
    "Dinas\u00a0Pendidikan dan Kebudayaan",  # a no-break space, as spreadsheets paste it
    "Dinas Pendidikan\u202fdan Kebudayaan",  # a narrow no-break space
    "Dinas Pendidikan dan\u200b Kebudayaan",  # a zero-width space
    "\ufeffDinas Pendidikan dan Kebudayaan",  # a byte-order mark pasted at the start
    "Dinas Pen\u00addidikan dan Kebudayaan",  # a soft hyphen
]


def test_owners_that_look_the_same_are_one_opd(
    inv: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Owners differing by no-break, zero-width or byte-order characters, or by the composition
    of a letter, make one OPD row whose systems add up."""
    accented = ["Dinas Pariwisata Caf\u00e9", "Dinas Pariwisata Cafe\u0301"]  # NFC and NFD
    entries = [system(f"s{i}", owner) for i, owner in enumerate(OWNERS + accented)]
    (inv / "kota-uji.yaml").write_text(inventory(*entries), encoding="utf-8")
    assert run(["savings", str(inv), "--by", "opd", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    owners = sorted((r["owner"], r["systems"]) for r in rows)
    assert owners == [
        ("Dinas Pariwisata Caf\u00e9", 2),
        ("Dinas Pendidikan dan Kebudayaan", len(OWNERS)),
    ]


def test_id_with_a_zero_width_space_is_the_same_id(
    inv: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``simpeg`` and ``simpeg`` with a zero-width space are one id: E202, the duplicate."""
    (inv / "kota-uji.yaml").write_text(
        inventory(system("simpeg"), system("simpeg\u200b")), encoding="utf-8"
    )
    code, found = findings(inv, capsys)
    assert code == 1
    assert [(f["code"], f["path"]) for f in found] == [("E202", "systems[1].id")]


def test_ref_and_enum_with_invisible_characters_resolve(
    inv: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A ref with a word joiner names the system it looks like; an enum value with a
    zero-width space is that value."""
    api = system("api", extra='    depends_on: ["kota-uji/simpeg\u2060"]\n')
    api = api.replace("criticality: tinggi", 'criticality: "tinggi\u200b"')
    (inv / "kota-uji.yaml").write_text(inventory(system("simpeg"), api), encoding="utf-8")
    code, found = findings(inv, capsys)
    assert (code, found) == (0, [])


@pytest.mark.parametrize(
    ("code", "bps"),
    [
        ('"\uff11\uff15.\uff17\uff11"', None),  # fullwidth digits
        ('"\u0661\u0665.\u0667\u0661"', None),  # Arabic-Indic digits
        ('"15.\u0967\u0967"', None),  # Devanagari digits
        ('"15.73"', '"\uff11\uff15\uff17\uff13"'),
    ],
)
def test_codes_take_ascii_digits_only(
    inv: Path, capsys: pytest.CaptureFixture[str], code: str, bps: str | None
) -> None:
    """A Kemendagri or BPS code in other digits is E102, so it cannot slip past the duplicate
    check of codes (validation.md's pattern, as the JSON Schema reads it)."""
    (inv / "kota-uji.yaml").write_text(inventory(system()), encoding="utf-8")
    other = inventory(system(), code=code, region="kota-dua")
    if bps is not None:
        other = other.replace("kind: kota}", f"kind: kota, bps_code: {bps}}}")
    (inv / "kota-dua.yaml").write_text(other, encoding="utf-8")
    exit_code, found = findings(inv, capsys)
    assert exit_code == 1
    field = "bps_code" if bps else "code"
    assert [(Path(f["file"]).name, f["code"], f["path"]) for f in found] == [
        ("kota-dua.yaml", "E102", f"region.{field}")
    ]


def test_invisible_characters_reach_the_terminal_escaped(
    inv: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file name holding a zero-width space and a direction override is shown escaped."""
    (inv / "kota\u200buji\u202e.yaml").write_text("schema: nope\n", encoding="utf-8")
    assert run(["validate", str(inv), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "kota\\u200buji\\u202e.yaml:1:" in out
    assert "\u200b" not in out and "\u202e" not in out


def test_every_invisible_character_is_escaped() -> None:
    """Every control (but tab) and format character of this Python's Unicode is escaped;
    letters, digits and spaces are not."""
    missed = [
        hex(c)
        for c in range(sys.maxunicode + 1)
        if unicodedata.category(chr(c)) in ("Cc", "Cf")
        and chr(c) != "\t"
        and terminal(chr(c)) == chr(c)
    ]
    assert missed == []
    assert (
        terminal("Kota Jambi 15.71 \u00e9\u00a0\u6f22\t") == "Kota Jambi 15.71 \u00e9\u00a0\u6f22\t"
    )


def test_every_space_separator_becomes_a_space() -> None:
    """Each space separator of this Python's Unicode becomes an ordinary space."""
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Zs"]
    assert [canonical(f"a{s}b") for s in spaces] == ["a b"] * len(spaces)


def test_code_with_a_zero_width_space_is_a_duplicate(
    inv: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Kemendagri code with a zero-width space is the code it looks like: E201, used twice."""
    (inv / "kota-dua.yaml").write_text(inventory(system()), encoding="utf-8")
    other = inventory(system(), code='"15.71\u200b"', region="kota-tiga")
    (inv / "kota-tiga.yaml").write_text(other, encoding="utf-8")
    code, found = findings(inv, capsys)
    assert code == 1
    assert [(Path(f["file"]).name, f["code"], f["path"]) for f in found] == [
        ("kota-tiga.yaml", "E201", "region.code")
    ]


def test_id_with_a_no_break_space_is_e102_shown_as_a_space(
    inv: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A no-break space is an ordinary space: in an id it is E102, and the message shows the
    space a reader sees, not an invisible difference."""
    (inv / "kota-uji.yaml").write_text(inventory(system("sim\u00a0peg")), encoding="utf-8")
    code, found = findings(inv, capsys)
    assert code == 1
    assert [(f["code"], f["path"]) for f in found] == [("E102", "systems[0].id")]
    assert "'sim peg' is not a valid id" in found[0]["message"]
