"""Whole-process timing and peak memory of a command, as the benchmarks report them."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Measurement:
    seconds: float
    peak_mb: float
    returncode: int
    cpu_seconds: float = 0.0  # the child's user + system time: what a busy machine does not inflate

    def __str__(self) -> str:
        return f"{self.seconds:7.3f} s {self.peak_mb:8.1f} MB"


def measure(argv: list[str], env: dict[str, str] | None = None, cwd: str | None = None, repeat: int = 3) -> Measurement:
    """The fastest of `repeat` runs of `argv` (wall time, and the child's own peak RSS from wait4).

    The best of a few runs filters out a busy machine's noise; each figure is still
    a whole process, start-up included.
    """
    runs = [_measure_once(argv, env, cwd) for _ in range(max(1, repeat))]
    return min(runs, key=lambda m: (m.returncode != 0, m.seconds))


def _measure_once(argv: list[str], env: dict[str, str] | None, cwd: str | None) -> Measurement:
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: a chatty child must not block
        start = time.perf_counter()
        proc = subprocess.Popen(argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            errors.seek(0)
            sys.stderr.write(errors.read().decode(errors="replace")[-2000:])
    return Measurement(elapsed, usage.ru_maxrss / 1024, proc.returncode, usage.ru_utime + usage.ru_stime)


def python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def line(label: str, m: Measurement) -> str:
    """One labelled measurement, aligned with the others of a report."""
    return f"{label:<44} {m}"


def ratio_line(label: str, value: Measurement, floor: Measurement, target: str) -> str:
    return (
        f"{label:<38} {value}   floor {floor}   ratio {value.seconds / floor.seconds:5.2f}x time, "
        f"{value.peak_mb / floor.peak_mb:5.2f}x memory   target {target}"
    )
