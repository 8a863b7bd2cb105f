"""flowc: compile typed Python pipelines to Kubeflow Pipelines, Airflow and Flyte.

Everything a pipeline file needs is importable from here. Importing `flowc` is
cheap: the compiler (reader, IR, backends) loads only when the CLI asks for it.
"""

from flowc.dsl.artifacts import Artifact, Dataset, Metrics, Model
from flowc.dsl.language import Resources, after, container_task, pipeline, task

__all__ = [
    "Artifact",
    "Dataset",
    "Metrics",
    "Model",
    "Resources",
    "__version__",
    "after",
    "container_task",
    "pipeline",
    "task",
]

__version__ = "0.1.0"
