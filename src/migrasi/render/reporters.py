"""Findings as text, JSON, GitHub workflow commands, SARIF 2.1.0 and a Markdown summary."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence

from migrasi import __version__
from migrasi.core.findings import ERROR_CODES, WARNING_CODES, Finding, path_text
from migrasi.render.catalog import counts
from migrasi.render.escape import markdown_cell, terminal
from migrasi.render.messages import message

FORMATS = ("text", "json", "github", "sarif")


def _place(f: Finding) -> str:
    where = f.file or "-"
    if f.line is not None:
        where += f":{f.line}:{f.column}"
    if f.cell is not None:
        where += f":{f.cell}"
    return where


def as_text(
    findings: Sequence[Finding],
    lang: str,
    sources: Mapping[str, str],
    color: bool = False,
) -> str:
    """Compiler-style lines, each with the offending source line and a caret under the column."""
    colors = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "accepted": "\x1b[1;36m"}
    out: list[str] = []
    for f in findings:
        severity = f.severity
        if color:
            severity = f"{colors.get(f.severity, '')}{severity}\x1b[0m"
        path = path_text(f.path)
        body = terminal(message(f, lang))
        if f.reason is not None:
            body += f" [{terminal(f.reason)}]"
        head = f"{terminal(_place(f))}: {severity} {f.code}"
        out.append(f"{head} {terminal(path)}: {body}" if path else f"{head}: {body}")
        source = sources.get(f.file or "")
        if source is not None and f.line is not None and f.column is not None:
            lines = source.splitlines()
            if 0 < f.line <= len(lines):
                shown = terminal(lines[f.line - 1].replace("\t", " "))
                if len(shown) <= 240:
                    gutter = f"{f.line:>5} | "
                    out.append(gutter + shown)
                    caret = " " * (len(terminal(lines[f.line - 1][: f.column - 1])))
                    out.append(" " * (len(gutter) - 2) + "| " + caret + "^")
    return "".join(line + "\n" for line in out)


def finding_dict(f: Finding, lang: str) -> dict[str, object]:
    """One finding as the JSON object of validation.md."""
    item: dict[str, object] = {
        "file": f.file,
        "line": f.line,
        "column": f.column,
        "severity": f.severity,
        "code": f.code,
        "path": path_text(f.path),
        "message": message(f, lang),
    }
    if f.cell is not None:
        item["cell"] = str(f.cell)
    if f.reason is not None:
        item["reason"] = f.reason
    return item


def as_json(findings: Sequence[Finding], lang: str) -> str:
    """A JSON list of findings, ``indent=2``, keys in a fixed order, a final newline."""
    return (
        json.dumps([finding_dict(f, lang) for f in findings], indent=2, ensure_ascii=False) + "\n"
    )


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def as_github(findings: Sequence[Finding], lang: str) -> str:
    """GitHub Actions workflow commands (``::error file=…,line=…,col=…,title=E203::…``)."""
    out: list[str] = []
    for f in findings:
        level = {"error": "error", "warning": "warning"}.get(f.severity, "notice")
        props = []
        if f.file:
            props.append(f"file={_escape_property(terminal(f.file))}")
        if f.line is not None:
            props.append(f"line={f.line}")
            props.append(f"col={f.column}")
        props.append(f"title={f.code}")
        body = f"{path_text(f.path)}: {message(f, lang)}" if f.path else message(f, lang)
        if f.cell is not None:
            body = f"{f.cell} {body}"
        out.append(f"::{level} {','.join(props)}::{_escape_data(terminal(body))}\n")
    return "".join(out)


def as_markdown_summary(findings: Sequence[Finding], lang: str, files: int) -> str:
    """A Markdown table of all findings, for ``GITHUB_STEP_SUMMARY``."""
    errors = sum(f.severity == "error" for f in findings)
    warnings = sum(f.severity == "warning" for f in findings)
    head = f"### migrasi validate\n\n{counts(lang, files, errors, warnings)}\n"
    if not findings:
        return head
    rows = [
        "",
        "| file | line | column | severity | code | path | message |",
        "| --- | ---: | ---: | --- | --- | --- | --- |",
    ]
    for f in findings:
        cells = [
            f"{f.file or ''}:{f.cell}" if f.cell is not None else f.file or "",
            str(f.line or ""),
            str(f.column or ""),
            f.severity,
            f.code,
            path_text(f.path),
            message(f, lang),
        ]
        rows.append("| " + " | ".join(markdown_cell(c) for c in cells) + " |")
    return head + "\n".join(rows) + "\n"


def as_sarif(findings: Sequence[Finding], lang: str) -> str:
    """A SARIF 2.1.0 log with one run, its rules, and a result per finding."""
    codes = sorted({f.code for f in findings})
    rules = [
        {
            "id": code,
            "name": code,
            "shortDescription": {"text": code},
            "defaultConfiguration": {"level": "error" if code in ERROR_CODES else "warning"},
        }
        for code in codes
        if code in ERROR_CODES or code in WARNING_CODES
    ]
    results = []
    for f in findings:
        result: dict[str, object] = {
            "ruleId": f.code,
            "ruleIndex": codes.index(f.code),
            "level": {"error": "error", "warning": "warning"}.get(f.severity, "note"),
            "message": {"text": message(f, lang)},
        }
        if f.severity == "accepted":
            result["suppressions"] = [{"kind": "inSource", "justification": f.reason or ""}]
        if f.file:
            location: dict[str, object] = {"artifactLocation": {"uri": f.file}}
            if f.line is not None:
                location["region"] = {"startLine": f.line, "startColumn": f.column}
            logical: list[dict[str, str]] = []
            if f.path:
                logical.append({"fullyQualifiedName": path_text(f.path)})
            if f.cell is not None:
                logical.append({"fullyQualifiedName": str(f.cell), "kind": "element"})
            result["locations"] = [{"physicalLocation": location, "logicalLocations": logical}]
        results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "migrasi",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


RENDERERS: dict[str, Callable[[Sequence[Finding], str], str]] = {
    "json": as_json,
    "github": as_github,
    "sarif": as_sarif,
}
