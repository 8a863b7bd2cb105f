"""Checks run once typing pauses, one at a time: a burst of changes costs one check, not one each."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)


class Debouncer:
    """Runs `work` once no change has come for `delay` seconds; a change during a run makes it run again after.

    The delay is short (a check of a 2,000-step file must reach the editor within half
    a second); what keeps a fast typist from queueing checks is that runs never
    overlap and every change that arrives during one is answered by the next.
    """

    def __init__(self, work: Callable[[], Awaitable[None]], delay: float, failed: Callable[[BaseException], None]) -> None:
        self._work = work
        self._failed = failed
        self.delay = delay
        self._pending = False
        self._last = 0.0
        self._task: asyncio.Task[None] | None = None

    @property
    def pending(self) -> bool:
        """Whether a change has come since the current run started (its results are already stale)."""
        return self._pending

    def poke(self) -> None:
        """A document changed."""
        loop = asyncio.get_running_loop()
        self._pending = True
        self._last = loop.time()
        if self._task is None or self._task.done():
            self._task = loop.create_task(self._run())

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while self._pending:
            while (wait := self._last + self.delay - loop.time()) > 0:
                await asyncio.sleep(wait)
            self._pending = False
            try:
                await self._work()
            except Exception as exc:  # noqa: BLE001 - one failed check must not stop the next
                log.exception("flowc lsp: a check failed")
                self._failed(exc)
