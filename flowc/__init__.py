"""flowc: compile typed Python pipelines to Kubeflow Pipelines, Airflow and Flyte.

Everything a pipeline file needs is importable from here. Importing `flowc` is
cheap: the compiler (reader, IR, backends) loads only when the CLI asks for it.
"""

from flowc.dsl.artifacts import Artifact, Dataset, Metrics, Model
from flowc.dsl.language import Resources, after, container_task, pipeline, task
from flowc.dsl.status import RunStatus, run_status

__all__ = [
    "Artifact",
    "Dataset",
    "Metrics",
    "Model",
    "Resources",
    "RunStatus",
    "__version__",
    "after",
    "container_task",
    "pipeline",
    "run_status",
    "task",
]

__version__ = "0.1.0"
