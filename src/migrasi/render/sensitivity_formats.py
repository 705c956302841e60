"""The formats of ``migrasi sensitivity``: one table, beside the renderers it names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from migrasi.render.formats import Format
from migrasi.render.sensitivity import sensitivity_json, sensitivity_markdown, sensitivity_text

if TYPE_CHECKING:
    from migrasi.core.sensitivity import Sensitivity


def _workbook(s: Sensitivity, lang: str) -> bytes:
    from migrasi.render.whatif_xlsx import sensitivity_workbook

    return sensitivity_workbook(s, lang)


FORMATS: dict[str, Format[Sensitivity]] = {
    "table": Format(sensitivity_text),
    "md": Format(sensitivity_markdown),
    "json": Format(lambda s, lang: sensitivity_json(s)),
    "xlsx": Format(_workbook, binary=True),
}
"""The formats of ``migrasi sensitivity --format``."""
