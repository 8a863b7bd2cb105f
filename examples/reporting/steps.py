"""Steps shared by the reporting pipelines."""

import hashlib
import json

from flowc import Dataset, task

IMAGE = "python:3.12-slim"


def region_seed(region: str, day: str) -> int:
    return int(hashlib.sha256(f"{region}/{day}".encode()).hexdigest()[:6], 16)


@task(image=IMAGE, cache=True)
def fetch_sales(region: str, day: str) -> Dataset:
    """Sales of one region on one day (synthetic, deterministic)."""
    seed = region_seed(region, day)
    sales = [(seed >> shift) % 100 for shift in range(0, 20, 4)]
    out = Dataset.create()
    with open(out.path, "w") as fh:
        json.dump({"region": region, "day": day, "sales": sales}, fh)
    return out


@task(image=IMAGE, cache=True)
def region_total(data: Dataset) -> float:
    with open(data.path) as fh:
        return float(sum(json.load(fh)["sales"]))


@task(image=IMAGE)
def combine(totals: list[float]) -> float:
    return sum(totals)


@task(image=IMAGE)
def render_full(regions: list[str], totals: list[float]) -> str:
    lines = [f"{r}: {t:.0f}" for r, t in zip(regions, totals)]
    return "\n".join(lines)


@task(image=IMAGE)
def render_short(overall: float) -> str:
    return f"total: {overall:.0f}"


@task(image=IMAGE)
def archive(text: str) -> None:
    print(text)
