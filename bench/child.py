"""Run one command as a child process and measure it alone: wall time and peak resident memory.

The peak comes from ``os.wait4``'s resource usage of that one child (not the cumulative
``RUSAGE_CHILDREN`` of every child so far): the largest resident set of one process of its tree.
Where Linux gives each process's proportional set size (``/proc/PID/smaps_rollup``), the
watchdog also sums it over the child and every process it started, every 0.1 s: the memory the
whole run holds at once, pages that forked processes share counted once (``tree_mb``).

The watchdog kills the child when it runs past ``timeout`` seconds or its resident memory
passes ``rss_cap_mb``, so that a runaway run cannot take the machine down; the run then says
why it was stopped.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def venv_python() -> str:
    """The project's ``.venv/bin/python`` when it exists, else this interpreter."""
    candidate = REPO_ROOT / ".venv" / "bin" / "python"
    return str(candidate) if candidate.exists() else sys.executable


def migrasi(*args: str) -> list[str]:
    """The command line of ``.venv/bin/python -m migrasi ARGS``."""
    return [venv_python(), "-m", "migrasi", *args]


@dataclass
class Run:
    seconds: float
    peak_mb: float
    status: int
    stdout: str
    stderr: str
    cpu_seconds: float = 0.0
    """User plus system CPU time of the child (less sensitive to other load than wall time)."""
    killed: str | None = None
    """Why the watchdog stopped the run (``"timeout"`` or ``"memory"``), or None."""
    tree_mb: float | None = None
    """The largest sum of proportional set sizes over the child's process tree, sampled every
    0.1 s (None where Linux's ``smaps_rollup`` is not available)."""

    @property
    def ok(self) -> bool:
        return self.status == 0 and self.killed is None


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def _descendants(pid: int) -> list[int]:
    """``pid`` and every living process below it (from the parent ids of ``/proc/*/stat``)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as stat:
                parent = int(stat.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        here = todo.pop()
        found.append(here)
        todo.extend(children.get(here, ()))
    return found


def _tree_pss_mb(pid: int) -> float | None:
    """The sum of the proportional set sizes of ``pid``'s process tree, or None when Linux does
    not give them."""
    total = 0
    seen = False
    for each in _descendants(pid):
        try:
            with open(f"/proc/{each}/smaps_rollup", encoding="ascii") as rollup:
                for line in rollup:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        seen = True
                        break
        except (OSError, ValueError):
            continue
    return total / 1024 if seen else None


def run(
    cmd: Sequence[str],
    *,
    timeout: float = 600.0,
    rss_cap_mb: float = 4096.0,
    cwd: Path = REPO_ROOT,
) -> Run:
    """Run ``cmd`` (plain text output, no colour), wait for it and measure it."""
    env = dict(os.environ)
    env["NO_COLOR"] = "1"
    env.pop("GITHUB_ACTIONS", None)  # keep the plain text format, no step summary
    env.pop("GITHUB_STEP_SUMMARY", None)
    killed: list[str] = []
    tree: list[float] = []
    done = threading.Event()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(list(cmd), stdout=out, stderr=err, env=env, cwd=cwd)

        def watch() -> None:
            while not done.wait(0.1):
                held = _tree_pss_mb(proc.pid)
                if held is not None:
                    tree.append(held)
                why = None
                if time.perf_counter() - started > timeout:
                    why = "timeout"
                elif _rss_mb(proc.pid) > rss_cap_mb:
                    why = "memory"
                if why is not None:
                    killed.append(why)
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(proc.pid, signal.SIGKILL)
                    return

        watchdog = threading.Thread(target=watch, daemon=True)
        watchdog.start()
        try:
            _, wait_status, usage = os.wait4(proc.pid, 0)
        finally:
            done.set()
            watchdog.join()
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(wait_status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    # ru_maxrss is KiB on Linux, bytes on macOS
    peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    cpu = usage.ru_utime + usage.ru_stime
    why = killed[0] if killed else None
    most = max(tree) if tree else None
    return Run(seconds, peak, proc.returncode, stdout, stderr, cpu, why, most)


def head(text: str, lines: int = 8) -> str:
    """The first ``lines`` lines of ``text``, indented, with a count of the rest."""
    kept = text.strip().splitlines()
    more = f"\n    … {len(kept) - lines} more line(s)" if len(kept) > lines else ""
    return "\n".join(f"    {line}" for line in kept[:lines]) + more
