"""The one value-to-text rule (docs/container_commands.md): KFP's launcher, written once."""

from __future__ import annotations

import doctest
import json
from typing import Any

import pytest

import flowc.codegen.command_join
import flowc.dsl.reader.commands
from flowc.codegen.runtime import placeholder_text_source
from flowc.codegen.runtime.placeholder_text import _flowc_placeholder_text  # pyright: ignore[reportPrivateUsage, reportUnknownVariableType] - runtime file, standard mode


def text(value: Any) -> str:
    return str(_flowc_placeholder_text(value))


# Expected texts are what the KFP launcher writes (launcher_v2.go getPlaceholders:
# FormatFloat(f, 'f', -1, 64), FormatBool, json.Marshal of structpb ListValue / Struct).
@pytest.mark.parametrize(("value", "want"), [
    ("two words 'q' \"d\"", "two words 'q' \"d\""),
    ("", ""),
    ("a\r\nb", "a\r\nb"),
    (True, "true"),
    (False, "false"),
    (0, "0"),
    (-42, "-42"),
    (9007199254740991, "9007199254740991"),
    (1.0, "1"),
    (-2.0, "-2"),
    (-0.0, "-0"),
    (0.1, "0.1"),
    (0.30000000000000004, "0.30000000000000004"),
    (1e-7, "0.0000001"),
    (1e21, "1000000000000000000000"),
    (123456789.125, "123456789.125"),
    (None, ""),
    ([], "[]"),
    ({}, "{}"),
    ([1, 2.0, 0.5, 1e-7, 1e21, 1.5e300], "[1,2,0.5,1e-7,1e+21,1.5e+300]"),
    ([True, None, "x"], '[true,null,"x"]'),
    ({"b": [1], "a": {"z": 1.0, "y": "s"}}, '{"a":{"y":"s","z":1},"b":[1]}'),
    (["<&>", "\u2028\u2029", "é中", "\n\t\x01\"\\"], '["\\u003c\\u0026\\u003e","\\u2028\\u2029","é中","\\n\\t\\u0001\\"\\\\"]'),
])
def test_value_to_text(value: Any, want: str) -> None:
    assert text(value) == want


def test_json_text_reads_back() -> None:
    value = {"k": [1.5, -3, "<tag>"], "e": []}
    assert json.loads(text(value)) == value


def test_the_pasted_source_is_the_tested_one() -> None:
    namespace: dict[str, Any] = {}
    exec(placeholder_text_source(), namespace)  # the text every runtime carries
    assert namespace["_flowc_placeholder_text"]([1.0, {"a": True}]) == "[1,{\"a\":true}]"


@pytest.mark.parametrize("module", [flowc.dsl.reader.commands, flowc.codegen.command_join])
def test_doctests(module: Any) -> None:
    assert doctest.testmod(module).failed == 0
