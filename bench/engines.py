"""A generated pipeline through an engine's local mode, one whole process each: the benches' one definition.

    measurement = run_on_engine("kfp", source, "light", optimize=True, workdir=..., home=..., want=1275)

The process compiles the source with flowc (`api.load`, then the engine's backend) and
runs it: kfp.local's SubprocessRunner (`tests/conformance/runners/kfp.py`), Airflow's
`dag.test()` on a migrated home (`tests/conformance/runners/airflow.py`), flytekit's
local execution; then it checks the pipeline's `output`.
"""

from __future__ import annotations

from pathlib import Path

from bench.measure import Measurement, measure, python

ROOT = Path(__file__).resolve().parents[1]
ENGINE_NAMES = {"airflow": "Airflow dag.test()", "kfp": "kfp.local", "flyte": "flytekit local"}
PRELUDE = """
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
from flowc import api
loaded = api.load([Path({src!r})], optimize={optimize!r})
assert loaded.ok, loaded.diagnostics
program, workdir = loaded.program, Path({workdir!r})
"""
RUNS = {
    "kfp": """
from tests.conformance.runners import kfp
outputs = kfp.run(program, {pipeline!r}, {{}}, workdir).outputs
""",
    "flyte": """
from tests.conformance.runners import flyte
outputs = flyte.run(program, {pipeline!r}, {{}}, workdir).outputs
""",
    "airflow": """
from tests.backends.airflow.harness import run_dags
from tests.conformance.runners import airflow
airflow.compile_into(program, workdir / "dags")
report = run_dags(Path({home!r}), workdir / "dags", [(airflow.dag_id({pipeline!r}), {{}})], workdir / "artifacts")
outputs = airflow.result_of(program, {pipeline!r}, report.runs[0], Path({home!r})).outputs
""",
}
CHECK = "assert outputs['output'] == {want}, outputs\n"


def run_on_engine(engine: str, src: Path, pipeline: str, *, optimize: bool, workdir: Path, home: Path, want: object) -> Measurement:
    """One run (wall time, peak RSS) of the process that compiles `src` and runs `pipeline` on `engine`.

    `home` is a migrated AIRFLOW_HOME (`tests.backends.airflow.harness.session_home`).
    """
    fields = {"root": str(ROOT), "src": str(src), "optimize": optimize, "workdir": str(workdir),
              "pipeline": pipeline, "home": str(home), "want": want}
    script = PRELUDE.format(**fields) + RUNS[engine].format(**fields) + CHECK.format(**fields)
    return measure(python(script), repeat=1)
