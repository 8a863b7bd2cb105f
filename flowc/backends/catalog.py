"""What the registry's backends offer, for people: `flowc targets` and docs/backends.md.

`python -m flowc.backends.catalog` rewrites docs/backends.md from the built-in
backends; a test keeps the page in step with their declarations.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from flowc.backends.base import Backend
from flowc.backends.options import format_default

NAME_EXAMPLE = "load_data.v2"


def targets_listing() -> str:
    """`flowc targets`: every available backend, or why one cannot load."""
    from flowc.backends import registry

    blocks: list[str] = []
    for name in registry.available():
        try:
            blocks.append(targets_text([registry.load(name)]))
        except registry.BackendNotAvailable as exc:
            blocks.append(f"{name}: not available ({exc})")
    return "\n\n".join(blocks)


def targets_text(backends: Sequence[Backend]) -> str:
    """Each backend: its name, what it writes, its name rule and its options."""
    blocks: list[str] = []
    for b in backends:
        lines = [f"{b.name}: {b.description}", f"  names: {NAME_EXAMPLE} -> {b.engine_name(NAME_EXAMPLE)}"]
        if not b.options:
            lines.append("  options: none")
        for o in b.options:
            lines.append(f"  -O {b.name}.{o.name}=<{o.type_name}>  (default {format_default(o.default)})")
            lines.append(f"      {o.help}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


HEADER = """# flowc backends

Every compile target, what it writes, how it names things and the options it takes.
Give options as `-O <target>.<option>=<value>` on the command line or in a
`[tool.flowc.<target>]` table of pyproject.toml; an unknown option or a value of the
wrong type is a diagnostic (FLC810, FLC811). `flowc targets` prints the same for every
installed backend, third-party ones included. This page is generated from the
backends' declarations (`python -m flowc.backends.catalog`).

A third-party backend is a class registered under the `flowc.backends` entry point
group (`[project.entry-points."flowc.backends"] mytarget = "pkg.mod:MyBackend"`) with
`name`, `description`, `options` (a tuple of `flowc.backends.base.BackendOption`),
`engine_name(name)`, `check(program, options)` returning located diagnostics for what
it cannot express (`FLC812` suits them), and `emit(program, options)`. It then takes
part in `-t all`, `flowc targets`, `[tool.flowc.<name>]` and `flowc check`.
"""


def backends_page(backends: Sequence[Backend]) -> str:
    """docs/backends.md: a section per backend with its option table."""
    parts = [HEADER]
    for b in backends:
        parts.append(f"\n## {b.name}\n\n{b.description}.\n\nNames: `{NAME_EXAMPLE}` becomes `{b.engine_name(NAME_EXAMPLE)}`.\n")
        parts.append("\n" + options_table(b))
    return "".join(parts)


def options_table(b: Backend) -> str:
    """A backend's options as a Markdown table (or `No options.`)."""
    if not b.options:
        return "No options.\n"
    rows = ["| option | type | default | what it does |", "| --- | --- | --- | --- |"]
    for o in b.options:
        cells = (f"`{o.name}`", o.type_name, f"`{format_default(o.default)}`", o.help)
        rows.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(rows) + "\n"


def builtin_backends() -> list[Backend]:
    """The backends flowc ships, in their registry order."""
    from flowc.backends import registry

    return [registry.load(name) for name in registry.BUILTIN]


if __name__ == "__main__":
    target = Path(__file__).resolve().parents[2] / "docs" / "backends.md"
    target.write_text(backends_page(builtin_backends()), encoding="utf-8")
    print(f"wrote {target}")
