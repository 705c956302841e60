"""The part every harness shares: run one input, and keep what breaks migrasi.

An input that raises anything but a ``MigrasiError``, breaks an invariant (``Broken``) or runs
longer than its limit (twice, to rule out a hiccup of the machine) is saved to
``tests/fuzz_corpus/<short-hash>.yaml`` (``.sheet`` for the import harness) with a note beside
it (``<short-hash>.txt``: harness, kind, signature, traceback). Each signature (exception type
and the innermost frame of migrasi) is saved once, so that one bug does not fill the folder;
the fuzzer then goes on.
"""

from __future__ import annotations

import hashlib
import re
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from fuzz.targets import ROOT, Broken

CORPUS = ROOT / "tests" / "fuzz_corpus"
MAX_SLOW = 3
SUFFIXES = {"import": ".sheet"}
"""The file name ending of a saved input, by harness (``.yaml`` unless named here)."""


def _known() -> set[str]:
    seen: set[str] = set()
    for note in CORPUS.glob("*.txt"):
        for line in note.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("signature: "):
                seen.add(line.removeprefix("signature: "))
    return seen


_seen: set[str] = set()
_slow: list[bytes] = []


def save(harness: str, data: bytes, kind: str, signature: str, detail: str) -> Path | None:
    """Save a finding's input and note unless its signature is already saved."""
    if not _seen:
        _seen.update(_known())
        _seen.add("")
    if signature in _seen:
        return None
    _seen.add(signature)
    digest = hashlib.sha256(data).hexdigest()[:12]
    CORPUS.mkdir(parents=True, exist_ok=True)
    target = CORPUS / f"{digest}{SUFFIXES.get(harness, '.yaml')}"
    target.write_bytes(data)
    note = (
        f"harness: {harness}\nkind: {kind}\nsignature: {signature}\n"
        f"found by: make fuzz (fuzz/fuzz_{harness}.py)\n\n{detail.rstrip()}\n"
    )
    (CORPUS / f"{digest}.txt").write_text(note, encoding="utf-8")
    print(f"\nFINDING {kind} {signature} -> {target.relative_to(ROOT)}", file=sys.stderr)
    return target


def signature_of(exc: BaseException) -> str:
    """Exception type, the innermost function of migrasi it came from, and its message with
    numbers and quoted parts left out: stable when lines move, one per bug."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/migrasi/" in f.filename] or frames
    where = f"{Path(ours[-1].filename).stem}.{ours[-1].name}" if ours else "?"
    words = re.sub(r"'[^']*'|\"[^\"]*\"|U\+[0-9A-F]+|\d+", "…", str(exc))[:80]
    if isinstance(exc, Broken):
        return f"Broken: {words}"
    return f"{type(exc).__name__} in {where}: {words}"


def guarded(
    harness: str, target: Callable[[bytes], list[Exception]], limit: float
) -> Callable[[bytes], None]:
    """The fuzz entry point: run ``target`` on one input and save what goes wrong.

    ``target`` returns the problems of the steps it ran (and may raise one of its own).
    """
    from migrasi.core.errors import MigrasiError

    def attempt(data: bytes) -> tuple[float, list[Exception]]:
        start = time.monotonic()
        try:
            problems = target(data)
        except MigrasiError:
            problems = []
        except Exception as exc:
            problems = [exc]
        return time.monotonic() - start, problems

    def one(data: bytes) -> None:
        elapsed, problems = attempt(data)
        for exc in problems:
            kind = "broken" if isinstance(exc, Broken) else "exception"
            detail = "".join(traceback.format_exception(exc))
            save(harness, data, kind, signature_of(exc), detail)
        if problems:
            return
        if elapsed > limit and len(_slow) < MAX_SLOW:
            again, _ = attempt(data)
            if again > limit:
                _slow.append(data)
                detail = f"ran {elapsed:.1f} s, then {again:.1f} s (limit {limit} s)"
                save(harness, data, "slow", f"slow {harness} #{len(_slow)}", detail)

    return one


def instrumented_imports() -> None:
    """Import every module of migrasi (they import lazily), for atheris to instrument."""
    import importlib
    import pkgutil

    import migrasi

    for info in pkgutil.walk_packages(migrasi.__path__, "migrasi."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
