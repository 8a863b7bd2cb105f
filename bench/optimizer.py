"""What fusion buys on the engines: a 50-step light pipeline and the 12-step chain, with and
without the optimizer (issue 10's targets).

    python bench/optimizer.py [--steps 50,12] [--engines airflow,kfp,flyte]

Each pipeline is a chain of tiny tasks of one image (`bench.generate.light_chain_source`).
Per engine and variant (optimized, as flowc compiles by default, and `-O0`):
- engine tasks: KFP DAG tasks, Airflow operators of the parsed DAG that run a task,
  Flyte workflow nodes (`tests/optimizer/engine_tasks.py`);
- end-to-end local run: one whole process (one run, not best of three: the unoptimized
  runs take a minute) that compiles the source with flowc and runs it on the engine
  (kfp.local's SubprocessRunner, Airflow's `dag.test()` on a migrated home, flytekit's
  local execution) and checks the result.
Target (2-core machine): 50 steps -> 1 task and at least 5x faster end to end on each engine.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.engines import ENGINE_NAMES, run_on_engine  # noqa: E402
from bench.generate import light_chain_source  # noqa: E402
from bench.measure import Measurement, line  # noqa: E402

PIPELINE = "light"


@dataclass(frozen=True)
class Variant:
    tasks: int
    run: Measurement


def engine_tasks(engine: str) -> Callable[[object, str, Path], int]:
    """Engine tasks of a compiled pipeline, counted as the fusion tests count them."""
    from tests.optimizer import engine_tasks as count

    counters: dict[str, Callable[..., int]] = {
        "kfp": lambda *a: count.kfp_tasks(*a)[1],
        "airflow": count.airflow_tasks,
        "flyte": lambda *a: count.flyte_tasks(*a)[1],
    }
    return counters[engine]


def run_variant(engine: str, src: Path, steps: int, optimize: bool, workdir: Path, home: Path) -> Variant:
    from tests.optimizer.engine_tasks import load

    tasks = engine_tasks(engine)(load(src, optimize), PIPELINE, workdir / "count")
    want = steps * (steps + 1) // 2
    return Variant(tasks, run_on_engine(engine, src, PIPELINE, optimize=optimize, workdir=workdir / "run", home=home, want=want))


def report(engine: str, steps: int, unoptimized: Variant, optimized: Variant) -> bool:
    """Print one engine's figures; whether the 50-step targets hold (other sizes: no target)."""
    print(f"{ENGINE_NAMES[engine]}, {steps} steps")
    print(line(f"  -O0:       {unoptimized.tasks} engine tasks", unoptimized.run))
    print(line(f"  optimized: {optimized.tasks} engine tasks", optimized.run))
    speedup = unoptimized.run.seconds / optimized.run.seconds
    ok = unoptimized.run.returncode == 0 and optimized.run.returncode == 0
    if steps == 50:
        ok = ok and optimized.tasks == 1 and speedup >= 5
    target = "   target 50 -> 1, >= 5x" if steps == 50 else ""
    print(f"  {unoptimized.tasks} -> {optimized.tasks} tasks, {speedup:5.1f}x faster end to end{target}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--steps", default="50,12")
    parser.add_argument("--engines", default="airflow,kfp,flyte")
    args = parser.parse_args()
    from tests.backends.airflow.harness import session_home

    home, ok = session_home(), True
    print("tasks and end-to-end time (wall time, peak RSS; one whole process each: compile + local run)")
    with tempfile.TemporaryDirectory() as tmp:
        for steps in (int(s) for s in args.steps.split(",")):
            src = Path(tmp) / f"src{steps}" / f"{PIPELINE}.py"
            src.parent.mkdir(parents=True)
            src.write_text(light_chain_source(steps, PIPELINE), encoding="utf-8")
            for engine in args.engines.split(","):
                work = Path(tmp) / f"{engine}{steps}"
                off = run_variant(engine, src, steps, False, work / "O0", home)
                on = run_variant(engine, src, steps, True, work / "O", home)
                ok = report(engine, steps, off, on) and ok
    print("targets met" if ok else "TARGETS NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
