"""Fuzz validate + plan + every output on mutated inventory folders.

An input is up to four YAML files joined by ``fuzz.targets.MARK``; the seeds are the shipped
inventories (each with the data-center file), the golden cases and the invalid-input corpus.
Run by ``make fuzz`` (through ``fuzz/run.py``), or alone with libFuzzer's arguments:
``python -m fuzz.fuzz_validate CORPUS_DIR -max_total_time=60``.
"""

from __future__ import annotations

import sys
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import atheris  # type: ignore[import-untyped]  # atheris ships no type information

from fuzz.engine import guarded, instrumented_imports
from fuzz.mutate import mutate
from fuzz.targets import reference_plan, run_folder

if TYPE_CHECKING:
    from migrasi.core.problem import Problem

with atheris.instrument_imports(include=["migrasi"]):
    instrumented_imports()

# The exhaustive search of small plans (core/exhaustive.py) spends its 200,000-node budget in
# seconds, and ten times that under instrumentation: every small input would time out. The
# fuzzer looks for crashes, not for the best plan, so it searches with a small budget; the
# slowness itself is a finding of its own (tests/fuzz_corpus/ad9e85ec6a6f.txt).
SEARCH_BUDGET = 5_000
LIMIT_SECONDS = 20.0  # instrumented code runs 10-20 times slower than plain


def _mutator(data: bytes, max_size: int, seed: int) -> bytes:
    return mutate(data, max_size, seed, atheris.Mutate)


def _small_search_budget() -> None:
    from migrasi.core import exhaustive

    search = exhaustive.search

    def small(
        p: Problem, incumbent: Decimal, budget: int = SEARCH_BUDGET
    ) -> dict[str, int | None] | None:
        return search(p, incumbent, min(budget, SEARCH_BUDGET))

    exhaustive.search = small


def main() -> None:
    """Fuzz until libFuzzer's limits say stop, in a scratch folder (in memory if possible)."""
    shm = Path("/dev/shm")
    work = Path(tempfile.mkdtemp(prefix="migrasi-fuzz-", dir=shm if shm.is_dir() else None))

    _small_search_budget()
    reference_plan(work)  # made once before fuzzing, so that no input pays for it

    def target(data: bytes) -> list[Exception]:
        return run_folder(work, data, "id" if len(data) % 2 else "en")

    atheris.Setup(sys.argv, guarded("validate", target, LIMIT_SECONDS), custom_mutator=_mutator)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
