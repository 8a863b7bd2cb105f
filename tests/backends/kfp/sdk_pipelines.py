# pyright: reportAttributeAccessIssue=false, reportArgumentType=false, reportCallIssue=false, reportInvalidTypeForm=false
"""The examples written again with the kfp SDK, for the differential test.

kfp's decorators return untyped wrappers (a component call returns a PipelineTask,
not what the function is annotated with), so pyright's attribute and argument
checks are off for this file.

Bodies are irrelevant here (only the DAG is compared), so components are stubs with
the same names, types, images and options as the flowc tasks.
"""


from typing import Any, NamedTuple

from kfp import dsl, kubernetes
from kfp.dsl import Dataset, Input, Metrics, Model, Output

IMAGE = "python:3.12-slim"


def churn() -> Any:
    @dsl.component(base_image=IMAGE)
    def load(rows: int = 200) -> Dataset: ...  # type: ignore[empty-body]

    @dsl.component(base_image=IMAGE)
    def split(data: Input[Dataset], ratio: float = 0.8) -> NamedTuple("Split", [("train", Dataset), ("test", Dataset)]): ...  # type: ignore

    @dsl.component(base_image=IMAGE)
    def train(data: Input[Dataset], lr: float) -> Model: ...  # type: ignore[empty-body]

    @dsl.component(base_image=IMAGE)
    def pick(models: Input[list[Model]], data: Input[Dataset]) -> Model: ...  # type: ignore[empty-body]

    @dsl.component(base_image=IMAGE)
    def evaluate(model: Input[Model], data: Input[Dataset]) -> float: ...  # type: ignore[empty-body]

    @dsl.container_component
    def publish(model: Input[Model], tag: str) -> dsl.ContainerSpec:
        return dsl.ContainerSpec(image="busybox:1.36", command=["sh", "-c", "echo", model.path, tag])

    @dsl.pipeline(name="churn")
    def pipeline(rows: int = 200, lrs: list[float] = [0.5, 5.0], bar: float = 0.9) -> float:  # noqa: B006
        loaded = load(rows=rows).set_retry(2).set_cpu_limit("1").set_cpu_request("1")
        loaded.set_memory_limit("2Gi").set_memory_request("2Gi")
        parts = split(data=loaded.output)
        with dsl.ParallelFor(lrs) as lr:
            trained = train(data=parts.outputs["train"], lr=lr)
            trained.set_cpu_limit("2").set_cpu_request("2").set_memory_limit("4Gi").set_memory_request("4Gi")
            kubernetes.set_timeout(trained, 1800)
        best = pick(models=dsl.Collected(trained.output), data=parts.outputs["test"]).set_caching_options(False)
        score = evaluate(model=best.output, data=parts.outputs["test"]).set_caching_options(False)
        with dsl.If(score.output > bar):
            publish(model=best.output, tag="prod").set_caching_options(False).set_env_variable("REGISTRY", "ghcr.io/acme/models")
        return score.output

    return pipeline


def batch_inference() -> Any:
    @dsl.component(base_image=IMAGE)
    def plan_shards(count: int = 3, prefix: str = "shard") -> list[str]: ...  # type: ignore[empty-body]

    @dsl.container_component
    def score_shard(shard: str, output: dsl.OutputPath(int)) -> dsl.ContainerSpec:  # type: ignore[valid-type]
        return dsl.ContainerSpec(image="busybox:1.36", command=["sh", "-c", "x", shard, output])

    @dsl.component(base_image=IMAGE)
    def audit(shard: str) -> None: ...

    @dsl.component(base_image=IMAGE)
    def total(counts: list[int]) -> int: ...  # type: ignore[empty-body]

    @dsl.component(base_image=IMAGE)
    def report(total: int, shards: list[str]) -> Metrics: ...  # type: ignore[empty-body]

    @dsl.pipeline(name="batch-inference")
    def pipeline(count: int = 3) -> int:
        shards = plan_shards(count=count)
        with dsl.ParallelFor(shards.output) as s:
            scored = score_shard(shard=s).set_caching_options(False).set_retry(1)
            scored.set_cpu_limit("500m").set_cpu_request("500m").set_memory_limit("256Mi").set_memory_request("256Mi")
            kubernetes.set_timeout(scored, 600)
        with dsl.ParallelFor(shards.output) as s:
            audited = audit(shard=s).set_caching_options(False).set_env_variable("AUDIT_LEVEL", "full")
            kubernetes.use_secret_as_volume(audited, secret_name="audit-token", mount_path="/var/secrets/audit-token")
        n = total(counts=dsl.Collected(scored.output)).set_caching_options(False)
        # flowc's `with after(counts)` waits for the fan-out; the SDK cannot name a task inside a
        # ParallelFor in .after(), and the wait is implied through `total` (the comparison reduces edges).
        report(total=n.output, shards=shards.output).set_caching_options(False)
        return n.output

    return pipeline


def feature_etl() -> Any:
    @dsl.component(base_image=IMAGE)
    def parse(raw: str) -> list[dict[str, str]]: ...  # type: ignore[empty-body]

    @dsl.component(base_image=IMAGE)
    def clean(records: list[dict[str, str]], min_count: int = 1) -> list[dict[str, str]]: ...  # type: ignore[empty-body]

    @dsl.component(base_image=IMAGE)
    def featurize(records: list[dict[str, str]]) -> dict[str, list[int]]: ...  # type: ignore[empty-body]

    @dsl.component(base_image=IMAGE)
    def summarize(features: dict[str, list[int]]) -> int: ...  # type: ignore[empty-body]

    events = "u1,click,3;u2,view,1;u1,view,2;u3,click,5;u2,click,4;bad-row;u3,view,0"

    @dsl.pipeline(name="feature-etl")
    def pipeline(raw: str = events, min_count: int = 1) -> int:
        records = clean(records=parse(raw=raw).output, min_count=min_count)
        return summarize(features=featurize(records=records.output).output).output

    return pipeline


def weekly_report() -> Any:
    """weekly_report without its last `if` (`a and not b` has no kfp SDK spelling as one condition)."""

    @dsl.component(base_image=IMAGE)
    def fetch_sales(region: str, day: str) -> Dataset: ...  # type: ignore[empty-body]

    @dsl.component(base_image=IMAGE)
    def region_total(data: Input[Dataset]) -> float: ...  # type: ignore[empty-body]

    @dsl.component(base_image=IMAGE)
    def combine(totals: list[float]) -> float: ...  # type: ignore[empty-body]

    @dsl.component(base_image=IMAGE)
    def render_full(regions: list[str], totals: list[float]) -> str: ...  # type: ignore[empty-body]

    @dsl.component(base_image=IMAGE)
    def render_short(overall: float) -> str: ...  # type: ignore[empty-body]

    @dsl.component(base_image=IMAGE)
    def announce(overall: float) -> str: ...  # type: ignore[empty-body]

    @dsl.component(base_image=IMAGE)
    def archive(text: str) -> None: ...

    @dsl.pipeline(name="region-report")
    def region_report(region: str, day: str = "2026-11-02") -> float:
        data = fetch_sales(region=region, day=day)
        return region_total(data=data.output).output

    outputs = NamedTuple("Outputs", [("output_0", float), ("output_1", str)])

    @dsl.pipeline(name="weekly-report")
    def pipeline(
        regions: list[str] = ["emea", "amer", "apac"], day: str = "2026-11-02", mode: str = "full", record: float = 1000.0  # noqa: B006
    ) -> outputs:  # type: ignore[valid-type]
        with dsl.ParallelFor(regions) as r:
            totals = region_report(region=r, day=day)
        overall = combine(totals=dsl.Collected(totals.output)).set_caching_options(False)
        with dsl.If(mode == "full"):
            full = render_full(regions=regions, totals=dsl.Collected(totals.output)).set_caching_options(False)
        with dsl.Elif(mode == "short"):
            short = render_short(overall=overall.output).set_caching_options(False)
        with dsl.Else():
            other = announce(overall=overall.output).set_caching_options(False)
        text = dsl.OneOf(full.output, short.output, other.output)
        archive(text=text).set_caching_options(False)
        return outputs(output_0=overall.output, output_1=text)

    return pipeline


def grid_search() -> Any:
    """grid_search without its `if` (`a or b` has no kfp SDK spelling as one condition)."""

    @dsl.component(base_image=IMAGE)
    def simulate(depth: int, width: int, noise: float = -0.25) -> float: ...  # type: ignore[empty-body]

    @dsl.component(base_image=IMAGE)
    def summarize_grid(scores: list[list[float]]) -> NamedTuple("Summary", [("best", float), ("runs", int)]): ...  # type: ignore

    @dsl.component(base_image=IMAGE)
    def record(best: float, count: int) -> Metrics: ...  # type: ignore[empty-body]

    outputs = NamedTuple("Outputs", [("output_0", float), ("output_1", int)])

    @dsl.pipeline(name="grid-search")
    def pipeline(depths: list[int] = [2, 3], widths: list[int] = [4, 8, 16], floor: float = 25.0) -> outputs:  # type: ignore[valid-type]  # noqa: B006
        with dsl.ParallelFor(depths) as d:
            with dsl.ParallelFor(widths) as w:
                scored = simulate(depth=d, width=w)
        summary = summarize_grid(scores=dsl.Collected(scored.output)).set_caching_options(False)
        record(best=summary.outputs["best"], count=summary.outputs["runs"]).set_caching_options(False)
        return outputs(output_0=summary.outputs["best"], output_1=summary.outputs["runs"])

    return pipeline
