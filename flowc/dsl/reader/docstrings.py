"""Parameter descriptions from a Google-style docstring's `Args:` section."""

from __future__ import annotations

import re

from flowc.ir.span import source_lines

_SECTION = re.compile(r"^\s*(Args|Arguments|Parameters|Params)\s*:\s*$")
_OTHER_SECTION = re.compile(r"^\s*[A-Z][A-Za-z ]*:\s*$")
_ENTRY = re.compile(r"^(\*{0,2}\w+)\s*(\([^)]*\))?\s*:\s*(.*)$")


def arg_descriptions(doc: str | None) -> dict[str, str]:
    """`{"uri": "Where to read from."}` from an `Args:` section; {} when there is none."""
    if not doc:
        return {}
    lines = source_lines(doc)
    start = next((i for i, line in enumerate(lines) if _SECTION.match(line)), None)
    if start is None:
        return {}
    out: dict[str, list[str]] = {}
    current: str | None = None
    indent: int | None = None
    for line in lines[start + 1 :]:
        if not line.strip():
            continue
        width = len(line) - len(line.lstrip())
        if _OTHER_SECTION.match(line) and (indent is None or width < indent):
            break
        if indent is None:
            indent = width
        if width < indent:
            break
        entry = _ENTRY.match(line.strip())
        if width == indent and entry:
            name: str = entry.group(1).lstrip("*")
            out[name] = [entry.group(3).strip()]
            current = name
        elif current is not None and current in out:
            out[current].append(line.strip())
    return {name: " ".join(p for p in parts if p) for name, parts in out.items()}
