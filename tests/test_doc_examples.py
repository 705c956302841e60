"""Every ``$ migrasi …`` example of README.md and docs/*.md runs, and prints what it shows.

An example is a line ``$ migrasi ARGS`` inside a fenced code block; the lines after it, up to the
next line starting with ``$`` or the end of the block, are its output (standard output and
standard error together, as a terminal shows them). A line ``...`` in the output stands for any
run of lines, none included; trailing spaces and blank lines at the end are not compared.

The examples of one document run in order, from the root of a copy of the repository's
inventories, plans and test cases, so that a document may first write a file and then read it,
and no example changes the repository. A file an example reads that the repository does not hold
(a filled-in workbook) is made by :data:`FIXTURES`. They run in this process (the command line's
``run``, as ``migrasi`` runs it), without a terminal, 80 columns wide, with ``NO_COLOR`` set and
nothing of CI's environment. docs/README.md tells writers the same.
"""

from __future__ import annotations

import contextlib
import difflib
import io
import re
import shlex
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from migrasi.cli.app import run
from tests.conftest import ROOT
from tests.elide import match

DOCUMENTS = sorted([ROOT / "README.md", *(ROOT / "docs").glob("*.md")])
COPIED = ("inventories", "plans", "scenarios", "schemas", "tests/corpus", "tests/cases",
          "examples")  # fmt: skip
"""What an example may read or write, copied for each document (those the repository holds)."""


def _tebo_filled(path: Path) -> None:
    """Tebo's workbook as `migrasi export` writes it, then filled in with three slips."""
    import io

    from openpyxl import load_workbook

    from migrasi import api_intake

    made = api_intake.template(ROOT / "inventories" / "tebo.yaml", "id")
    assert made.workbook is not None
    wb = load_workbook(io.BytesIO(made.workbook))
    sheet = wb["Sistem"]
    sheet["E5"], sheet["K7"], sheet["N9"] = "sedang", "4.500.000", "31/12/2027"
    wb.save(path)


FIXTURES = {"tebo-isi.xlsx": _tebo_filled}
"""Files the examples read that the repository does not hold, by name, and what makes each."""

FENCE = re.compile(r"^\s*(```|~~~)")
SHELL = frozenset("|&;<>()`$")


@dataclass(frozen=True)
class Example:
    """One command of a document and the output it shows."""

    line: int
    command: str
    output: list[str]


def examples(document: Path) -> list[Example]:
    """The ``$ migrasi`` examples of a document, in order."""
    found: list[Example] = []
    inside = False
    current: Example | None = None
    for number, line in enumerate(document.read_text(encoding="utf-8").splitlines(), 1):
        if FENCE.match(line):
            inside = not inside
            current = None
            continue
        if not inside:
            continue
        if line.startswith("$"):
            current = None
            if line.startswith("$ migrasi "):
                current = Example(number, line[2:], [])
                found.append(current)
        elif current is not None:
            current.output.append(line)
    return found


ENVIRONMENT = {"COLUMNS": "80", "LINES": "50", "NO_COLOR": "1", "TERM": "dumb"}
"""What the examples run with; CI's own variables are removed (GitHub's would change the format)."""
REMOVED = ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "FORCE_COLOR", "CLICOLOR_FORCE", "CI")


def _run(example: Example) -> str:
    """Run the example's command in this process (the current folder and environment already
    set) and return what it wrote to standard output and standard error, in order."""
    args = shlex.split(example.command)
    assert not any(SHELL & set(arg) for arg in args[1:]), (
        f"line {example.line}: an example runs migrasi alone, without pipes or redirections"
    )
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        run(args[1:])
    return out.getvalue()


def _trimmed(lines: list[str]) -> list[str]:
    out = [line.rstrip() for line in lines]
    while out and not out[-1]:
        out.pop()
    return out


@pytest.mark.parametrize(
    "document", DOCUMENTS, ids=[d.relative_to(ROOT).as_posix() for d in DOCUMENTS]
)
def test_examples_print_what_the_document_shows(
    document: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each example of the document, run in order, prints the output the document shows."""
    found = examples(document)
    if not found:
        pytest.skip("no examples")
    for part in COPIED:
        if (ROOT / part).is_dir():
            shutil.copytree(ROOT / part, tmp_path / part, symlinks=True)
    for fixture, make in FIXTURES.items():
        if any(fixture in example.command for example in found):
            make(tmp_path / fixture)
    monkeypatch.chdir(tmp_path)
    for key in REMOVED:
        monkeypatch.delenv(key, raising=False)
    for key, value in ENVIRONMENT.items():
        monkeypatch.setenv(key, value)
    name = document.relative_to(ROOT).as_posix()
    for example in found:
        want, got = _trimmed(example.output), _trimmed(_run(example).splitlines())
        if match(want, got, lambda line: line.strip() == "...") is None:
            diff = "\n".join(difflib.unified_diff(want, got, "shown", "printed", lineterm=""))
            pytest.fail(f"{name}:{example.line}: $ {example.command}\n{diff}")


def test_examples_are_found() -> None:
    """The reader of examples finds the commands of a block and the output under each."""
    block = "```\n$ migrasi codes E206\nline one\n...\n$ ls\nnot an example\n$ migrasi codes\n```\n"
    page = ROOT / "README.md"
    text = page.read_text(encoding="utf-8")
    assert examples(page), "README.md shows no migrasi example"
    assert "$ migrasi" in text
    found = _parse(block)
    assert [(e.command, e.output) for e in found] == [
        ("migrasi codes E206", ["line one", "..."]),
        ("migrasi codes", []),
    ]


def _parse(text: str) -> list[Example]:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "page.md"
        page.write_text(text, encoding="utf-8")
        return examples(page)
