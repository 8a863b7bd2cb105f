"""A project module the bad-input fixtures import from (not itself a fixture)."""

from flowc import task


def plain(x: int) -> int:
    return x


@task
def real(x: int) -> int: ...
