"""Deterministic YAML: the same data always renders to the same bytes."""

from __future__ import annotations

from typing import Any

import yaml


class _Dumper(yaml.SafeDumper):
    """SafeDumper that never emits aliases and indents lists under their key."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _str_presenter(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    if "\n" in data:
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|")  # pyright: ignore[reportUnknownMemberType] - types-PyYAML leaves `value` untyped
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)  # pyright: ignore[reportUnknownMemberType] - types-PyYAML leaves `value` untyped


_Dumper.add_representer(str, _str_presenter)


def dump_yaml(data: Any, *, sort_keys: bool = False) -> str:
    """YAML text of `data`; key order is the dicts' own order unless `sort_keys`."""
    return yaml.dump(
        data, Dumper=_Dumper, sort_keys=sort_keys, allow_unicode=False, width=100, default_flow_style=False
    )
