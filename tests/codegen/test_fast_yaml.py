"""`fast_yaml.dump_block_yaml` writes YAML that PyYAML reads back as the same data."""

from __future__ import annotations

import random
import string
from typing import Any

import pytest
import yaml

from flowc.codegen.fast_yaml import dump_block_yaml

TRICKY = [
    "", " ", "yes", "No", "ON", "off", "y", "n", "true", "False", "null", "~", "NULL", "2026-11-02", "1:20", "0x1f",
    "0o17", "017", "1e3", "1.5", ".inf", "-.inf", ".nan", "+1", "-", "- x", "a: b", "a:b", "a:", "#x", "x #y", "@x",
    "!tag", "&a", "*a", "|", ">", "'q'", '"q"', "{a}", "[a]", "a,b", "%", "`x`", "<<", "=", "?", "tab\there",
    "line\nbreak", "trailing\n", "two trailing\n\n", "\nleading", " leading space\nx", "ünïcödé", "emoji \U0001f600",
    "nul\x00", "bell\x07", "cr\r\nlf", "back\\slash", "python:3.12-slim", "{{$.inputs.parameters['x']}}",
    "pipelinechannel--a-Output", "exec-a", "system.Dataset", "/var/secrets/x", "x\n  indented\n", "end space \n",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_strings_round_trip(text: str) -> None:
    data = {"k": text, text or "empty": [text, {"v": text}], "list": [[text]]}
    assert yaml.safe_load(dump_block_yaml(data)) == data


@pytest.mark.parametrize("value", [0, -3, 2**70, 0.5, -0.25, 1e-05, 1e20, 3.0, float("inf"), float("-inf"), True, False, None, {}, []])
def test_scalars_round_trip(value: Any) -> None:
    data = {"v": value, "l": [value]}
    assert yaml.safe_load(dump_block_yaml(data)) == data


def test_random_documents_round_trip() -> None:
    rng = random.Random(7)
    alphabet = string.printable + "éß\u2028\x00\x1b"

    def value(depth: int) -> Any:
        kind = rng.randrange(7 if depth < 4 else 4)
        if kind == 0:
            return "".join(rng.choice(alphabet) for _ in range(rng.randrange(12)))
        if kind == 1:
            return rng.choice([rng.randint(-10**6, 10**6), rng.uniform(-1e6, 1e6), True, False, None])
        if kind == 2:
            return rng.choice(TRICKY)
        if kind == 3:
            return "\n".join(rng.choice(TRICKY) for _ in range(3))
        if kind == 4:
            return [value(depth + 1) for _ in range(rng.randrange(4))]
        return {str(value(depth + 1)): value(depth + 1) for _ in range(rng.randrange(4))}

    for _ in range(1500):
        data = {"root": value(0)}
        assert yaml.safe_load(dump_block_yaml(data)) == data
