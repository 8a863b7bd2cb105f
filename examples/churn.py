"""Churn model training: a hyper-parameter fan-out, its fan-in, and a quality gate.

A synthetic customer table is split, a logistic model is trained once per learning
rate in parallel, the best model is picked on the test split, and it is published
only when its accuracy clears the bar. Everything runs on the standard library, so
the pipeline runs anywhere a Python image does.
"""

import csv
import json
import math
import random
from typing import NamedTuple

from flowc import Dataset, Model, Resources, container_task, pipeline, task

IMAGE = "python:3.12-slim"
SEED = 7
EPOCHS = 40


class Split(NamedTuple):
    train: Dataset
    test: Dataset


def read_rows(path: str) -> list[tuple[float, int]]:
    """(tenure in years, churned) pairs from a CSV written by `load`."""
    with open(path, newline="") as fh:
        return [(float(r["tenure"]) / 12.0, int(r["churned"])) for r in csv.DictReader(fh)]


def write_rows(path: str, rows: list[tuple[float, int]]) -> None:
    with open(path, "w", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["tenure", "churned"])
        for tenure, churned in rows:
            out.writerow([round(tenure * 12.0), churned])


def predict(weights: dict[str, float], tenure: float) -> int:
    z = weights["w"] * tenure + weights["b"]
    return int(1.0 / (1.0 + math.exp(-z)) >= 0.5)


@task(image=IMAGE, retries=2, resources=Resources(cpu="1", memory="2Gi"), cache=True)
def load(rows: int = 200) -> Dataset:
    """Generate a customer table: short-tenure customers churn."""
    rng = random.Random(SEED)
    out = Dataset.create()
    data: list[tuple[float, int]] = []
    for _ in range(rows):
        months = rng.randint(1, 72)
        data.append((months / 12.0, int(months < 12)))
    write_rows(out.path, data)
    return out


@task(image=IMAGE, cache=True)
def split(data: Dataset, ratio: float = 0.8) -> Split:
    """Split the table in two, keeping row order."""
    rows = read_rows(data.path)
    cut = int(len(rows) * ratio)
    train_set, test_set = Dataset.create(), Dataset.create()
    write_rows(train_set.path, rows[:cut])
    write_rows(test_set.path, rows[cut:])
    return Split(train=train_set, test=test_set)


@task(image=IMAGE, resources=Resources(cpu="2", memory="4Gi"), timeout="30m", cache=True)
def train(data: Dataset, lr: float) -> Model:
    """Fit a one-feature logistic regression by gradient descent."""
    rows = read_rows(data.path)
    w, b = 0.0, 0.0
    for _ in range(EPOCHS):
        gw = gb = 0.0
        for x, y in rows:
            p = 1.0 / (1.0 + math.exp(-(w * x + b)))
            gw += (p - y) * x
            gb += p - y
        w -= lr * gw / len(rows)
        b -= lr * gb / len(rows)
    model = Model.create()
    with open(model.path, "w") as fh:
        json.dump({"w": w, "b": b, "lr": lr}, fh)
    return model


def accuracy(model: Model, data: Dataset) -> float:
    with open(model.path) as fh:
        weights = json.load(fh)
    rows = read_rows(data.path)
    hits = sum(predict(weights, x) == y for x, y in rows)
    return round(hits / len(rows), 4)


@task(image=IMAGE)
def pick(models: list[Model], data: Dataset) -> Model:
    """The most accurate model on `data` (the first one on ties)."""
    return max(models, key=lambda m: accuracy(m, data))


@task(image=IMAGE)
def evaluate(model: Model, data: Dataset) -> float:
    """Accuracy of `model` on `data`."""
    return accuracy(model, data)


@container_task(
    image="busybox:1.36",
    command=["sh", "-c", "echo publishing \"$0\" as \"$1\"", "{model}", "{tag}"],
    env={"REGISTRY": "ghcr.io/acme/models"},
)
def publish(model: Model, tag: str) -> None: ...


@pipeline(schedule="0 3 * * *")
def churn(rows: int = 200, lrs: list[float] = [0.5, 5.0], bar: float = 0.9) -> float:
    """Train and publish the churn model.

    Args:
        rows: How many customers to generate.
        lrs: Learning rates to try, one training run each, in parallel.
        bar: Accuracy the best model must beat to be published.
    """
    parts = split(data=load(rows=rows))
    models = [train(data=parts.train, lr=r) for r in lrs]
    best = pick(models=models, data=parts.test)
    score = evaluate(model=best, data=parts.test)
    if score > bar:
        publish(model=best, tag="prod")
    return score
