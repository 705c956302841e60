"""The table of codes: every code once, its messages in both languages, used where raised."""

from __future__ import annotations

import re
import string

from migrasi.core.codes import CODES, TERMS
from tests.conftest import ROOT


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def test_messages_agree_between_languages() -> None:
    """Every message and term has the same placeholders in English and Indonesian."""
    for code, c in CODES.items():
        assert c.title.en and c.title.id, code
        assert c.messages, code
        for why, words in c.messages.items():
            assert _fields(words.en) == _fields(words.id), (code, why)
            assert words.en != words.id, (code, why)
    for key, words in TERMS.items():
        assert _fields(words.en) == _fields(words.id), key


def test_every_code_raised_is_in_the_table() -> None:
    """A code written anywhere in src/ is one the table defines, and the table holds the codes
    of validation.md: E001-E006, E101-E103, E201-E209 and W301-W311."""
    used: set[str] = set()
    for path in (ROOT / "src" / "migrasi").rglob("*.py"):
        if path.name != "codes.py":
            used |= set(re.findall(r"\"([EW][0-9]{3})\"", path.read_text(encoding="utf-8")))
    assert used <= set(CODES), sorted(used - set(CODES))
    expected = {f"E00{i}" for i in range(1, 7)} | {f"E10{i}" for i in range(1, 4)}
    expected |= {f"E20{i}" for i in range(1, 10)} | {f"W3{i:02d}" for i in range(1, 12)}
    assert expected <= set(CODES)
