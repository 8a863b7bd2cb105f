"""What `flowc run` shows: a line per step start and end (not a TTY), or a live table (rich, on a TTY).

A fan-out's steps share a row in the live table, counted (`train 2/3`); a failed step
prints its error and captured output at once; a summary table closes the run. Steps
are grouped by their path with loop indices dropped (`loop_1/*/train`).
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from flowc.run.records import StepRecord

if TYPE_CHECKING:
    from rich.table import Table

_INDEX = re.compile(r"/\d+/")


def group_of(path: str) -> str:
    """A step's row: its path with loop indices as `*` (`loop_1/*/train`)."""
    return _INDEX.sub("/*/", _INDEX.sub("/*/", path))


@dataclass
class Group:
    """One row: a step, or every instance of a step in a fan-out."""

    name: str
    total: int = 0
    running: int = 0
    states: dict[str, int] = field(default_factory=lambda: {})
    seconds: float = 0.0

    def state_text(self) -> str:
        parts = [f"{n} {s}" for s, n in sorted(self.states.items())]
        if self.running:
            parts.insert(0, f"{self.running} running")
        return ", ".join(parts)


class Tally:
    """Steps by row, in the order they first appeared."""

    def __init__(self) -> None:
        self.groups: dict[str, Group] = {}
        self.lock = threading.Lock()

    def group(self, path: str, name: str) -> Group:
        key = group_of(path)
        if key not in self.groups:
            self.groups[key] = Group(name)
        return self.groups[key]

    def started(self, path: str, name: str) -> None:
        with self.lock:
            self.group(path, name).running += 1

    def ended(self, record: StepRecord, was_running: bool) -> None:
        with self.lock:
            group = self.group(record.path, record.name)
            group.running -= 1 if was_running else 0
            group.total += 1
            group.states[record.state] = group.states.get(record.state, 0) + 1
            group.seconds += record.duration


def failure_text(record: StepRecord) -> str:
    """A failed step's error, then its captured output (the traceback is in it), indented."""
    head = f"{record.path} failed after {record.attempts} attempt(s): {record.error}"
    log = "\n".join("    " + line for line in record.log.rstrip().splitlines())
    return head + ("\n" + log if log else "")


def summary_rows(tally: Tally) -> list[tuple[str, str, str, str]]:
    return [(key, g.name, g.state_text(), f"{g.seconds:.2f}s") for key, g in tally.groups.items()]


class PlainProgress:
    """One line per step start and end; fan-outs as counts; a plain summary table."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.tally = Tally()
        self.running: set[str] = set()
        self.lock = threading.Lock()

    def _line(self, text: str) -> None:
        with self.lock:
            self.out.write(text + "\n")
            self.out.flush()

    def started(self, path: str, name: str) -> None:
        self.running.add(path)
        self.tally.started(path, name)
        self._line(f"start      {path}")

    def ended(self, record: StepRecord) -> None:
        was_running = record.path in self.running
        self.running.discard(record.path)
        self.tally.ended(record, was_running)
        text = f"{record.state:<10} {record.path}" + (f" ({record.duration:.2f}s)" if was_running else "")
        if record.state == "failed":
            text += "\n" + failure_text(record)
        self._line(text)

    def fanout(self, path: str, count: int) -> None:
        self._line(f"fan-out    {path}: {count} item(s)")

    def finish(self, headline: str) -> None:
        self._line(_table(("step", "task", "state", "time"), summary_rows(self.tally)) + "\n" + headline)


def _table(header: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> str:
    rows = [header, *rows]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)


class LiveProgress:
    """A rich live table of the steps (a TTY), failures printed above it, a summary table at the end."""

    def __init__(self, out: TextIO) -> None:
        from rich.console import Console
        from rich.live import Live

        self.console = Console(file=out)
        self.tally = Tally()
        self.running: dict[str, float] = {}
        self.live = Live(self._render(), console=self.console, refresh_per_second=8, transient=True)
        self.live.start()

    def _render(self) -> Table:
        from rich.table import Table

        table = Table(box=None)
        for column in ("step", "task", "state", "time"):
            table.add_column(column)
        for row in summary_rows(self.tally):
            table.add_row(*row)
        return table

    def _refresh(self) -> None:
        self.live.update(self._render())

    def started(self, path: str, name: str) -> None:
        self.running[path] = time.time()
        self.tally.started(path, name)
        self._refresh()

    def ended(self, record: StepRecord) -> None:
        was_running = self.running.pop(record.path, None) is not None
        self.tally.ended(record, was_running)
        if record.state == "failed":
            self.console.print(failure_text(record), markup=False, highlight=False)
        self._refresh()

    def fanout(self, path: str, count: int) -> None:
        self._refresh()

    def finish(self, headline: str) -> None:
        from rich.table import Table

        self.live.stop()
        table = Table(title="flowc run")
        for column in ("step", "task", "state", "time"):
            table.add_column(column)
        for row in summary_rows(self.tally):
            table.add_row(*row)
        self.console.print(table)
        self.console.print(headline, markup=False, highlight=False)
