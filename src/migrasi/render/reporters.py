"""Findings as text, JSON, GitHub workflow commands, SARIF 2.1.0, a GitLab Code Quality report
and a Markdown summary."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from migrasi import __version__
from migrasi.core.codes import CODES
from migrasi.core.findings import Finding, path_text, tally
from migrasi.render.catalog import counts
from migrasi.render.escape import markdown_cell, md_table, terminal
from migrasi.render.formats import Format
from migrasi.render.messages import message

if TYPE_CHECKING:
    from migrasi.core.plandoc import Diagnostic


@dataclass(frozen=True)
class Report:
    """What a validation run reports: its findings, the text of the files read, and whether
    the terminal shows colour."""

    findings: Sequence[Finding]
    sources: Mapping[str, str] = field(default_factory=dict)
    color: bool = False


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
    split: dict[str, list[str]] = {}  # each file's lines, split once for all its findings
    for f in findings:
        severity: str = f.severity
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
            lines = split.get(f.file or "")
            if lines is None:
                lines = split[f.file or ""] = source.splitlines()
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


def diagnostic(f: Finding) -> Diagnostic:
    """One finding as the plan document carries it: in English, so that plan.json changes only
    when the plan does."""
    from migrasi.core.plandoc import Diagnostic

    return Diagnostic.model_construct(
        file=f.file,
        line=f.line,
        column=f.column,
        severity=f.severity,
        code=f.code,
        path=path_text(f.path),
        message=message(f, "en"),
        reason=f.reason,
    )


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
    errors, warnings = tally(findings, "error"), tally(findings, "warning")
    head = f"### migrasi validate\n\n{counts(lang, files, errors, warnings)}\n"
    if not findings:
        return head
    names = ["file", "line", "column", "severity", "code", "path", "message"]
    rows = [
        [f"{f.file or ''}:{f.cell}" if f.cell is not None else f.file or "", str(f.line or ""),
         str(f.column or ""), f.severity, f.code,
         path_text(f.path), message(f, lang)]
        for f in findings
    ]  # fmt: skip
    cells = [[markdown_cell(c) for c in row] for row in rows]
    return head + "\n".join(["", *md_table(names, cells, {1, 2})]) + "\n"


def artifact_uri(file: str) -> str:
    """A file's path as a URI reference (RFC 3986): every byte outside the unreserved characters
    and ``/`` percent-encoded, UTF-8 first (``a b#1.yaml`` is ``a%20b%231.yaml``)."""
    from urllib.parse import quote

    return quote(file, safe="/")


def _sarif_rule(code: str, lang: str) -> dict[str, object]:
    """A SARIF reporting descriptor: what the code means, explained, and how to fix it."""
    c = CODES[code]
    title = c.title(lang)
    explained = c.explanation(lang) if c.explanation else title
    fix = c.fix(lang) if c.fix else explained
    return {
        "id": code,
        "name": code,
        "shortDescription": {"text": title},
        "fullDescription": {"text": explained},
        "help": {"text": fix},
        "defaultConfiguration": {"level": c.severity},
    }


def as_sarif(findings: Sequence[Finding], lang: str) -> str:
    """A SARIF 2.1.0 log with one run, its rules, and a result per finding."""
    codes = sorted({f.code for f in findings})
    rules = [_sarif_rule(code, lang) for code in codes]
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
            location: dict[str, object] = {"artifactLocation": {"uri": artifact_uri(f.file)}}
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


GITLAB_SEVERITY = {"error": "major", "warning": "minor", "accepted": "info"}
"""Code Quality severities: an error blocks the inventory, a warning is worth a look."""


def as_gitlab(findings: Sequence[Finding], lang: str) -> str:
    """A GitLab Code Quality report: a JSON array with one issue per finding.

    The fingerprint hashes the file, code, path and English message, never the line, so an
    issue keeps its fingerprint across runs, languages and edits elsewhere in the file (GitLab
    matches issues between the two sides of a merge request by it); findings that would share
    one are told apart by their order.
    """
    import hashlib

    issues: list[dict[str, object]] = []
    seen: dict[str, int] = {}
    for f in findings:
        path = path_text(f.path)
        body = message(f, lang)
        if f.reason is not None:
            body += f" [{f.reason}]"
        key = "\0".join((f.file or "", f.code, path, message(f, "en")))
        nth = seen[key] = seen.get(key, 0) + 1
        if nth > 1:
            key += f"\0{nth}"
        described = f"{path}: {body}" if path else body
        issues.append(
            {
                "description": f"{f.cell} {described}" if f.cell is not None else described,
                "check_name": f.code,
                "fingerprint": hashlib.sha256(key.encode("utf-8")).hexdigest(),
                "severity": GITLAB_SEVERITY.get(f.severity, "info"),
                "location": {"path": f.file or ".", "lines": {"begin": f.line or 1}},
            }
        )
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


FORMATS: dict[str, Format[Report]] = {
    "text": Format(lambda r, lang: as_text(r.findings, lang, r.sources, r.color)),
    "json": Format(lambda r, lang: as_json(r.findings, lang)),
    "github": Format(lambda r, lang: as_github(r.findings, lang)),
    "sarif": Format(lambda r, lang: as_sarif(r.findings, lang)),
    "gitlab": Format(lambda r, lang: as_gitlab(r.findings, lang)),
}
"""The formats of ``migrasi validate --format``."""
