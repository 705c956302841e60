"""``migrasi template``, ``export`` and ``import``: inventories to and from spreadsheets."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

from migrasi.cli.options import LANG, Lang, format_option
from migrasi.cli.validate_cmd import report
from migrasi.render.reporters import FORMATS

SCHEMA_FILE = Path("schemas/inventory.schema.json")
DEFAULT_WITH = Path("inventories")

TEMPLATE_HELP = """Write a workbook to fill in: empty (with an example row) or holding an inventory.

Sheets: instructions, the region, the systems (field names in row 1, their meaning in row 2),
with drop-down lists and checks. Exit 1 when the inventory given with --from has errors.

Example: migrasi template --out formulir-tebo.xlsx --lang id
"""

EXPORT_HELP = """Write the workbook of an inventory (the same as template --from).

Example: migrasi export inventories/tebo.yaml --out tebo.xlsx
"""

IMPORT_HELP = """Read a filled-in workbook, check it like validate, and write the region's YAML.

Findings name the cell (tebo.xlsx:Sistem!F12) with validate's codes and formats; the rules
across files are checked against --with. The YAML goes to --out (replaced whole, never while
an error stands) or to standard output; findings go to standard output, or to standard error
when the YAML goes there. Exit status as validate: 0 no errors, 1 errors, 2 wrong usage.

Example: migrasi import tebo.xlsx --out inventories/tebo.yaml --annotate tebo-periksa.xlsx
"""


def register(app: typer.Typer) -> None:
    """Add the three commands to ``app``."""
    app.command("template", help=TEMPLATE_HELP)(template)
    app.command("export", help=EXPORT_HELP)(export)
    app.command("import", help=IMPORT_HELP)(import_)


OUT_XLSX = typer.Option(..., "--out", help="The workbook to write (.xlsx).")


def template(
    out: Path = OUT_XLSX,
    source: Path | None = typer.Option(
        None, "--from", help="An inventory to fill the workbook with (default: empty)."
    ),
    lang: Lang = LANG,
) -> int:
    """Write a workbook to fill in."""
    from migrasi import api_intake
    from migrasi.cli.output import write_file
    from migrasi.core.findings import tally
    from migrasi.render.catalog import counts, text
    from migrasi.render.reporters import as_text

    made = api_intake.template(source, lang.value)
    if made.workbook is None:
        sys.stderr.write(as_text(made.findings, lang.value, made.sources))
        errors = tally(made.findings, "error")
        print(f"migrasi: {counts(lang.value, 1, errors, len(made.findings) - errors)}",
              file=sys.stderr)  # fmt: skip
        return 1
    write_file(out, made.workbook)
    print(text("intake.wrote", lang.value, file=out.as_posix()), file=sys.stderr)
    return 0


def export(
    inventory: Path = typer.Argument(..., help="The region inventory (YAML) to export."),
    out: Path = OUT_XLSX,
    lang: Lang = LANG,
) -> int:
    """Write the workbook of an inventory."""
    return template(out, inventory, lang)


def import_(
    workbook: Path = typer.Argument(..., help="The filled-in workbook (.xlsx)."),
    out: Path | None = typer.Option(
        None, "--out", help="The inventory to write (default: standard output)."
    ),
    others: list[Path] | None = typer.Option(
        None,
        "--with",
        help="Inventories to check refs, currencies and limits against "
        "(default: inventories/ when it exists).",
    ),
    annotate: Path | None = typer.Option(
        None,
        "--annotate",
        help="Also write a copy of the workbook with a comment on each cell that has a finding.",
    ),
    fmt: str | None = format_option(
        FORMATS, None, f"{', '.join(FORMATS)}, as validate (text unless GITHUB_ACTIONS=true)."
    ),
    lang: Lang = LANG,
) -> int:
    """Read a filled-in workbook into a region inventory."""
    from migrasi import api_intake
    from migrasi.cli.output import write_file
    from migrasi.render.catalog import counts, text

    if not others and DEFAULT_WITH.is_dir():
        others = [DEFAULT_WITH]
    result = api_intake.import_workbook(workbook, others or None)
    yaml_to_stdout = out is None and result.inventory is not None
    report(result.findings, fmt, lang, {}, 1, stream=sys.stderr if yaml_to_stdout else sys.stdout)
    if annotate is not None:
        copy = api_intake.annotated(result, lang.value)
        if copy is None:
            print(f"migrasi: {text('intake.not_annotated', lang.value)}", file=sys.stderr)
        else:
            write_file(annotate, copy)
            print(text("intake.annotated", lang.value, file=annotate.as_posix()), file=sys.stderr)
    if result.inventory is None:
        print(counts(lang.value, 1, result.errors, result.warnings), file=sys.stderr)
        return 1
    yaml_text = api_intake.inventory_text(result, _schema_ref(out))
    if out is None:
        sys.stdout.write(yaml_text)
    else:
        write_file(out, yaml_text.encode("utf-8"))
        print(text("intake.wrote", lang.value, file=out.as_posix()), file=sys.stderr)
    region, systems = result.inventory.region.id, len(result.inventory.systems)
    print(text("intake.imported", lang.value, file=result.file, region=region, systems=systems),
          file=sys.stderr)  # fmt: skip
    return 0


def _schema_ref(out: Path | None) -> str:
    """The schema line's path: from the output's folder to ``schemas/``, as the shipped
    inventories write it (``../schemas/…`` for a file in ``inventories/``)."""
    folder = out.parent if out is not None else DEFAULT_WITH
    return Path(os.path.relpath(SCHEMA_FILE.absolute(), folder.absolute())).as_posix()
