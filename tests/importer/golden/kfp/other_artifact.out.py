"""KFP artifact types flowc has no kind for (HTML, Markdown, ClassificationMetrics) become Artifact."""
from flowc import Artifact, pipeline, task


# flowc import: not translated: artifact type HTML has no flowc kind: it became Artifact
@task(cache=True)
def page() -> Artifact:  # E: FLC902
    html = Artifact.create()
    with open(html.path, "w") as f:
        f.write("<h1>hi</h1>")
    return html


@pipeline
def pages() -> None:
    page()
