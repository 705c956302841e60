"""Fuzz the YAML loader: ``migrasi.loading.yamlio.parse`` on arbitrary bytes.

Run by ``make fuzz`` (through ``fuzz/run.py``), or alone with libFuzzer's arguments:
``python -m fuzz.fuzz_loader CORPUS_DIR -max_total_time=60``.
"""

from __future__ import annotations

import sys

import atheris  # type: ignore[import-untyped]  # atheris ships no type information

from fuzz.engine import guarded, instrumented_imports
from fuzz.mutate import mutate
from fuzz.targets import parse_bytes

with atheris.instrument_imports(include=["migrasi"]):
    instrumented_imports()

LIMIT_SECONDS = 10.0  # instrumented code runs 10-20 times slower than plain


def _mutator(data: bytes, max_size: int, seed: int) -> bytes:
    return mutate(data, max_size, seed, atheris.Mutate)


def main() -> None:
    """Fuzz until libFuzzer's limits say stop."""
    one = guarded("loader", parse_bytes, LIMIT_SECONDS)
    atheris.Setup(sys.argv, one, custom_mutator=_mutator)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
