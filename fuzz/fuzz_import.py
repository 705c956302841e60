"""Fuzz ``migrasi import``: workbooks as zip bytes and, mostly, as sheet text (``sheet_text``).

Run by ``make fuzz`` (through ``fuzz/run.py``), or alone with libFuzzer's arguments:
``python -m fuzz.fuzz_import CORPUS_DIR -max_total_time=60``.
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

import atheris  # type: ignore[import-untyped]  # atheris ships no type information

from fuzz.engine import guarded, instrumented_imports
from fuzz.targets import import_bytes

with atheris.instrument_imports(include=["migrasi"]):
    instrumented_imports()

LIMIT_SECONDS = 20.0  # instrumented code runs 10-20 times slower than plain

NASTY = (
    "", " ", "{n}4500000.0000000001", "{n}1e400", "{n}-0", "{n}NaN", "{n}0x10", "{f}1/0",
    "{f:7}3+4", "{f:1e999}A1", "{b}1", "{b}2", "{e}#N/A", "{e}#REF!", "4.500.000", "Rp 4.500.000,-",
    "31/12/2027", "2027-02-30", "TRUE", "true", "6, 7, 13", "6,,7,", "prov-jambi/sso", "x/y/z",
    "# komentar", "=HYPERLINK(\"http://x\")", "+62", "-1", "@SUM(A1)", "_x0041_", "_x000D_",
    "\u202eevil", "\x1b[31mred", "a" * 300, "rehost", "retain", "retire", "tinggi", "rahasia",
    "cost.amount", "resources.vcpu", "accepted_warnings.W302", "accepted_warnings.W999", "notes",
    "id", "{s}{n}1", "W302", "15.71", "15.7", "kota-jambi",
)  # fmt: skip


def _mutator(data: bytes, max_size: int, seed: int) -> bytes:
    rng = random.Random(seed)
    if data.startswith(b"PK") or rng.random() < 0.4:
        return atheris.Mutate(data, max_size)  # type: ignore[no-any-return]
    lines = data.decode("utf-8", "replace").split("\n")
    i = rng.randrange(len(lines))
    cells = lines[i].split("\t")
    op = rng.randrange(5)
    if op == 0:
        cells[rng.randrange(len(cells))] = rng.choice(NASTY)
    elif op == 1 and len(cells) > 1:
        a, b = rng.sample(range(len(cells)), 2)
        cells[a], cells[b] = cells[b], cells[a]
    elif op == 2:
        lines.insert(rng.randrange(len(lines) + 1), lines[i])
    elif op == 3 and len(lines) > 1:
        del lines[i]
        return "\n".join(lines).encode("utf-8")[:max_size]
    else:
        cells.insert(rng.randrange(len(cells) + 1), rng.choice(NASTY))
    lines[i] = "\t".join(cells)
    return "\n".join(lines).encode("utf-8")[:max_size]


def main() -> None:
    """Fuzz until libFuzzer's limits say stop, in a scratch folder (in memory if possible)."""
    shm = Path("/dev/shm")
    work = Path(tempfile.mkdtemp(prefix="migrasi-fuzz-import-", dir=shm if shm.is_dir() else None))

    def target(data: bytes) -> list[Exception]:
        return import_bytes(work, data, "id" if len(data) % 2 else "en")

    atheris.Setup(sys.argv, guarded("import", target, LIMIT_SECONDS), custom_mutator=_mutator)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
