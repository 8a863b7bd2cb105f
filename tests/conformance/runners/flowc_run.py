"""Conformance runner for flowc's own local runner, `flowc run` (engine id `flowc-run`).

`run` is `tests/run/harness.py`'s (one definition, beside the runner's other test helpers):
the program is run by `flowc.run.run_program`, the function `flowc run` calls once it has
read the files and parsed the parameters, with a fresh store under `workdir` and container
tasks as local processes (`--containers=local`); each step runs in its own subprocess, as
for a user. Outputs are the run's typed outputs; a task ran once per step record that
succeeded (a fused step counting once for each member). A run that failed has no outputs
and, as its error, what the runner printed and each failed step's error and log.
"""

from __future__ import annotations

from tests.run.harness import run

__all__ = ["run"]
