"""Run one command as a child process and measure it alone: wall time and peak resident memory.

The peak comes from ``os.wait4``'s resource usage of that one child (not the cumulative
``RUSAGE_CHILDREN`` of every child so far). A watchdog thread kills the child when it runs past
``timeout`` seconds or its resident memory passes ``rss_cap_mb``, so that a runaway run cannot
take the machine down; the run then says why it was stopped.
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
    done = threading.Event()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(list(cmd), stdout=out, stderr=err, env=env, cwd=cwd)

        def watch() -> None:
            while not done.wait(0.1):
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
    return Run(seconds, peak, proc.returncode, stdout, stderr, cpu, killed[0] if killed else None)


def head(text: str, lines: int = 8) -> str:
    """The first ``lines`` lines of ``text``, indented, with a count of the rest."""
    kept = text.strip().splitlines()
    more = f"\n    … {len(kept) - lines} more line(s)" if len(kept) > lines else ""
    return "\n".join(f"    {line}" for line in kept[:lines]) + more
