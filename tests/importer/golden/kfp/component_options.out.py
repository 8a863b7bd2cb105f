"""@dsl.component options: base_image -> image, packages_to_install -> packages."""
from flowc import pipeline, task

IMAGE = "python:3.12-slim"


@task(image=IMAGE, packages=["pandas==2.2.3"], cache=True)
def count_rows(uri: str) -> int:
    """Count the rows of a CSV file."""
    import pandas as pd  # imported inside: KFP ships only the function

    return len(pd.read_csv(uri))


# flowc import: @dsl.component(pip_index_urls=["https://example.com/simple"]) has no flowc equivalent and was left out
@task(image="python:3.11", cache=True)
def shout(text: str) -> str:
    return text.upper()


@task(cache=True)
def plain(x: int = 1) -> int:
    return x


@pipeline
def rows(uri: str = "data.csv") -> int:
    shout(text=uri)
    plain()
    return count_rows(uri=uri)
