"""The formats of ``migrasi compare``: one table, beside the renderers it names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from migrasi.render.compare import compare_json, compare_markdown, compare_text
from migrasi.render.formats import Format

if TYPE_CHECKING:
    from migrasi.core.comparison import Comparison


def _workbook(c: Comparison, lang: str) -> bytes:
    from migrasi.render.whatif_xlsx import compare_workbook

    return compare_workbook(c, lang)


FORMATS: dict[str, Format[Comparison]] = {
    "table": Format(compare_text),
    "md": Format(compare_markdown),
    "json": Format(lambda c, lang: compare_json(c)),
    "xlsx": Format(_workbook, binary=True),
}
"""The formats of ``migrasi compare --format``."""
