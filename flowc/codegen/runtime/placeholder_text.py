# pyright: standard
# (not strict: pasted verbatim into generated runtimes, it renders untyped JSON values.)
"""The one value-to-text rule for container-command placeholders (pasted into runtimes, never imported there).

KFP's launcher fills `{{$.inputs.parameters['x']}}` itself (`backend/src/v2/component/
launcher_v2.go`, `getPlaceholders`), so its rule is the rule; every other runtime that
fills placeholders (Airflow, Flyte local runs) pastes this file and gives the same text:

- str: the string itself; bool: `true` / `false`; int: decimal digits;
- float: the shortest digits that read back as the same float, never an exponent,
  no trailing `.0` (Go's `strconv.FormatFloat(f, 'f', -1, 64)`): 1.0 -> `1`, 1e-7 -> `0.0000001`;
- list, dict: compact JSON with sorted keys, as Go's `json.Marshal` writes a protobuf
  `ListValue`/`Struct` (numbers as JSON numbers without `.0`, exponents outside
  [1e-6, 1e21) such as `1e+21` and `1e-7`; `<`, `>`, `&`, U+2028 and U+2029 escaped as `\\u003c` ...);
- None (an optional input with no value): the empty string;
- an artifact (filled by the caller, which knows the declared type): its local path.
"""

from __future__ import annotations

# --- placeholder text ---


def _flowc_fixed_number(value):
    """A number as Go's FormatFloat(f, 'f', -1, 64) writes it."""
    import decimal

    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    text = format(decimal.Decimal(repr(float(value))), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _flowc_json_number(value):
    """A number inside a list or dict, as protojson writes a double."""
    number = float(value)
    if number == 0 or 1e-6 <= abs(number) < 1e21:
        return _flowc_fixed_number(float(value))
    mantissa, exponent = repr(number).split("e")
    return "%se%s%d" % (mantissa, exponent[0], abs(int(exponent)))


def _flowc_json(value):
    import json

    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return _flowc_json_number(value)
    if isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
        for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
            text = text.replace(raw, escaped)
        return text
    if isinstance(value, dict):
        items = sorted((str(k), v) for k, v in value.items())
        return "{" + ",".join(_flowc_json(k) + ":" + _flowc_json(v) for k, v in items) + "}"
    return "[" + ",".join(_flowc_json(v) for v in value) + "]"


def _flowc_placeholder_text(value):
    """The text a value becomes where it fills a container-command placeholder (see the module doc)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return _flowc_fixed_number(value)
    if isinstance(value, (list, tuple, dict)):
        return _flowc_json(value)
    return str(value)


def _flowc_fill_argument(parts, inputs, outputs):
    """One command argument from its template parts (`[kind, text-or-name]`): inputs' texts, outputs' paths by name."""
    return "".join(text if kind == "text" else (inputs if kind == "input" else outputs)[text] for kind, text in parts)
