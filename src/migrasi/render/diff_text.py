"""``migrasi diff`` as text for a terminal, Markdown for a pull-request comment, or JSON.

The Markdown puts the summary first and the tables in a ``<details>`` block, and stays within
:data:`MD_LIMIT` characters (GitHub refuses comments over 65,536): rows that do not fit are left
out, regions before systems kept, with a note saying how many.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from migrasi.core.plandiff import Figures, Placement, PlanDiff, SystemChange, SystemFacts
from migrasi.render.catalog import text as t
from migrasi.render.escape import markdown_cell, md_row, md_table, terminal, text_columns
from migrasi.render.formats import Format
from migrasi.render.numbers import group_digits, money

MD_LIMIT = 65_000
NONE = "—"
ARROW = " → "
FIGURES = (("npv", "col.npv"), ("net_savings", "col.net"), ("kept_in_jambi", "col.kept"))
COUNTS = ("added", "removed", "wave", "status", "late", "money_only")


def signed(value: int, lang: str) -> str:
    """A difference of money, ``+`` before a gain: ``+Rp1.000``, ``-Rp1.000``, ``Rp0``."""
    return ("+" if value > 0 else "") + money(value, lang)


def _figure(figures: Figures, key: str) -> int:
    return int(getattr(figures, key))


def _both(old: str, new: str) -> str:
    return old if old == new else old + ARROW + new


def _wave(place: Placement | None, lang: str, date: bool) -> str:
    if place is None or place.wave is None:
        return NONE
    short = t("wave.short", lang, n=place.wave)
    return f"{short} ({place.cutover})" if date and place.cutover else short


def _status(place: Placement | None, lang: str) -> str:
    if place is None:
        return NONE
    words = t(f"status.{place.status}", lang)
    return words + (f", {t('status.late', lang)}" if place.late else "")


def _place(side: SystemFacts | None) -> Placement | None:
    return None if side is None else side.place


def system_cells(change: SystemChange, lang: str) -> list[str]:
    """One changed system as unescaped cells: ref, change, wave, status and three differences."""
    a, b = _place(change.old), _place(change.new)
    date = a is not None and b is not None and a.wave == b.wave and a.cutover != b.cutover
    delta = change.delta
    kinds = ", ".join(t(f"diff.kind.{k}", lang) for k in change.kinds)
    because = change.new.because if change.new is not None else None
    if because is not None:
        kinds += f" ({t(f'because.{because.value}', lang)})"
    return [
        change.ref,
        kinds,
        _both(_wave(a, lang, date), _wave(b, lang, date)),
        _both(_status(a, lang), _status(b, lang)),
        *(signed(_figure(delta, key), lang) for key, _ in FIGURES),
    ]


def _heads(first: str, lang: str) -> list[str]:
    return [t(first, lang), *(t(label, lang) for _, label in FIGURES)]


def _system_head(lang: str) -> list[str]:
    keys = ("col.ref", "diff.col.change", "col.wave", "col.status")
    return [*(t(k, lang) for k in keys), *(t(label, lang) for _, label in FIGURES)]


def _region_rows(diff: PlanDiff, lang: str) -> list[list[str]]:
    return [
        [r.name, *(signed(_figure(r.delta, key), lang) for key, _ in FIGURES)] for r in diff.regions
    ]


def _total_rows(diff: PlanDiff, lang: str) -> list[list[str]]:
    rows = []
    for key, label in FIGURES:
        old, new = _figure(diff.old_total, key), _figure(diff.new_total, key)
        rows.append([t(label, lang), money(old, lang), money(new, lang), signed(new - old, lang)])
    return rows


def _counts(diff: PlanDiff, lang: str) -> str:
    counts = diff.counts
    parts = [t(f"diff.count.{k}", lang, n=counts[k]) for k in COUNTS if counts[k]]
    line = t("diff.systems", lang, count=counts["systems"])
    return f"{line} ({', '.join(parts)})" if parts else line


# --- text -----------------------------------------------------------------------------------


def diff_text(diff: PlanDiff, old: str, new: str, lang: str) -> str:
    """The diff for a terminal; every text from the plans is escaped."""
    out = [t("diff.title", lang)]
    out += [f"{t('diff.old', lang)}: {terminal(old)}", f"{t('diff.new', lang)}: {terminal(new)}"]
    if not diff.changed:
        return "\n".join([*out, "", t("diff.none", lang)]) + "\n"
    out += ["", _counts(diff, lang), "", t("diff.money", lang)]
    head = ["", t("diff.col.old", lang), t("diff.col.new", lang), t("diff.col.delta", lang)]
    out += text_columns(head, _total_rows(diff, lang), {1, 2, 3})
    if diff.systems:
        rows = [system_cells(s, lang) for s in diff.systems]
        out += ["", t("diff.by_system", lang)]
        out += text_columns(_system_head(lang), rows, {4, 5, 6})
    if diff.regions:
        out += ["", t("diff.by_region", lang)]
        out += text_columns(_heads("col.region", lang), _region_rows(diff, lang), {1, 2, 3})
    out += ["", t("diff.deltas", lang)]
    return "\n".join(out) + "\n"


# --- Markdown -------------------------------------------------------------------------------


def _md_rows(rows: Sequence[Sequence[str]]) -> list[str]:
    return [md_row([markdown_cell(c) for c in row]) for row in rows]


def _summary(diff: PlanDiff, old: str, new: str, lang: str) -> list[str]:
    top = [f"## {t('diff.title', lang)}", ""]
    top.append(f"{t('diff.old', lang)}: {markdown_cell(old)}  ")
    top += [f"{t('diff.new', lang)}: {markdown_cell(new)}", ""]
    if not diff.changed:
        return [*top, t("diff.none", lang)]
    top += [f"**{markdown_cell(_counts(diff, lang))}**", ""]
    head = ["", t("diff.col.old", lang), t("diff.col.new", lang), t("diff.col.delta", lang)]
    cells = [[markdown_cell(c) for c in row] for row in _total_rows(diff, lang)]
    return [*top, *md_table(head, cells, {1, 2, 3})]


def _details(diff: PlanDiff, lang: str, systems: list[str], regions: list[str]) -> list[str]:
    summary = t("diff.details", lang, systems=len(diff.systems), regions=len(diff.regions))
    out = ["<details>", f"<summary>{summary}</summary>", ""]
    if diff.systems:
        out += [f"### {t('diff.by_system', lang)}", ""]
        out += [*md_table(_system_head(lang), [], {4, 5, 6}), *systems, ""]
    if diff.regions:
        out += [f"### {t('diff.by_region', lang)}", ""]
        out += [*md_table(_heads("col.region", lang), [], {1, 2, 3}), *regions, ""]
    return [*out, t("diff.deltas", lang), "", "</details>"]


def _join(top: list[str], note: str | None, details: list[str]) -> str:
    blocks = ["\n".join(top)] + ([note] if note else []) + ["\n".join(details)]
    return "\n\n".join(blocks) + "\n"


def _note(shown: int, total: int, left: int, limit: int, lang: str) -> str:
    numbers = {"shown": shown, "total": total, "left": left, "limit": limit}
    return "_" + t("diff.cut", lang, **{k: group_digits(v, lang) for k, v in numbers.items()}) + "_"


def diff_markdown(diff: PlanDiff, old: str, new: str, lang: str, limit: int = MD_LIMIT) -> str:
    """The diff as a pull-request comment of at most ``limit`` characters."""
    top = _summary(diff, old, new, lang)
    if not diff.changed:
        return "\n".join(top) + "\n"
    systems = _md_rows([system_cells(s, lang) for s in diff.systems])
    regions = _md_rows(_region_rows(diff, lang))
    whole = _join(top, None, _details(diff, lang, systems, regions))
    if len(whole) <= limit:
        return whole
    total = len(systems) + len(regions)
    worst = _note(total, total, total, limit, lang)
    budget = limit - len(_join(top, worst, _details(diff, lang, [], [])))
    kept: dict[str, list[str]] = {"systems": [], "regions": []}
    for name, rows in (("regions", regions), ("systems", systems)):
        for row in rows:
            if len(row) + 1 > budget:
                break
            kept[name].append(row)
            budget -= len(row) + 1
    shown = len(kept["systems"]) + len(kept["regions"])
    details = _details(diff, lang, kept["systems"], kept["regions"])
    return _join(top, _note(shown, total, total - shown, limit, lang), details)


# --- JSON -----------------------------------------------------------------------------------


def _money(figures: Figures | None) -> dict[str, int] | None:
    if figures is None:
        return None
    return {key: int(getattr(figures, key)) for key, _ in FIGURES}


def _side(side: SystemFacts | None) -> dict[str, object] | None:
    if side is None:
        return None
    p = side.place
    return {
        "status": p.status.value,
        "wave": p.wave,
        "cutover": p.cutover.isoformat() if p.cutover else None,
        "late": p.late,
        "money": _money(side.money),
    }


def diff_json(diff: PlanDiff) -> str:
    """The diff for machines: fixed key order, plain integers, ``indent=2``, a final newline."""
    doc = {
        "schema": "migrasi/diff/v1",
        "changed": diff.changed,
        "counts": diff.counts,
        "totals": {
            "old": _money(diff.old_total),
            "new": _money(diff.new_total),
            "delta": _money(diff.delta),
        },
        "regions": [
            {
                "region": r.region,
                "name": r.name,
                "old": _money(r.old),
                "new": _money(r.new),
                "delta": _money(r.delta),
            }
            for r in diff.regions
        ],
        "systems": [
            {
                "ref": s.ref,
                "region": s.region,
                "changes": list(s.kinds),
                "moved_because": s.new.because.value if s.new and s.new.because else None,
                "old": _side(s.old),
                "new": _side(s.new),
                "delta": _money(s.delta),
            }
            for s in diff.systems
        ],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


@dataclass(frozen=True)
class Compared:
    """Two plans compared, with the names they were given by."""

    diff: PlanDiff
    old: str
    new: str


FORMATS: dict[str, Format[Compared]] = {
    "text": Format(lambda c, lang: diff_text(c.diff, c.old, c.new, lang)),
    "md": Format(lambda c, lang: diff_markdown(c.diff, c.old, c.new, lang)),
    "json": Format(lambda c, lang: diff_json(c.diff)),
}
"""The formats of ``migrasi diff --format``."""
