"""Backend options: declared once per backend, parsed here for every backend.

A backend lists its options as `BackendOption`s (name, kind, default, one-line doc).
Values arrive as strings from `-O target.key=value` or as TOML values from
`[tool.flowc.<target>]`; `parse_options` turns both into typed values with the
defaults filled in, and every unknown name or bad value into a diagnostic (never an
exception), so no backend re-implements int, bool, choice or list parsing.

>>> opt = BackendOption("width", "how wide", 8, kind="int", minimum=1)
>>> parse_options("demo", (opt,), {"width": "12"})[0]
{'width': 12}
>>> [d.code for d in parse_options("demo", (opt,), {"width": "1e400", "colour": "red"})[1]]
['FLC811', 'FLC810']
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from flowc.ir import codes
from flowc.ir.diagnostics import Diagnostic

OptionKind = Literal["str", "int", "bool", "choice", "list"]
OptionValue = str | int | bool | tuple[str, ...] | None

TRUE = ("true", "1", "yes", "on")
FALSE = ("false", "0", "no", "off")
_WHOLE = re.compile(r"[+-]?[0-9]{1,18}")


class OptionError(ValueError):
    """A value an option cannot take; the message says what it expects."""


@dataclass(frozen=True)
class BackendOption:
    """An option a backend accepts (`-O <backend>.<name>=value` or `[tool.flowc.<backend>]`)."""

    name: str
    help: str
    default: OptionValue = None
    choices: tuple[str, ...] = ()
    kind: OptionKind = "str"
    minimum: int | None = None
    maximum: int = 2**31 - 1  # engines keep these in 32-bit fields

    def parse(self, raw: object) -> OptionValue:
        """The typed value of `raw`, or OptionError saying what was expected."""
        value = _PARSERS[self.kind](raw, self)
        if isinstance(value, int) and not isinstance(value, bool):
            if self.minimum is not None and value < self.minimum:
                raise OptionError(f"expected a whole number >= {self.minimum}, got {value}")
            if value > self.maximum:
                raise OptionError(f"expected a whole number <= {self.maximum}, got {value}")
        return value

    @property
    def type_name(self) -> str:
        """How the option's type reads in help and docs."""
        if self.kind == "choice":
            return " | ".join(self.choices)
        return {"str": "string", "int": "integer", "bool": "true/false", "list": "list of strings"}.get(self.kind, self.kind)


def _str(raw: object, option: BackendOption) -> OptionValue:
    if not isinstance(raw, str):
        raise OptionError(f"expected a string, got {raw!r}")
    return raw


def _int(raw: object, option: BackendOption) -> OptionValue:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and _WHOLE.fullmatch(raw.strip()):
        return int(raw.strip())
    raise OptionError(f"expected a whole number, got {raw!r}")


def _bool(raw: object, option: BackendOption) -> OptionValue:
    if isinstance(raw, bool):
        return raw
    text = raw.strip().lower() if isinstance(raw, str) else None
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise OptionError(f"expected true or false, got {raw!r}")


def _choice(raw: object, option: BackendOption) -> OptionValue:
    text = raw.strip().lower() if isinstance(raw, str) else None
    if text not in option.choices:
        raise OptionError(f"expected one of {', '.join(option.choices)}, got {raw!r}")
    return text


def _list(raw: object, option: BackendOption) -> OptionValue:
    items: object = raw
    if isinstance(raw, str):
        text = raw.strip()
        items = _json_list(text) if text.startswith("[") else [t.strip() for t in text.split(",") if t.strip()]
    if isinstance(items, (list, tuple)) and all(isinstance(i, str) for i in items):  # pyright: ignore[reportUnknownVariableType]
        return tuple(items)  # pyright: ignore[reportUnknownArgumentType]
    raise OptionError(f"expected a list of strings (a, b or [\"a\", \"b\"]), got {raw!r}")


def _json_list(text: str) -> object:
    try:
        return json.loads(text)
    except ValueError as exc:
        raise OptionError(f"expected a JSON list of strings, got {text!r}") from exc


_PARSERS: dict[OptionKind, Callable[[object, BackendOption], OptionValue]] = {
    "str": _str, "int": _int, "bool": _bool, "choice": _choice, "list": _list,
}


def parse_options(
    backend: str, declared: tuple[BackendOption, ...], raw: Mapping[str, object]
) -> tuple[dict[str, OptionValue], list[Diagnostic]]:
    """Every declared option's typed value (defaults filled in), and a diagnostic per problem."""
    values, problems = parse_options_by_name(backend, declared, raw)
    return values, [d for _, d in problems]


def parse_options_by_name(
    backend: str, declared: tuple[BackendOption, ...], raw: Mapping[str, object]
) -> tuple[dict[str, OptionValue], list[tuple[str, Diagnostic]]]:
    """As `parse_options`, each problem paired with the option name it is about (to locate it)."""
    values: dict[str, OptionValue] = {o.name: o.default for o in declared}
    problems: list[tuple[str, Diagnostic]] = []
    for option in declared:
        if option.name not in raw:
            continue
        try:
            values[option.name] = option.parse(raw[option.name])
        except OptionError as exc:
            bad = Diagnostic.of(codes.BAD_BACKEND_OPTION, None, backend, option.name, str(exc), hint=option_hint(option))
            problems.append((option.name, bad))
    for name in sorted(set(raw) - set(values)):
        problems.append((name, Diagnostic.of(codes.UNKNOWN_BACKEND_OPTION, None, backend, name, hint=valid_options_hint(declared))))
    return values, problems


def option_values(declared: tuple[BackendOption, ...], raw: Mapping[str, object]) -> dict[str, OptionValue]:
    """Typed values of parsed or raw options; what does not parse keeps its default.

    The driver reports the problems; this lets a backend's `emit` take either form.
    """
    return parse_options("", declared, {k: v for k, v in raw.items() if any(o.name == k for o in declared)})[0]


def option_hint(option: BackendOption) -> str:
    return f"{option.name} ({option.type_name}, default {format_default(option.default)}): {option.help}"


def valid_options_hint(declared: tuple[BackendOption, ...]) -> str:
    if not declared:
        return "this backend takes no options"
    return "valid options: " + ", ".join(o.name for o in declared)


def format_default(value: OptionValue) -> str:
    """A default as a user would write it on the command line."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return ",".join(value) or "(empty)"
    return str(value) if value != "" else "(empty)"
