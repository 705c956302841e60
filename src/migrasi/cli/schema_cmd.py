"""``migrasi schema``: the JSON Schema of a file kind, for editors and other tools."""

from __future__ import annotations

import sys
from enum import StrEnum

import typer


class Kind(StrEnum):
    """File kinds with a schema."""

    inventory = "inventory"
    datacenter = "datacenter"
    scenario = "scenario"
    plan = "plan"


HELP = """Print the JSON Schema of a file kind (for the YAML language server and other tools).

Example: migrasi schema inventory > schemas/inventory.schema.json
"""


def register(app: typer.Typer) -> None:
    """Add the command to ``app``."""
    app.command("schema", help=HELP)(schema)


def schema(
    kind: Kind = typer.Argument(..., help="inventory, datacenter, scenario or plan."),
) -> int:
    """Print a JSON Schema."""
    from migrasi.render.schemas import schema_text

    sys.stdout.write(schema_text(kind.value))
    return 0
