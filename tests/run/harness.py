"""`flowc run` as a conformance runner now lives in `tests/conformance/runners/flowc_run.py`
(engine id `flowc-run`); this name stays for the tests that import it from here."""

from tests.conformance.runners.flowc_run import run, run_in

__all__ = ["run", "run_in"]
