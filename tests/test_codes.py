"""The table of codes: every code once, its messages in both languages, used where raised."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path
from typing import Any

import pytest

from migrasi.core.codes import CODES, TERMS
from tests.conftest import ROOT
from tests.elide import find
from tests.test_corpus import expected


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


def test_every_code_is_explained_in_both_languages() -> None:
    """Every code has an explanation, a fix and an example, and each text differs by language."""
    for code, c in CODES.items():
        assert c.explanation and c.fix and c.example, f"{code} lacks an explanation, fix or example"
        for words in (c.explanation, c.fix):
            assert words.en and words.id and words.en != words.id, code


def _example_lines(path: Path) -> list[str]:
    """A case file's lines as an example quotes them: a byte that is not UTF-8 as ``\\xff``."""
    data = path.read_bytes().removeprefix(b"\xef\xbb\xbf")
    return data.decode("utf-8", errors="backslashreplace").splitlines()


def _expected_lines(case: Path, file: str, code: str) -> set[int]:
    """The lines at which a case expects ``code`` in ``file``: its files' ``# expect:`` lines
    for a corpus case, the diagnostics of its expected plan for a golden case."""
    if case.parent.name == "corpus":
        keys = expected(case)
        return {line or 0 for name, c, line, _ in keys if name == file and c == code}
    plan = json.loads((case / "expected" / "plan.json").read_text(encoding="utf-8"))
    return {d["line"] for d in plan["diagnostics"] if d["file"] == file and d["code"] == code}


@pytest.mark.parametrize("code", sorted(CODES))
def test_example_is_quoted_from_a_case_that_raises_it(code: str) -> None:
    """A code's example lines are in its case's file, and the case raises the code at one of
    the lines shown (or at 1:1, for a problem of the whole file)."""
    example = CODES[code].example
    assert example is not None, code
    case = ROOT / "tests" / example.case
    lines = _example_lines(case / example.file)
    shown = find(example.text.splitlines(), lines, lambda line: line.strip() == "# ...")
    assert shown is not None, f"{code}: the example is not in {example.where}"
    at = _expected_lines(case, example.file, code)
    assert at, f"{example.case} does not raise {code} in {example.file}"
    assert at & {n + 1 for n in shown} or at == {1}, (
        f"{code} is raised at line(s) {sorted(at)} of {example.where}, "
        f"but the example shows lines {[n + 1 for n in shown]}"
    )


def test_codes_command_explains_lists_and_refuses(cli: Any) -> None:
    """``migrasi codes E207 --lang id`` explains E207 in Indonesian with its example and fix;
    without CODE every code is listed; an unknown CODE exits 2 naming the nearest codes."""
    one = cli("codes", "e207", "--lang", "id")
    c = CODES["E207"]
    assert one.code == 0
    assert one.out.startswith(f"E207 (error): {c.title.id}\n")
    assert c.example is not None and c.example.where in one.out
    assert "Tidak ada gelombang yang akan pernah" in one.out and "Cara memperbaiki:" in one.out
    listed = cli("codes", "--lang", "en")
    assert [line.split()[0] for line in listed.out.splitlines()] == list(CODES)
    wrong = cli("codes", "E2O7", "--lang", "en")
    assert wrong.code == 2 and wrong.out == ""
    assert "unknown code 'E2O7' (did you mean E207" in wrong.err


def test_sarif_rules_carry_explanation_and_fix() -> None:
    """A SARIF rule's full description is the code's explanation and its help the fix."""
    from migrasi.core.findings import Finding
    from migrasi.render.reporters import as_sarif

    log = json.loads(as_sarif([Finding("E206", "x.yaml", args={"got": "USD"})], "en"))
    rule = log["runs"][0]["tool"]["driver"]["rules"][0]
    c = CODES["E206"]
    assert c.explanation and c.fix
    assert rule["shortDescription"]["text"] == c.title.en
    assert rule["fullDescription"]["text"] == c.explanation.en
    assert rule["help"]["text"] == c.fix.en
