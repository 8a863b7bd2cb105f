"""Weekly sales report: a sub-pipeline per region, then a branch on the report mode."""

from flowc import after, pipeline, task

from .steps import archive, combine, fetch_sales, region_total, render_full, render_short


@task(image="python:3.12-slim")
def announce(overall: float) -> str:
    return f"record week: {overall:.0f}"


@pipeline
def region_report(region: str, day: str = "2026-11-02") -> float:
    """Total sales of one region."""
    data = fetch_sales(region, day)
    return region_total(data=data)


@pipeline(schedule="@weekly")
def weekly_report(
    regions: list[str] = ["emea", "amer", "apac"],
    day: str = "2026-11-02",
    mode: str = "full",
    record: float = 1000.0,
) -> tuple[float, str]:
    """Report the week's sales per region, in full or short form.

    Args:
        regions: Sales regions, each reported by its own sub-pipeline run.
        day: The first day of the week, as YYYY-MM-DD.
        mode: "full" lists every region, "short" only the total; anything else announces it.
        record: A total above this is announced as a record week.
    """
    totals = [region_report(region=r, day=day) for r in regions]
    overall = combine(totals=totals)
    if mode == "full":
        text = render_full(regions=regions, totals=totals)
    elif mode == "short":
        text = render_short(overall=overall)
    else:
        text = announce(overall=overall)
    done = archive(text=text)
    if overall > record and not mode == "short":
        with after(done):
            announce(overall=overall)
    return overall, text
