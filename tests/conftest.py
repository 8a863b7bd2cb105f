"""Fixtures shared by every test layer."""

from __future__ import annotations

import builtins
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

# Example files (and their `reporting` package) as the conformance suite sees them.
EXAMPLE_FILES: dict[str, Path] = {
    "churn": EXAMPLES / "churn.py",
    "feature_etl": EXAMPLES / "feature_etl.py",
    "batch_inference": EXAMPLES / "batch_inference.py",
    "grid_search": EXAMPLES / "grid_search.py",
    "weekly_report": EXAMPLES / "reporting" / "weekly.py",
}


def registered_backends() -> list[str]:
    """Every backend the registry knows (built-ins and entry points): what tests parametrize over."""
    from flowc.backends import registry

    return registry.available()


@pytest.fixture(autouse=True, scope="session")
def _check_cache_outside_the_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """`flowc check` keeps results in `.flowc/` and a signing key in the user cache dir: the tests' go to a temp dir."""
    base = tmp_path_factory.mktemp("flowc-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(base / "user"))
        patch.setenv("FLOWC_CACHE_DIR", str(base / "project"))
        yield


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def load_example() -> Callable[[str], object]:
    """Load one example file into a checked Program (fails the test on any error).

    `optimize=False` gives the program as written (no fusion): for tests of how a
    backend renders each construct rather than of what the optimizer made of it.
    """
    from flowc import api

    cache: dict[tuple[str, bool], object] = {}

    def load(name: str, optimize: bool = True) -> object:
        if (name, optimize) not in cache:
            # Named from the repository's root, as a user compiles them: the path is written
            # into artifacts (tracebacks point at it), and snapshots must not hold this machine's.
            with pytest.MonkeyPatch.context() as patch:
                patch.chdir(ROOT)
                loaded = api.load([EXAMPLE_FILES[name].relative_to(ROOT)], root=EXAMPLES, optimize=optimize)
            assert loaded.ok, api.render(loaded.diagnostics, loaded.sources)
            cache[(name, optimize)] = loaded.program
        return cache[(name, optimize)]

    return load


def pytest_configure(config: pytest.Config) -> None:
    sys.dont_write_bytecode = True


@pytest.fixture(autouse=True)
def _print_restored() -> Iterator[None]:
    """`print` as it was before each test. kfp.local indents a task's output by swapping
    `builtins.print` for a wrapper around each task (kfp/local/logging_utils.py, indented_print);
    a CI worker was seen printing through dozens of such nested wrappers left by earlier runs,
    so its output gained padding and printing slowed to a crawl."""
    original = builtins.print
    yield
    builtins.print = original
