"""Hostile workbooks, built at test time from the base workbook (big ones streamed, never held).

Each builder takes a folder and returns the file it wrote there.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from tests.intake.workbooks import SYSTEMS_PART, base, edited

MIB = 1024 * 1024
Build = Callable[[Path], Path]

DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
ROOT = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
SHEET_HEAD = DECLARATION + ROOT


def replaced(raw: bytes, part: str, chunks: Iterator[bytes], stored: int | None = None) -> bytes:
    """``raw`` with ``part`` replaced by the streamed ``chunks`` (deflated as they come)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename != part:
                target.writestr(info, source.read(info), zipfile.ZIP_DEFLATED)
                continue
            fresh = zipfile.ZipInfo(part, date_time=(2026, 1, 1, 0, 0, 0))
            fresh.compress_type = zipfile.ZIP_DEFLATED
            with target.open(fresh, "w") as member:
                for chunk in chunks:
                    member.write(chunk)
    data = out.getvalue()
    return data if stored is None else _lie(data, part, stored)


def _lie(data: bytes, part: str, size: int) -> bytes:
    """The archive with ``part`` claiming to expand to ``size`` bytes, in both its headers."""
    buffer = bytearray(data)
    name = part.encode()
    local = buffer.find(b"PK\x03\x04")
    while local >= 0:
        if buffer[local + 30 : local + 30 + len(name)] == name:
            struct.pack_into("<I", buffer, local + 22, size)
        local = buffer.find(b"PK\x03\x04", local + 4)
    central = buffer.find(b"PK\x01\x02")
    while central >= 0:
        if buffer[central + 46 : central + 46 + len(name)] == name:
            struct.pack_into("<I", buffer, central + 24, size)
        central = buffer.find(b"PK\x01\x02", central + 4)
    return bytes(buffer)


def _padded_sheet(megabytes: int) -> Iterator[bytes]:
    yield SHEET_HEAD + b"<sheetData/>"
    for _ in range(megabytes):
        yield b" " * MIB
    yield b"</worksheet>"


def _rows(count: int) -> Iterator[bytes]:
    yield SHEET_HEAD + b"<sheetData>"
    block = 10_000
    for start in range(1, count + 1, block):
        yield b"".join(
            b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (i, i, i)
            for i in range(start, min(start + block, count + 1))
        )
    yield b"</sheetData></worksheet>"


def _written(name: str, make: Callable[[Path], bytes]) -> Build:
    def build(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(make(folder))
        return path

    return build


def zip_bomb(folder: Path) -> bytes:
    """The systems sheet padded to 200 MiB of spaces: about 200 KiB in the archive."""
    return replaced(base(folder), SYSTEMS_PART, _padded_sheet(200))


def lying_zip_bomb(folder: Path) -> bytes:
    """The same bomb whose headers claim the sheet expands to 2,000 bytes."""
    return replaced(base(folder), SYSTEMS_PART, _padded_sheet(200), stored=2000)


def million_rows(folder: Path) -> bytes:
    """A systems sheet of 1,000,000 rows (45 MB of XML, 5 MB in the archive)."""
    return replaced(base(folder), SYSTEMS_PART, _rows(1_000_000))


def _wide(rows: int, columns: int) -> Iterator[bytes]:
    yield SHEET_HEAD + b"<sheetData>"
    for r in range(1, rows + 1):
        cells = b"".join(b"<c><v>%d</v></c>" % c for c in range(columns))
        yield b'<row r="%d">%s</row>' % (r, cells)
    yield b"</sheetData></worksheet>"


def wide_sheet(folder: Path) -> bytes:
    """A systems sheet of 10,000 rows of 60 numbers: 600,000 filled cells in 40 MB of XML."""
    return replaced(base(folder), SYSTEMS_PART, _wide(10_000, 60))


def far_row(folder: Path) -> bytes:
    """One value on the sheet's last row, 1,048,576."""
    last = b'<row r="1048576"><c r="A1048576"><v>1</v></c></row>'
    parts = [SHEET_HEAD, b"<sheetData>", last, b"</sheetData></worksheet>"]
    return replaced(base(folder), SYSTEMS_PART, iter(parts))


def laughs(folder: Path) -> bytes:
    """A systems sheet that declares entities expanding a billion times."""
    entities = b"".join(
        b'<!ENTITY l%d "%s">' % (i, b"&l%d;" % (i - 1) * 10 if i else b"lol") for i in range(10)
    )
    doctype = b"<!DOCTYPE worksheet [" + entities + b"]>"
    body = b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&l9;</t></is></c></row>'
    parts = [DECLARATION + doctype + ROOT, body, b"</sheetData></worksheet>"]
    return replaced(base(folder), SYSTEMS_PART, iter(parts))


def many_members(folder: Path) -> bytes:
    """The workbook with 20,000 more (empty) members."""
    out = io.BytesIO(base(folder))
    with zipfile.ZipFile(out, "a") as archive:
        for i in range(20_000):
            archive.writestr(f"xl/extra/{i}.xml", b"")
    return out.getvalue()


def macro(folder: Path) -> bytes:
    """The workbook with a VBA project in it, as Excel saves an ``.xlsm``."""
    out = io.BytesIO(base(folder))
    with zipfile.ZipFile(out, "a") as archive:
        archive.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0" + bytes(1020))
    return out.getvalue()


def truncated(folder: Path) -> bytes:
    """The first half of the workbook."""
    raw = base(folder)
    return raw[: len(raw) // 2]


def not_a_workbook(folder: Path) -> bytes:
    """A zip archive of a text file."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "[Content_Types].xml", b'<Types><Default ContentType="text/plain"/></Types>'
        )
        archive.writestr("readme.txt", b"bukan buku kerja")
    return out.getvalue()


def formula_sheet_name(folder: Path) -> bytes:
    """An extra sheet named like a formula, holding formulas: ignored."""

    def edit(wb: object) -> None:
        ws = wb.create_sheet("=HYPERLINK(A1)")  # type: ignore[attr-defined]
        ws["A1"] = "=1+1"
        ws["B1"] = "@SUM(A1)"

    return edited(base(folder), edit)


FORMULA_TEXTS = ("=1+2", "+62 741 123", "-rahasia", "@SUM(A1)", "\tTAB", "\rCR")
"""What the cells hold (openpyxl writes a carriage return raw, which XML reads as a line feed,
so the builder writes it as the format's escape, ``_x000D_``)."""


def formula_texts(folder: Path) -> bytes:
    """Text cells beginning with = + - @ tab and carriage return, as strings."""

    def edit(wb: object) -> None:
        ws = wb["Sistem"]  # type: ignore[index]
        for ref, value in zip(("C3", "H3", "AP3", "C4", "H4", "AP4"), FORMULA_TEXTS, strict=True):
            ws[ref] = value.replace("\r", "_x000D_")
            ws[ref].data_type = "s"

    return edited(base(folder), edit)


def huge_file(folder: Path) -> Path:
    """A 100 MB file named ``.xlsx`` (sparse: nothing is held in memory)."""
    path = folder / "besar.xlsx"
    with path.open("wb") as handle:
        handle.write(b"PK\x03\x04")
        handle.truncate(100 * 1000 * 1000)
    return path


BUILDS: dict[str, tuple[Build, tuple[str, ...], int]] = {
    "zip bomb": (_written("bom.xlsx", zip_bomb), ("E005 -",), 1),
    "zip bomb lying about its size": (_written("bohong.xlsx", lying_zip_bomb), ("E002 -",), 1),
    "1,000,000 rows": (_written("sejuta.xlsx", million_rows), ("E005 Sistem!A10001",), 1),
    "a row at 1,048,576": (_written("jauh.xlsx", far_row), ("E005 Sistem!A10001",), 1),
    "600,000 filled cells": (_written("lebar.xlsx", wide_sheet), ("E005 -",), 1),
    "billion laughs": (_written("tawa.xlsx", laughs), ("E002 -",), 1),
    "20,000 members": (_written("banyak.xlsx", many_members), ("E005 -",), 1),
    "100 MB file": (huge_file, ("E005 -",), 1),
    ".xlsm with a macro": (_written("makro.xlsm", macro), ("E002 -",), 1),
    "macro in an .xlsx": (_written("makro.xlsx", macro), ("E002 -",), 1),
    "not a zip": (_written("teks.xlsx", lambda _: b"nama;biaya\nsimpeg;4500000\n"), ("E002 -",), 1),
    "empty file": (_written("kosong.xlsx", lambda _: b""), ("E002 -",), 1),
    "Excel 97-2003": (
        _written("lama.xlsx", lambda _: bytes.fromhex("d0cf11e0a1b11ae1") + bytes(4096)),
        ("E002 -",),
        1,
    ),
    "binary junk": (
        _written("acak.xlsx", lambda _: b"PK" + random.Random(14).randbytes(8192)),
        ("E002 -",),
        1,
    ),
    "truncated workbook": (_written("potong.xlsx", truncated), ("E002 -",), 1),
    "a zip that is no workbook": (_written("zip.xlsx", not_a_workbook), ("E002 -",), 1),
    "sheet named like a formula": (_written("nama.xlsx", formula_sheet_name), (), 0),
    "text that looks like formulas": (_written("rumus.xlsx", formula_texts), (), 0),
}
"""Name → (builder, every finding as ``CODE Sheet!Cell`` or ``CODE -``, exit code)."""
