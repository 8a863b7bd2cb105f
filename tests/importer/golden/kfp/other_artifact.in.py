"""KFP artifact types flowc has no kind for (HTML, Markdown, ClassificationMetrics) become Artifact."""
from kfp import dsl
from kfp.dsl import HTML, Output


@dsl.component
def page(html: Output[HTML]):  # E: FLC902
    with open(html.path, "w") as f:
        f.write("<h1>hi</h1>")


@dsl.pipeline
def pages() -> None:
    page()
