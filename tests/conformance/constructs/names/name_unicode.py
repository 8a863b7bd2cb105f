"""Task and pipeline `name=` options with non-ASCII letters."""

from flowc import pipeline, task


@task(name="größe-berechnen")
def compute_size(s: str) -> int:
    return len(s)


@task(name="résumé")
def summary(n: int) -> str:
    return f"taille {n}"


@pipeline(name="namen-prüfung")
def name_unicode(s: str = "straße") -> str:
    return summary(n=compute_size(s=s))
