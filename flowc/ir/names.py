"""Engine naming rules: turn flowc names into names each engine accepts, deterministically.

Task, pipeline and node names come from Python identifiers or a `name=` option
(`"inner-pipeline"`, `"my task"`, `"données"`, a module-qualified `pkg.mod.extract`).
Each engine has its own rules; every backend sanitizes through these functions so
that `flowc check` can report a name that cannot be made valid, or two names that
become the same (at both of them), before any backend runs.

Node ids are Python identifiers (the reader sanitizes them with `python_name`), so
they never contain `-`: backends name their own helper steps with a `-`
(`flowc-results`, `cond_1-then`), a namespace no user name can reach.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Literal

from flowc.ir import codes
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.model import Program, iter_nodes
from flowc.ir.span import Span

Engine = Literal["kfp", "airflow", "flyte"]
ENGINES: tuple[Engine, ...] = ("kfp", "airflow", "flyte")

MAX_LENGTH = 63  # Kubernetes label values and Argo node names are the tightest limit


def ascii_fold(name: str) -> str:
    """`name` in ASCII: accents dropped (`données` -> `donnees`), other letters as `u<hex>`.

    >>> ascii_fold("données"), ascii_fold("数据")
    ('donnees', 'u6570u636e')
    """
    out: list[str] = []
    for ch in name:
        if ch.isascii():
            out.append(ch)
            continue
        plain = "".join(c for c in unicodedata.normalize("NFKD", ch) if c.isascii())
        out.append(plain if plain else f"u{ord(ch):04x}" if ch.isalnum() else " ")
    return "".join(out)


def fresh_name(base: str, taken: set[str], sep: str = "_") -> str:
    """`base`, or `base<sep>2`, `base<sep>3`, ...: the first not in `taken`, which it joins.

    >>> taken = {"train"}
    >>> fresh_name("train", taken), fresh_name("train", taken), fresh_name("load", taken, "-")
    ('train_2', 'train_3', 'load')
    """
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}{sep}{n}"
    taken.add(name)
    return name


def kfp_name(name: str) -> str:
    """KFP component/task names: lowercase letters, digits and dashes (`load_data` -> `load-data`)."""
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(name).lower()).strip("-")


def airflow_name(name: str) -> str:
    """Airflow dag_id: letters, digits, `_` and `-` (dots are group separators, so avoided)."""
    return re.sub(r"[^A-Za-z0-9_-]+", "_", ascii_fold(name)).strip("_")


def python_name(name: str) -> str:
    """A Python identifier (node ids, Flyte task and workflow functions, generated modules).

    >>> python_name("inner-pipeline"), python_name("my task"), python_name("pkg.mod.extract")
    ('inner_pipeline', 'my_task', 'pkg_mod_extract')
    """
    s = re.sub(r"\W+", "_", ascii_fold(name), flags=re.ASCII).strip("_")
    if s and s[0].isdigit():
        s = "_" + s
    return s


def is_node_id(text: str) -> bool:
    """What the IR requires of node ids: an ASCII Python identifier (so never a `-`)."""
    return text.isascii() and text.isidentifier()


SANITIZERS = {"kfp": kfp_name, "airflow": airflow_name, "flyte": python_name}


def engine_name(name: str, engine: Engine) -> str:
    return SANITIZERS[engine](name)


def name_problem(name: str) -> str | None:
    """Why `name` cannot be made valid for every engine, or None when it can."""
    for engine in ENGINES:
        sanitized = engine_name(name, engine)
        if not sanitized or not any(ch.isalpha() for ch in sanitized):
            return f"it has no letters left on {engine}"
        if len(sanitized) > MAX_LENGTH:
            return f"it is longer than {MAX_LENGTH} characters"
    return None


def collisions(names: list[str]) -> list[tuple[str, str, str, Engine]]:
    """Pairs of distinct names that sanitize to the same name on some engine.

    Returns (first, second, sanitized, engine) in input order, each pair once.
    """
    found: list[tuple[str, str, str, Engine]] = []
    seen_pairs: set[tuple[str, str]] = set()
    for engine in ENGINES:
        owner: dict[str, str] = {}
        for name in names:
            key = engine_name(name, engine)
            if engine == "kfp":
                key = key.lower()
            first = owner.setdefault(key, name)
            if first != name and (first, name) not in seen_pairs:
                seen_pairs.add((first, name))
                found.append((first, name, key, engine))
    return found


def name_diagnostics(program: Program) -> Iterator[Diagnostic]:
    """Duplicate pipelines, names no engine can take, and collisions after sanitizing (at both names)."""
    seen: set[str] = set()
    for pipeline in program.pipelines:
        if pipeline.name in seen:
            yield Diagnostic.of(codes.DUPLICATE_PIPELINE, pipeline.span, pipeline.name)
        seen.add(pipeline.name)
    named = [(t.name, t.span) for t in program.tasks] + [(p.name, p.span) for p in program.pipelines]
    spans: dict[str, Span | None] = {}
    for name, span in named:
        spans.setdefault(name, span)  # the first definition of a name
    for name, span in spans.items():
        if (problem := name_problem(name)) is not None:
            yield Diagnostic.of(codes.BAD_NAME, span, name, hint=f"{problem}; use letters, digits and underscores")
    yield from _collisions_at_both(spans)
    for pipeline in program.pipelines:
        nodes = {n.id: n.span or pipeline.span for n in iter_nodes(pipeline.body)}
        for node_id, span in nodes.items():
            if not is_node_id(node_id):
                yield Diagnostic.of(codes.BAD_NAME, span, node_id, hint="node ids are Python identifiers")
        yield from _collisions_at_both(nodes)


def _collisions_at_both(spans: dict[str, Span | None]) -> Iterator[Diagnostic]:
    for first, second, sanitized, engine in collisions(list(spans)):
        yield Diagnostic.of(codes.NAME_COLLISION, spans[second], first, second, sanitized, engine)
        yield Diagnostic.of(codes.NAME_COLLISION, spans[first], second, first, sanitized, engine)
