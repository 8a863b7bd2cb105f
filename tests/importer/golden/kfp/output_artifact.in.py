"""Input[Dataset] -> Dataset; an Output[Model] parameter -> a returned Model."""
from kfp import dsl
from kfp.dsl import Dataset, Input, Model, Output


@dsl.component
def make(rows: int, data: Output[Dataset]):
    """Write `rows` numbers."""
    with open(data.path, "w") as f:
        f.write("\n".join(str(i) for i in range(rows)))


@dsl.component
def fit(
    data: Input[Dataset],
    model: Output[Model],
):
    # an early exit still returns the model
    lines = open(data.path).read().splitlines()
    if not lines:
        return
    with open(model.path, "w") as f:
        f.write(str(len(lines)))


@dsl.pipeline
def train(rows: int = 3) -> None:
    made = make(rows=rows)
    fit(data=made.outputs["data"])
