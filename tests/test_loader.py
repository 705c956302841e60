"""The YAML loader: every trap PyYAML alone falls into, and the safety limits."""

from __future__ import annotations

import time
from datetime import date
from decimal import Decimal

import pytest

from migrasi.core.values import source_text
from migrasi.loading.yamlio import MAX_BYTES, parse


def codes(raw: bytes) -> list[tuple[str, int | None, int | None]]:
    """The findings of parsing ``raw`` as (code, line, column)."""
    return [(f.code, f.line, f.column) for f in parse("f.yaml", raw).findings]


def test_numbers_are_exact_decimals() -> None:
    """A long decimal is read exactly, never through a binary float."""
    data = parse("f.yaml", b"a: 1234567.891234567891\nb: 12.50\nc: 4500000\n").data
    assert data == {"a": Decimal("1234567.891234567891"), "b": Decimal("12.50"), "c": 4500000}
    assert isinstance(data, dict)
    assert not any(isinstance(v, float) for v in data.values())
    assert str(data["b"]) == "12.50"


def test_only_true_and_false_are_booleans() -> None:
    """``yes``, ``no``, ``on``, ``off`` and ``True`` stay text."""
    data = parse("f.yaml", b"a: yes\nb: no\nc: on\nd: off\ne: true\nf: false\ng: True\n").data
    assert data == {
        "a": "yes",
        "b": "no",
        "c": "on",
        "d": "off",
        "e": True,
        "f": False,
        "g": "True",
    }


def test_scalars_keep_their_source_text() -> None:
    """``15.10`` and ``007`` give back the text they were written as."""
    data = parse("f.yaml", b"code: 15.10\nowner: 007\nday: 2027-01-04\nx: 1e3\n").data
    assert isinstance(data, dict)
    assert [source_text(data[k]) for k in ("code", "owner", "day", "x")] == [
        "15.10",
        "007",
        "2027-01-04",
        "1e3",
    ]
    assert data["day"] == date(2027, 1, 4)


def test_quoted_scalars_are_text() -> None:
    """A quoted number is text, not a number."""
    assert parse("f.yaml", b"a: '4'\nb: \"12.50\"\n").data == {"a": "4", "b": "12.50"}


def test_duplicate_key_is_e003_at_second_key() -> None:
    """A repeated key is reported at its second occurrence and the first value is kept."""
    parsed = parse("f.yaml", b"a: 1\nb: 2\n  \nb: 3\n")
    assert [(f.code, f.line, f.column) for f in parsed.findings] == [("E003", 4, 1)]
    assert parsed.data == {"a": 1, "b": 2}


def test_bom_accepted_and_not_counted() -> None:
    """A UTF-8 BOM is skipped; columns do not count it."""
    parsed = parse("f.yaml", b"\xef\xbb\xbfa: 1\na: 2\n")
    assert [(f.code, f.line, f.column) for f in parsed.findings] == [("E003", 2, 1)]


def test_columns_count_characters() -> None:
    """Columns count Unicode characters, not bytes."""
    raw = "k: é€😀\nk: 2\nx: [\n".encode()
    assert codes(raw)[0][0] == "E001"
    parsed = parse("f.yaml", "é€😀: 1\né€😀: 2\n".encode())
    assert parsed.findings[0].column == 1
    bad = "a: é€😀 \x07\n".encode()
    assert codes(bad) == [("E001", 1, 8)]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"a: \xff\n", [("E002", 1, 4)]),
        (b"a: 1\nb: x\x00\n", [("E002", 2, 5)]),
        ("a: 1\n".encode("utf-16"), [("E002", 1, 1)]),
        ("a: 1\n".encode("utf-32"), [("E002", 1, 1)]),
        (b"", [("E004", 1, 1)]),
        (b"# only a comment\n", [("E004", 1, 1)]),
        (b"a: 1\n---\nb: 2\n", [("E004", 2, 1)]),
        (b"a: [1, 2\n", [("E001", 2, 1)]),
        (b"a: !!python/object:os.system x\n", [("E001", 1, 4)]),
        (b"a: !custom 1\n", [("E001", 1, 4)]),
        (b"a: !!binary aGk=\n", [("E001", 1, 4)]),
    ],
)
def test_file_level_problems(raw: bytes, expected: list[tuple[str, int, int]]) -> None:
    """Encoding, emptiness, documents and tags give their code at the exact place."""
    assert codes(raw) == expected


def test_core_tags_allowed() -> None:
    """Explicit core tags are YAML's own and are accepted."""
    assert parse("f.yaml", b"a: !!str 15\nb: !!int 3\n").data == {"a": "15", "b": 3}


def test_alias_bomb_refused_fast() -> None:
    """A 342-byte billion-laughs bomb is refused as E005 in well under a second."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    raw = ("\n".join(lines) + "\n").encode()
    started = time.perf_counter()
    found = codes(raw)
    assert found == [("E005", 1, 1)]
    assert time.perf_counter() - started < 5  # a guard against hanging, not a benchmark


def test_small_aliases_are_fine() -> None:
    """Ordinary anchors and aliases still work."""
    assert parse("f.yaml", b"a: &x [1, 2]\nb: *x\n").data == {"a": [1, 2], "b": [1, 2]}


def test_recursive_alias_is_e005() -> None:
    """A self-referencing alias cannot recurse forever."""
    assert codes(b"a: &x [*x]\n")[0][0] == "E005"


def test_deep_nesting_is_e005() -> None:
    """Nesting deeper than 64 is refused at the first node too deep."""
    assert codes(b"[" * 70 + b"]" * 70) == [("E005", 1, 65)]
    assert codes(b"[" * 64 + b"]" * 64) == []
    assert codes(b"[" * 5000 + b"]" * 5000)[0][0] == "E005"


def test_oversized_file_is_e005() -> None:
    """More than 16 MiB is refused before parsing."""
    assert codes(b"#" * (MAX_BYTES + 1)) == [("E005", 1, 1)]


def test_control_characters_are_e001() -> None:
    """A control character YAML forbids gives E001 at its place."""
    assert codes(b"a: 1\nb: \x1b[31m\n") == [("E001", 2, 4)]
