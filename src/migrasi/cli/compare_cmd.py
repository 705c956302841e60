"""``migrasi compare`` and ``migrasi sensitivity``: scenarios side by side, and the tornado of
what moves the NPV, each change planned again."""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import typer

from migrasi.cli.emit import check_out, emit
from migrasi.cli.options import AS_OF, LANG, PATHS, Lang, format_option, paths_or_default
from migrasi.cli.scenario_cmd import report_errors
from migrasi.render.compare_formats import FORMATS as COMPARE_FORMATS
from migrasi.render.sensitivity_formats import FORMATS as SENSITIVITY_FORMATS

COMPARE_HELP = """Plan the inputs as they are and under each scenario, and show them side by side:
NPV, net savings, one-time cost, termination fees, money kept in Jambi, the Data Center's
running cost, payback month, the last wave used and the systems scheduled, unscheduled and
late; then the systems whose wave changes most. Every plan's money is counted on the timeline
of the unchanged inputs. A scenario under which the inputs have errors shows a dash and its
codes (the errors go to standard error); exit 1 only when the unchanged inputs or a scenario
file have errors.

Example: migrasi compare --scenario scenarios/pesimis.yaml --scenario scenarios/optimis.yaml
"""

SENSITIVITY_HELP = """Vary one assumption at a time, low and high, and plan again for each: every
scale by ±--range percent and the discount rate by ±--rate-points percentage points (never
below 0). Each row shows the NPV and payback month re-planned, beside the NPV of the unchanged
inputs' waves re-priced under the change (a dash where those waves break a rule); rows are
sorted by the NPV swing, largest first — a tornado. A change under which the inputs have errors
shows a dash and its codes and is sorted last; exit 0 when the unchanged inputs are valid.

Example: migrasi sensitivity --range 20 --rate-points 2 --format md
"""


def register(app: typer.Typer) -> None:
    """Add the commands to ``app``."""
    app.command("compare", help=COMPARE_HELP)(compare)
    app.command("sensitivity", help=SENSITIVITY_HELP)(sensitivity)


OUT: Any = typer.Option(
    None, "--out", help="Write to this file (needed for xlsx); - is standard output."
)


def compare(
    paths: list[Path] | None = PATHS,
    scenarios: list[Path] = typer.Option(
        ..., "--scenario", help="A scenario file to compare (give --scenario once per file)."
    ),
    as_of: date | None = AS_OF,
    fmt: str = format_option(COMPARE_FORMATS, "table", ", ".join(COMPARE_FORMATS) + "."),
    out: Path | None = OUT,
    lang: Lang = LANG,
) -> int:
    """Compare scenarios."""
    from migrasi import api

    chosen = COMPARE_FORMATS[fmt]
    check_out(chosen, fmt, out)
    result = api.compare(paths_or_default(paths), scenarios, as_of)
    if result.subject is None:
        report_errors(result.validation, lang.value)
        return 1
    _report_under(result, lang.value)
    emit(chosen.render(result.subject, lang.value), out)
    return 0


def _report_under(result: Any, lang: str) -> None:
    """The errors the inputs have under each scenario that shows a dash, naming it."""
    from migrasi.render import reporters
    from migrasi.render.catalog import text

    for name, file, findings in result.under:
        sys.stderr.write(reporters.as_text(findings, lang, result.validation.sources()))
        under = text("scenario.under", lang, name=name, file=file).strip(" ()")
        print(f"migrasi: {under}", file=sys.stderr)


def _decimal(most: Decimal | None) -> Any:
    """Read an exact decimal ≥ 0 (below ``most`` when given) with at most 10 decimal places."""

    def parse(value: str) -> Decimal:
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise typer.BadParameter(f"'{value}' is not a number") from None
        places = -number.as_tuple().exponent if number.is_finite() else 99  # type: ignore[operator]
        if not number.is_finite() or number < 0 or places > 10:
            raise typer.BadParameter(f"'{value}' is not a number ≥ 0 with at most 10 decimals")
        if most is not None and not 0 < number < most:
            raise typer.BadParameter(f"'{value}' must be more than 0 and less than {most}")
        return number

    return parse


def sensitivity(
    paths: list[Path] | None = PATHS,
    range_percent: Decimal = typer.Option(
        "20", "--range", parser=_decimal(Decimal(100)), metavar="PERCENT",
        help="How far each scale varies, in percent (more than 0, less than 100).",
    ),
    rate_points: Decimal = typer.Option(
        "2", "--rate-points", parser=_decimal(None), metavar="POINTS",
        help="How far the discount rate varies, in percentage points (never below 0).",
    ),
    as_of: date | None = AS_OF,
    fmt: str = format_option(SENSITIVITY_FORMATS, "table", ", ".join(SENSITIVITY_FORMATS) + "."),
    out: Path | None = OUT,
    lang: Lang = LANG,
) -> int:  # fmt: skip
    """Show the tornado of what moves the NPV."""
    from migrasi import api

    chosen = SENSITIVITY_FORMATS[fmt]
    check_out(chosen, fmt, out)
    result = api.sensitivity(paths_or_default(paths), range_percent, rate_points, as_of)
    if result.subject is None:
        report_errors(result.validation, lang.value)
        return 1
    emit(chosen.render(result.subject, lang.value), out)
    return 0
