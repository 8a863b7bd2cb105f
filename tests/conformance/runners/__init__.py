"""One runner per backend: compile a Program, run it on the real engine, report what happened.

Each module `<backend>.py` defines `run(program, case, workdir) -> RunResult`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass
class RunResult:
    """Pipeline outputs by name, and how many times each task (by IR task name) ran."""

    outputs: dict[str, Any]
    ran: Counter[str] = field(default_factory=lambda: Counter[str]())
