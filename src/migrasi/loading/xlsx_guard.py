"""Is this file a plain xlsx workbook small enough to open? Decided before anything expands.

A workbook is a zip archive of XML parts. Before openpyxl opens one, this module looks at the
file itself and at every member of the archive with ``zipfile`` alone: the file size, the
names and declared sizes of the members, their real sizes (each member decompressed as a
stream and counted, never held: a member may lie about its size), the content type of the
workbook part, and the first bytes of each XML part. What it refuses is E002 (not a plain xlsx
workbook: not a zip, an ``.xls``, macros, no workbook part, DTDs or entities) or E005 (over a
limit). The limits are the YAML file's 16 MiB for the file, 64 MiB for any member expanded,
and (a choice where the spec is silent) 256 MiB for all members together, so that the checks
themselves end in bounded time.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from pathlib import PurePath

from migrasi.core.findings import Finding
from migrasi.loading.yamlio import MAX_BYTES

MAX_MEMBER = 64 * 1024 * 1024
MAX_TOTAL = 256 * 1024 * 1024
MAX_MEMBERS = 10_000
CHUNK = 1024 * 1024

MACRO_SUFFIXES = (".xlsm", ".xltm", ".xlam")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""Excel 97-2003 workbooks and password-protected xlsx files are OLE compound files."""
WORKBOOK_TYPES = (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
)
MACRO_TYPE = re.compile(rb"macroEnabled|vbaProject|macrosheet|activeX", re.IGNORECASE)
_TYPES = re.compile(rb'ContentType="([^"]*)"')
_DTD = (b"<!DOCTYPE", b"<!ENTITY")
_UNREADABLE = (
    zipfile.BadZipFile, zlib.error, struct.error, EOFError, OSError, ValueError, NotImplementedError
)  # fmt: skip
"""What ``zipfile`` raises on a damaged or unusual archive (RuntimeError: encrypted member)."""


def _finding(file: str, code: str, **args: object) -> Finding:
    return Finding(code, file, args=args)


def guard(file: str, raw: bytes) -> Finding | None:
    """The reason the workbook ``raw`` (named ``file``) must not be opened, or None."""
    if len(raw) > MAX_BYTES:
        return _finding(file, "E005", why="size", max=MAX_BYTES)
    if PurePath(file).suffix.lower() in MACRO_SUFFIXES:
        return _finding(file, "E002", why="macro")
    if raw.startswith(OLE_MAGIC):
        return _finding(file, "E002", why="xls")
    if not raw.startswith(b"PK"):
        return _finding(file, "E002", why="not_zip")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return _members(file, archive)
    except RuntimeError:
        return _finding(file, "E002", why="xls")
    except _UNREADABLE as exc:
        return _finding(file, "E002", why="broken", detail=type(exc).__name__)


def _members(file: str, archive: zipfile.ZipFile) -> Finding | None:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        return _finding(file, "E005", why="members", max=MAX_MEMBERS)
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names:
        return _finding(file, "E002", why="not_zip" if not names else "not_workbook")
    if any(info.file_size > MAX_MEMBER for info in infos):
        return _finding(file, "E005", why="expanded", max=MAX_MEMBER)
    if any(PurePath(n).name.lower() == "vbaproject.bin" for n in names):
        return _finding(file, "E002", why="macro")
    total = 0
    for info in infos:
        size, problem = _expand(file, archive, info, MAX_TOTAL - total)
        if problem is not None:
            return problem
        total += size
    types = archive.read("[Content_Types].xml")
    if MACRO_TYPE.search(types):
        return _finding(file, "E002", why="macro")
    declared = {t.decode("utf-8", "replace") for t in _TYPES.findall(types)}
    if not declared.intersection(WORKBOOK_TYPES):
        return _finding(file, "E002", why="not_workbook")
    return None


def _expand(
    file: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo, room: int
) -> tuple[int, Finding | None]:
    """Decompress one member as a stream: its real size, or why it is refused."""
    size = 0
    tail = b""
    xml = info.filename.lower().endswith((".xml", ".rels", ".vml"))
    parsed = not info.filename.startswith("xl/media/")  # pictures are never parsed as XML
    with archive.open(info) as member:
        while chunk := member.read(CHUNK):
            if (
                size == 0
                and xml
                and chunk.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00<", b"<\x00"))
            ):
                return size, _finding(file, "E002", why="not_workbook")
            size += len(chunk)
            if size > MAX_MEMBER:
                return size, _finding(file, "E005", why="expanded", max=MAX_MEMBER)
            if size > room:
                return size, _finding(file, "E005", why="total", max=MAX_TOTAL)
            if parsed and any(mark in tail + chunk for mark in _DTD):
                return size, _finding(file, "E002", why="dtd")
            tail = chunk[-16:]
    return size, None


def expanded_size(raw: bytes) -> int:
    """The size of a checked workbook's members together, as its archive declares them (after
    ``guard``, whose full reading verified every member against its declared size)."""
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        return sum(info.file_size for info in archive.infolist())
