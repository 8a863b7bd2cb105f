"""How long Airflow's DagBag takes to parse a flowc DAG, beside a hand-written one.

    python bench/airflow_parse.py [STEPS]

Both DAGs chain STEPS (default 1,000) Python steps: flowc's is compiled from
`bench.generate.chain_source`; the hand-written one is a `PythonOperator` per step
joined with `chain()`, written the way a person would (a loop). Each is parsed once
by `DagBag` in a fresh process after Airflow is imported (so the import is not
counted) without bytecode caches, as a DAG processor meets a changed file; the
two are parsed alternately three times and each one's best time is compared.
Target: flowc's parse within 1.2x of the hand-written one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.generate import write_chain  # noqa: E402

ROUNDS = 3

HAND_WRITTEN = '''"""A hand-written chain of {steps} PythonOperators."""
from airflow.sdk import DAG, chain
from airflow.providers.standard.operators.python import PythonOperator


def step(value, k, **context):
    return value + k


with DAG(dag_id="hand_chain", schedule=None, catchup=False):
    tasks = [PythonOperator(task_id="seed", python_callable=step, op_kwargs={{"value": 1, "k": 0}})]
    for i in range(1, {steps}):
        tasks.append(PythonOperator(task_id=f"step_{{i}}", python_callable=step, op_kwargs={{"value": i, "k": i}}))
    chain(*tasks)
'''

PARSE = r"""
import json, sys, time
from airflow.dag_processing.dagbag import DagBag
start = time.perf_counter()
bag = DagBag(dag_folder=sys.argv[1])
elapsed = time.perf_counter() - start
print(json.dumps({"seconds": elapsed, "errors": list(bag.import_errors), "tasks": sum(len(d.tasks) for d in bag.dags.values())}))
"""


def parse_time(folder: Path, env: dict[str, str]) -> dict[str, object]:
    proc = subprocess.run([sys.executable, "-c", PARSE, str(folder)], env=env, capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def compile_flowc(source: Path, out: Path) -> None:
    from flowc import api

    loaded = api.load([source], root=source.parent, optimize=False)  # the 1,000 steps as written, like the hand-written DAG
    assert loaded.ok, api.render(loaded.diagnostics, loaded.sources)
    result = api.emit(loaded.program, "airflow", {})
    assert not result.diagnostics, result.diagnostics
    out.mkdir(parents=True)
    for rel, data in result.files.items():
        (out / rel).write_bytes(data)


def main() -> int:
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        env = dict(os.environ, AIRFLOW_HOME=str(root / "home"), AIRFLOW__CORE__LOAD_EXAMPLES="False",
                   PYTHONDONTWRITEBYTECODE="1", AIRFLOW__LOGGING__LOGGING_LEVEL="ERROR")
        compile_flowc(write_chain(root / "src", steps, "chain"), root / "flowc")
        (root / "hand").mkdir()
        (root / "hand" / "hand_chain.py").write_text(HAND_WRITTEN.format(steps=steps), encoding="utf-8")
        hand_runs, our_runs = [], []
        for _ in range(ROUNDS):  # alternate, keep each one's best: the machine may be busy
            hand_runs.append(parse_time(root / "hand", env))
            our_runs.append(parse_time(root / "flowc", env))
        hand = min(hand_runs, key=lambda r: float(r["seconds"]))  # type: ignore[arg-type]
        ours = min(our_runs, key=lambda r: float(r["seconds"]))  # type: ignore[arg-type]
    for label, got in (("hand-written PythonOperator + chain()", hand), ("flowc", ours)):
        print(f"{label:<40} {got['seconds']:.3f} s  {got['tasks']} tasks  import errors: {len(got['errors'])}")  # type: ignore[index]
    ratio = float(ours["seconds"]) / float(hand["seconds"])  # type: ignore[arg-type]
    print(f"{'ratio':<40} {ratio:.2f}x   target <= 1.2x")
    return 0 if not ours["errors"] and not hand["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
