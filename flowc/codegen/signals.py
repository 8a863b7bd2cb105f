"""SIGINT and SIGTERM during a write: they raise while the write can stop, and wait while it must not.

    with signals_raise():          # staging: a signal raises Interrupted, `finally` blocks clean up
        stage()
        with held_signals():       # committing: a signal waits until the block ends
            commit()

When the write has cleaned up, the signal is raised again with the handler the
program had before, so Ctrl-C still ends in KeyboardInterrupt and SIGTERM still
terminates the process the usual way.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Generator
from contextlib import contextmanager
from types import FrameType
from typing import Any

CAUGHT: tuple[signal.Signals, ...] = (signal.SIGINT, signal.SIGTERM)

Handler = Callable[[int, FrameType | None], Any] | int | signal.Handlers | None


class Interrupted(BaseException):
    """A signal arrived during a write; raised so that clean-up code runs."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"interrupted by signal {signum}")
        self.signum = signum


@contextmanager
def signals_raise() -> Generator[None]:
    """Turn SIGINT and SIGTERM into `Interrupted` inside the block (main thread only; ignored signals stay ignored).

    Only the first signal raises: a second one (Ctrl-C pressed twice) must not cut the
    clean-up that the first one started.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    raised: list[int] = []

    def handler(signum: int, _frame: FrameType | None) -> None:
        if not raised:
            raised.append(signum)
            raise Interrupted(signum)

    previous: dict[signal.Signals, Handler] = {}
    for signum in CAUGHT:
        current = signal.getsignal(signum)
        if current is not signal.SIG_IGN and current is not None:
            previous[signum] = current
            signal.signal(signum, handler)
    try:
        yield
    except Interrupted as exc:
        _restore(previous)
        previous = {}
        signal.raise_signal(exc.signum)  # the program's own handler: KeyboardInterrupt, or the default action
        raise
    finally:
        _restore(previous)


def _restore(previous: dict[signal.Signals, Handler]) -> None:
    for signum, handler in previous.items():
        signal.signal(signum, handler)


@contextmanager
def held_signals() -> Generator[None]:
    """Block SIGINT and SIGTERM inside the block; one that arrived is delivered when it ends."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, CAUGHT)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)
