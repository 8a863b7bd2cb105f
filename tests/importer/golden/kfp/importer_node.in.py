"""A pipeline statement that still needs the kfp SDK (dsl.importer) is commented out."""
from kfp import dsl
from kfp.dsl import Dataset


@dsl.component
def announce(uri: str) -> str:
    return f"importing {uri}"


@dsl.pipeline
def importing(uri: str = "gs://bucket/data.csv") -> None:
    announce(uri=uri)
    imported = dsl.importer(artifact_uri=uri, artifact_class=Dataset, reimport=False)  # E: FLC902
