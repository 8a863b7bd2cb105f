"""A pipeline statement that still needs the kfp SDK (dsl.importer) is commented out."""
from flowc import pipeline, task


@task(cache=True)
def announce(uri: str) -> str:
    return f"importing {uri}"


@pipeline
def importing(uri: str = "gs://bucket/data.csv") -> None:
    announce(uri=uri)
    # flowc import: not translated: statement `imported = dsl.importer(artifact_uri=uri, artifact_class=Dataset, reimport=False)`
    #     imported = dsl.importer(artifact_uri=uri, artifact_class=Dataset, reimport=False)  # E: FLC902
    pass
