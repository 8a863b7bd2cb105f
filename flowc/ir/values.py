"""What a task option or a literal may hold so that every engine takes it as written.

Option strings reach a package manager (`packages`), a process environment (`env`)
and Kubernetes (`secrets`), so each is held to the strictest rule of the three
engines, never to "whatever the shell would accept". Numbers are held to the
engines' integer and float types (see `EngineLimits`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from flowc.ir.base import JsonValue

# PEP 508, strictly: a project name, extras, then versions, a URL or nothing, then a marker.
_NAME = r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?"
_VERSION = r"(?:===|==|!=|<=|>=|~=|<|>)\s*[A-Za-z0-9.*+!_-]+"
_VERSIONS = rf"{_VERSION}(?:\s*,\s*{_VERSION})*"
_URL = r"@\s*[A-Za-z][A-Za-z0-9+.-]*://[^\s;]+"
_MARKER = r";\s*[A-Za-z0-9_.'\"()<>=!~, -]+"
_REQUIREMENT = re.compile(
    rf"{_NAME}\s*(?:\[\s*{_NAME}(?:\s*,\s*{_NAME})*\s*\])?\s*"
    rf"(?:{_VERSIONS}|\(\s*{_VERSIONS}\s*\)|{_URL}\s*)?\s*(?:{_MARKER})?",
    re.ASCII,
)
# What a POSIX shell, os.environ and a Kubernetes container all take as a variable name.
_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*", re.ASCII)
# Kubernetes object names (Secrets): a DNS-1123 subdomain.
_DNS_1123 = re.compile(r"[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*", re.ASCII)
RESERVED_ENV_PREFIX = "FLOWC_"  # the runtimes pass inputs and outputs in FLOWC_* variables


def requirement_problem(text: str) -> str | None:
    """Why `text` is not a PEP 508 requirement flowc may hand to pip, or None."""
    if text.lstrip().startswith("-"):
        return "it starts with '-', so pip would read it as an option"
    if not _REQUIREMENT.fullmatch(text.strip()):
        return "it is not a requirement specifier such as 'pandas==2.2.3' or 'scikit-learn>=1.4'"
    return None


def env_name_problem(name: str) -> str | None:
    """Why `name` cannot be an environment variable name on every engine, or None."""
    if not _ENV_NAME.fullmatch(name):
        return "use letters, digits and '_', not starting with a digit"
    if name.upper().startswith(RESERVED_ENV_PREFIX):
        return f"names starting with {RESERVED_ENV_PREFIX} are flowc's own"
    return None


def secret_name_problem(name: str) -> str | None:
    """Why `name` is not a Kubernetes Secret name (DNS-1123 subdomain), or None."""
    if len(name) > 253 or not _DNS_1123.fullmatch(name):
        return "a Kubernetes Secret name is lowercase letters, digits, '-' and '.', starting and ending with a letter or digit"
    return None


def non_finite(value: JsonValue) -> float | None:
    """The first inf or nan inside `value` (JSON and most engines cannot hold them), or None."""
    for number in numbers(value):
        if isinstance(number, float) and not math.isfinite(number):
            return number
    return None


def numbers(value: JsonValue) -> Iterator[int | float]:
    """Every int and float inside a JSON value (bools excluded)."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return
    if isinstance(value, (int, float)):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from numbers(item)
    else:
        for item in value.values():
            yield from numbers(item)


@dataclass(frozen=True)
class EngineLimits:
    """The numbers an engine can hold: literal ints, retry counts and timeouts (seconds)."""

    max_int: int | None  # largest |int| a literal may have; None = unbounded
    int_reason: str
    max_retries: int
    retries_reason: str
    max_timeout: int
    timeout_reason: str
    presets: frozenset[str] | None  # cron presets the engine's scheduler accepts; None: no schedules


_INT32 = 2**31 - 1
_ALL_PRESETS = frozenset({"@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly", "@once"})
LIMITS: dict[str, EngineLimits] = {
    # PipelineSpec parameter values are google.protobuf.Value: a double holds ints exactly up to 2**53.
    "kfp": EngineLimits(
        2**53, "KFP stores numbers as doubles, exact only up to 2**53",
        _INT32, "RetryPolicy.max_retry_count is an int32",
        2**63 - 1, "activeDeadlineSeconds is an int64",
        None,  # KFP specs carry no schedule; nothing to check
    ),
    # Airflow keeps params as JSON (Python ints); try_number/max_tries are INTEGER columns;
    # execution_timeout is a datetime.timedelta (at most 999999999 days).
    "airflow": EngineLimits(
        None, "",
        _INT32, "Airflow stores retries in an INTEGER column",
        999_999_999 * 86_400, "a datetime.timedelta holds at most 999999999 days",
        _ALL_PRESETS,
    ),
    # Flyte literals are int64; RetryStrategy.retries is a uint32;
    # timeouts are google.protobuf.Duration (+-315,576,000,000 s).
    "flyte": EngineLimits(
        2**63 - 1, "Flyte integers are int64",
        2**32 - 1, "Flyte's RetryStrategy.retries is a uint32",
        315_576_000_000, "Flyte timeouts are protobuf Durations (at most 10,000 years)",
        _ALL_PRESETS - {"@once"},  # flytekit CronSchedule: croniter or its alias list, no @once
    ),
}
