"""Child processes that a test interrupts: Ctrl-C must reach them as it would from a terminal."""

from __future__ import annotations

import signal
import subprocess
from typing import Any


def _default_sigint() -> None:
    # A shell starts background jobs with SIGINT ignored, and the child would inherit that.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start(cmd: list[str], **kwargs: Any) -> subprocess.Popen[bytes]:
    """`subprocess.Popen(cmd, ...)` with SIGINT at its default action in the child."""
    return subprocess.Popen(cmd, preexec_fn=_default_sigint, **kwargs)  # noqa: PLW1509 (no threads here)
