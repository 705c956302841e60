"""What the fuzzers run, shared with ``tests/test_fuzz_regressions.py``.

Three targets. ``parse_bytes`` feeds arbitrary bytes to the YAML loader. ``run_folder`` splits
its input at ``MARK`` into up to four files, writes them into a folder and runs everything a
user can run on them: validate (every format), plan (every file of the plan folder), the
terminal tables, explain, graph, savings (every view and format) and diff. Bad input may only
give findings or a ``MigrasiError``; any other exception is a finding of the fuzzer, and so is
a broken invariant (``Broken``): a finding without a place, a raw control character in text
meant for a terminal, a spreadsheet formula in ``savings.csv``, a Mermaid label that escapes
its quotes, a Markdown table row with a wrong number of cells. ``import_bytes`` imports a
workbook (the bytes themselves, or the sheets ``fuzz.sheet_text`` reads from them) and checks
that every finding has a place, that every report renders, that an accepted inventory's YAML
reads back to it and its workbook imports to it again, and that ``--annotate`` works.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections.abc import Callable
from functools import cache, partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MARK = b"\n#--8<--\n"
MAX_FILES = 4
REFERENCE_CASE = ROOT / "tests" / "cases" / "cycle-and-pilot" / "inventories"

# Raw characters that must never reach a terminal: C0 (but tab and newline), DEL, C1,
# line/paragraph separators and the bidi embeddings, overrides and isolates.
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TEXT_COLUMNS = ("ref", "region", "owner", "name")


class Broken(AssertionError):
    """An invariant of migrasi's outputs does not hold for this input."""


def split(data: bytes) -> list[bytes]:
    """The files of one fuzz input: the parts between ``MARK``s, at most ``MAX_FILES``."""
    return data.split(MARK)[:MAX_FILES]


def parse_bytes(data: bytes) -> list[Exception]:
    """Parse ``data`` as one YAML file; every finding must have a place."""
    from migrasi.loading.yamlio import parse

    parsed = parse("fuzz.yaml", data)
    for f in parsed.findings:
        if f.line is None or f.column is None or f.line < 1 or f.column < 1:
            return [Broken(f"finding without a place: {f}")]
    return []


def no_raw_control(what: str, text: str) -> None:
    """Text meant for a terminal carries no raw control character."""
    found = RAW_CONTROL.search(text)
    if found:
        raise Broken(f"{what}: raw control character U+{ord(found.group()):04X}")


def markdown_cells(line: str) -> int:
    """How many cells a Markdown table row has: pipes not escaped by a backslash, less one."""
    pipes = 0
    backslashes = 0
    for ch in line:
        if ch == "\\":
            backslashes += 1
            continue
        if ch == "|" and backslashes % 2 == 0:
            pipes += 1
        backslashes = 0
    return pipes - 1


def markdown_tables(what: str, text: str) -> None:
    """Every row of every Markdown table has as many cells as its header."""
    width: int | None = None
    for line in text.splitlines():
        if not line.startswith("|"):
            width = None
            continue
        cells = markdown_cells(line)
        if width is None:
            width = cells
        elif cells != width:
            raise Broken(f"{what}: table row with {cells} cells, header has {width}: {line!r}")


_NODE = re.compile(r'^\s+n\d+\["(.*)"\]$')
_SUBGRAPH = re.compile(r'^\s+subgraph \S+\["(.*)"\]$')


def mermaid_labels(what: str, text: str) -> None:
    """No Mermaid label holds a quote, an arrow, a comment or markup of its own."""
    for line in text.splitlines():
        match = _NODE.match(line) or _SUBGRAPH.match(line)
        if match is None:
            continue
        label = match.group(1).replace("<br/>", "")
        for bad in ('"', "-->", "%%", "<", ">"):
            if bad in label:
                raise Broken(f"{what}: {bad!r} in the label {label!r}")


def csv_text_fields(what: str, text: str, columns: tuple[str, ...]) -> None:
    """No text field of ``columns`` starts like a spreadsheet formula."""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows:
        return
    indexes = [rows[0].index(c) for c in columns if c in rows[0]]
    for row in rows[1:]:
        for i in indexes:
            if i < len(row) and row[i].startswith(FORMULA_START):
                raise Broken(f"{what}: field {row[i]!r} would run as a formula")


def _console() -> Any:
    from rich.console import Console

    return Console(
        file=io.StringIO(), width=120, color_system=None, force_terminal=False, highlight=False
    )


def _printed(renderable: object) -> str:
    console = _console()
    console.print(renderable)
    value: str = console.file.getvalue()
    return value


def write_inputs(folder: Path, data: bytes) -> Path:
    """Write the files of ``data`` into ``folder/in`` (emptied first) and return that folder."""
    inputs = folder / "in"
    if inputs.exists():
        shutil.rmtree(inputs)
    inputs.mkdir(parents=True)
    for i, part in enumerate(split(data)):
        (inputs / f"f{i}.yaml").write_bytes(part)
    return inputs


@cache
def reference_plan(folder: Path) -> Path:
    """A plan.json of a small valid case, to diff fuzzed plans against (made once)."""
    from migrasi import api

    result = api.plan([REFERENCE_CASE])
    files = api.plan_files(result, "en")
    target = folder / "reference.json"
    target.write_bytes(files["plan.json"])
    return target


def run_folder(folder: Path, data: bytes, lang: str = "en") -> list[Exception]:
    """Run every command's work on the files of ``data``; return what went wrong.

    Each output is made in a step of its own, so that one broken output does not hide the
    others; a ``MigrasiError`` (migrasi refusing with a message) is not a problem.
    """
    from migrasi import api
    from migrasi.render import reporters

    problems: list[Exception] = []
    inputs = write_inputs(folder, data)
    result = api.validate([inputs], show_accepted=True)
    findings, sources = result.findings, result.sources()

    def places() -> None:
        for f in findings:
            if f.file is not None and f.line is None and f.code != "E205":
                raise Broken(f"finding without a line: {f}")

    _steps(
        problems,
        places,
        lambda: no_raw_control("validate text", reporters.as_text(findings, lang, sources)),
        lambda: no_raw_control("validate github", reporters.as_github(findings, lang)),
        lambda: json.loads(reporters.as_json(findings, lang)),
        lambda: json.loads(reporters.as_sarif(findings, lang)),
        lambda: markdown_tables("summary", reporters.as_markdown_summary(findings, lang, 1)),
    )
    planned = api.plan([inputs])
    if planned.plan is not None:
        _steps(problems, lambda: _plan_outputs(folder, planned, lang, problems))
    return problems


def _steps(problems: list[Exception], *steps: Callable[[], object]) -> None:
    from migrasi.core.errors import MigrasiError

    for step in steps:
        try:
            step()
        except MigrasiError:
            pass
        except Exception as exc:
            problems.append(exc)


def _plan_outputs(folder: Path, planned: Any, lang: str, problems: list[Exception]) -> None:
    from migrasi import api
    from migrasi.render.graph_text import dot, graph_json
    from migrasi.render.savings import VIEWS
    from migrasi.render.terminal import summary_table, waves_table

    files = api.plan_files(planned, lang)
    plan = planned.document
    checked = planned.validation.checked
    refs = [s.ref for s in plan.systems]
    some = sorted({refs[0], refs[len(refs) // 2], refs[-1]} if refs else set())
    everything = set(checked.items)
    _steps(
        problems,
        lambda: markdown_tables("plan.md", files["plan.md"].decode()),
        lambda: mermaid_labels("graph.mmd", files["graph.mmd"].decode()),
        lambda: csv_text_fields("savings.csv", files["savings.csv"].decode(), TEXT_COLUMNS),
        lambda: no_raw_control("waves table", _printed(waves_table(plan, lang))),
        lambda: no_raw_control("summary table", _printed(summary_table(plan, lang))),
        *(partial(_explain, ref, plan, checked.items, lang) for ref in some),
        lambda: dot(checked.items, checked.groups, everything),
        lambda: json.loads(graph_json(checked.items, checked.groups, everything)),
    )
    _steps(problems, *(partial(_savings, plan, by, lang) for by in VIEWS))
    new = folder / "plan.json"
    new.write_bytes(files["plan.json"])
    _steps(problems, lambda: _diffs(reference_plan(folder), new, lang))


def _explain(ref: str, plan: Any, items: Any, lang: str) -> None:
    from migrasi.render.explain_text import explain

    no_raw_control("explain", explain(ref, plan, items, lang))


def _savings(doc: Any, by: str, lang: str) -> None:
    from migrasi.render.savings_formats import FORMATS, Savings

    subject = Savings(doc, by)
    no_raw_control(f"savings --by {by}", _printed(FORMATS["table"].render(subject, lang)))
    csv = str(FORMATS["csv"].render(subject, lang))
    csv_text_fields(f"savings --by {by} csv", csv, TEXT_COLUMNS)
    markdown_tables(f"savings --by {by} md", str(FORMATS["md"].render(subject, lang)))
    json.loads(str(FORMATS["json"].render(subject, lang)))


def _diffs(old: Path, new: Path, lang: str) -> None:
    from migrasi.api import diff
    from migrasi.render.diff_text import FORMATS

    forth, back = diff(old, new), diff(new, old)
    no_raw_control("diff text", str(FORMATS["text"].render(forth, lang)))
    no_raw_control("diff text", str(FORMATS["text"].render(back, lang)))
    markdown_tables("diff md", str(FORMATS["md"].render(forth, lang)))
    json.loads(str(FORMATS["json"].render(forth, lang)))


def _places(findings: list[Any]) -> None:
    for f in findings:
        whole = f.code in ("E002", "E005") or f.args.get("why") == "sheet"
        if f.cell is None and not whole:
            raise Broken(f"workbook finding without a cell: {f}")


def import_bytes(folder: Path, data: bytes, lang: str = "en") -> list[Exception]:
    """Import ``data`` as a workbook (raw when it looks like a zip, else as sheet text)."""
    from fuzz.sheet_text import to_workbook
    from migrasi import api_intake
    from migrasi.core.models import Inventory
    from migrasi.loading.yamlio import parse
    from migrasi.render import reporters

    problems: list[Exception] = []
    path = folder / "fuzz.xlsx"
    path.write_bytes(data if data.startswith(b"PK") else to_workbook(data))
    result = api_intake.import_workbook(path, [REFERENCE_CASE])
    findings = result.findings

    def round_trip() -> None:
        if result.inventory is None:
            return
        text = api_intake.inventory_text(result, "s.json")
        back = parse("fuzz.yaml", text.encode("utf-8"))
        if Inventory.model_validate(back.data) != result.inventory:
            raise Broken("the imported YAML reads back to another inventory")
        made = folder / "again.yaml"
        made.write_text(text, encoding="utf-8")
        again = api_intake.template(made, lang)
        if again.workbook is None:
            raise Broken(f"the imported inventory does not export: {again.findings[:1]}")
        (folder / "again.xlsx").write_bytes(again.workbook)
        if api_intake.import_workbook(folder / "again.xlsx", None).inventory != result.inventory:
            raise Broken("the exported workbook imports to another inventory")

    _steps(
        problems,
        lambda: _places(findings),
        lambda: no_raw_control("import text", reporters.as_text(findings, lang, {})),
        lambda: no_raw_control("import github", reporters.as_github(findings, lang)),
        lambda: json.loads(reporters.as_json(findings, lang)),
        lambda: json.loads(reporters.as_sarif(findings, lang)),
        lambda: json.loads(reporters.as_gitlab(findings, lang)),
        round_trip,
        lambda: api_intake.annotated(result, lang),
    )
    return problems
