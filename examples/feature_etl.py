"""Feature ETL: a chain of light, cacheable steps that the optimizer can fuse.

Raw click events are parsed, cleaned, turned into per-user features and summarized.
Each step is small and shares its image with its neighbours: on an engine, flowc
runs the chain as one task instead of paying a pod start per step.
"""

from flowc import pipeline, task

IMAGE = "python:3.12-slim"
DEFAULT_EVENTS = "u1,click,3;u2,view,1;u1,view,2;u3,click,5;u2,click,4;bad-row;u3,view,0"
MIN_COUNT = 1


@task(image=IMAGE, cache=True)
def parse(raw: str) -> list[dict[str, str]]:
    """Split `user,action,count;...` into records, skipping malformed rows."""
    records: list[dict[str, str]] = []
    for row in raw.split(";"):
        parts = row.split(",")
        if len(parts) == 3:
            records.append({"user": parts[0], "action": parts[1], "count": parts[2]})
    return records


@task(image=IMAGE, cache=True)
def clean(records: list[dict[str, str]], min_count: int = MIN_COUNT) -> list[dict[str, str]]:
    """Drop events below `min_count`."""
    return [r for r in records if int(r["count"]) >= min_count]


@task(image=IMAGE, cache=True)
def featurize(records: list[dict[str, str]]) -> dict[str, list[int]]:
    """Per user: [clicks, views]."""
    features: dict[str, list[int]] = {}
    for r in records:
        slot = 0 if r["action"] == "click" else 1
        features.setdefault(r["user"], [0, 0])[slot] += int(r["count"])
    return dict(sorted(features.items()))


@task(image=IMAGE, cache=True)
def summarize(features: dict[str, list[int]]) -> int:
    """Total clicks across users."""
    return sum(v[0] for v in features.values())


@pipeline(schedule="@daily")
def feature_etl(raw: str = DEFAULT_EVENTS, min_count: int = MIN_COUNT) -> int:
    """Parse, clean and featurize click events; return the total click count."""
    records = clean(records=parse(raw=raw), min_count=min_count)
    return summarize(features=featurize(records=records))
