"""The invalid-input corpus: every case folder states in its own files what `validate` must report.

Each folder under ``tests/corpus/`` is a complete input set. The first line of each input file is
``# expect: CODE LINE:COL[, CODE LINE:COL ...]`` or ``# expect: none``, listing every finding in
that file (line 1 is the comment itself). A file that cannot carry that line (not UTF-8, empty) has
it in a sidecar ``<file name>.expect``; a finding that belongs to no file (E205 with no data-center
file) is declared in ``<case>/expect.txt`` as ``# expect: E205 -``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from migrasi.api import validate
from migrasi.core.codes import CODES

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(p for p in CORPUS.iterdir() if p.is_dir())

EXPECT_LINE = re.compile(r"# expect: (?P<body>.+?)\s*")
EXPECT_ITEM = re.compile(r"(?P<code>[EW]\d{3}) (?:(?P<line>\d+):(?P<column>\d+)|-)")
BOM = b"\xef\xbb\xbf"
NO_FILE = "expect.txt"
SIDECAR = ".expect"

VALIDATE_CODES = frozenset(CODES) - {"W309", "W310"}
"""Codes `validate` can report; W309 and W310 come only from a plan."""

Key = tuple[str | None, str, int | None, int | None]
"""One finding as compared: file relative to the case folder (None: no file), code, line, column."""


def input_files(case: Path) -> list[Path]:
    """Return the files `validate` reads in a case: ``*.yaml``/``*.yml``, none under a dot-name."""
    return sorted(
        p
        for p in case.rglob("*")
        if p.is_file()
        and p.suffix.lower() in {".yaml", ".yml"}
        and not any(part.startswith(".") for part in p.relative_to(case).parts)
    )


def parse_expect(first_line: bytes, where: str) -> list[tuple[str, int | None, int | None]]:
    """Read ``# expect: ...`` into (code, line, column) triples."""
    text = first_line.removeprefix(BOM).rstrip(b"\r").decode("utf-8")
    match = EXPECT_LINE.fullmatch(text)
    assert match, f"{where}: the first line must be '# expect: ...', found {text!r}"
    body = match["body"]
    if body == "none":
        return []
    items = []
    for raw in body.split(","):
        item = EXPECT_ITEM.fullmatch(raw.strip())
        assert item, f"{where}: cannot read the expectation {raw.strip()!r}"
        line, column = item["line"], item["column"]
        items.append((item["code"], int(line) if line else None, int(column) if column else None))
    return items


def expected(case: Path) -> set[Key]:
    """Collect what a case's files and sidecars say it must produce."""
    keys: set[Key] = set()
    for file in input_files(case):
        sidecar = file.with_name(file.name + SIDECAR)
        source = sidecar if sidecar.exists() else file
        first = source.read_bytes().split(b"\n", 1)[0]
        name = file.relative_to(case).as_posix()
        keys |= {(name, c, ln, col) for c, ln, col in parse_expect(first, str(source))}
    no_file = case / NO_FILE
    if no_file.exists():
        first = no_file.read_bytes().split(b"\n", 1)[0]
        keys |= {(None, c, None, None) for c, _, _ in parse_expect(first, str(no_file))}
    return keys


def reported(case: Path) -> set[Key]:
    """Run `validate` on a case folder and key what it reports (accepted warnings left out)."""
    result = validate([case])
    keys: set[Key] = set()
    for f in result.findings:
        if f.severity == "accepted":
            continue
        assert f.severity == ("error" if f.code.startswith("E") else "warning"), f
        if f.file is None or Path(f.file).absolute() == case.absolute():
            name = None
        else:
            name = Path(f.file).absolute().relative_to(case.absolute()).as_posix()
        keys.add((name, f.code, f.line, f.column))
    return keys


def show(keys: set[Key]) -> str:
    """List findings one a line, as the text report would place them."""
    ordered = sorted(keys, key=lambda k: (k[0] or "", k[2] or 0, k[3] or 0, k[1]))
    return "\n".join(f"  {n or '-'}:{ln or '-'}:{c or '-'} {code}" for n, code, ln, c in ordered)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_reports_exactly_what_its_files_expect(case: Path) -> None:
    """Validating a corpus case reports every expected finding at its place and nothing else."""
    want, got = expected(case), reported(case)
    missing, unexpected = want - got, got - want
    assert not missing and not unexpected, (
        f"{case.name}\nexpected but not reported:\n{show(missing)}"
        f"\nreported but not expected:\n{show(unexpected)}"
    )


def test_corpus_covers_every_validate_code() -> None:
    """Every code that `validate` can report is expected somewhere in the corpus, no other code."""
    codes = {code for case in CASES for _, code, _, _ in expected(case)}
    missing, unknown = sorted(VALIDATE_CODES - codes), sorted(codes - VALIDATE_CODES)
    assert not missing and not unknown, f"missing: {missing}, unknown: {unknown}"


def test_case_folders_are_named_for_what_they_expect() -> None:
    """A folder named for a code expects that code, and an ``ok-`` folder expects nothing."""
    for case in CASES:
        prefix = case.name.split("-", 1)[0]
        codes = {code for _, code, _, _ in expected(case)}
        if prefix == "ok":
            assert not codes, f"{case.name} expects {sorted(codes)}"
        else:
            assert prefix.upper() in codes, f"{case.name} does not expect {prefix.upper()}"
