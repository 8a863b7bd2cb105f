"""@dsl.component options: base_image -> image, packages_to_install -> packages."""
from kfp import dsl

IMAGE = "python:3.12-slim"


@dsl.component(base_image=IMAGE, packages_to_install=["pandas==2.2.3"])
def count_rows(uri: str) -> int:
    """Count the rows of a CSV file."""
    import pandas as pd  # imported inside: KFP ships only the function

    return len(pd.read_csv(uri))


@dsl.component(
    base_image="python:3.11",
    pip_index_urls=["https://example.com/simple"],  # E: FLC903
)
def shout(text: str) -> str:
    return text.upper()


@dsl.component()
def plain(x: int = 1) -> int:
    return x


@dsl.pipeline
def rows(uri: str = "data.csv") -> int:
    shout(text=uri)
    plain()
    return count_rows(uri=uri).output
