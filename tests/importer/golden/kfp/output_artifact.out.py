"""Input[Dataset] -> Dataset; an Output[Model] parameter -> a returned Model."""
from flowc import Dataset, Model, pipeline, task


@task(cache=True)
def make(rows: int) -> Dataset:
    """Write `rows` numbers."""
    data = Dataset.create()
    with open(data.path, "w") as f:
        f.write("\n".join(str(i) for i in range(rows)))
    return data


@task(cache=True)
def fit(
    data: Dataset,
) -> Model:
    model = Model.create()
    # an early exit still returns the model
    lines = open(data.path).read().splitlines()
    if not lines:
        return model
    with open(model.path, "w") as f:
        f.write(str(len(lines)))
    return model


@pipeline
def train(rows: int = 3) -> None:
    made = make(rows=rows)
    fit(data=made)
