"""File names in the store for step paths and artifact names: readable, safe on every file system, distinct.

A step's folder is flat (`loop_1/0/train` -> `loop_1.0.train`), so no step's folder holds
another's. Whatever else would make two names meet (a `.` of its own, characters a file
system refuses, a leading dot, great length) gets the original's short hash appended.

>>> step_folder("train")
'train'
>>> step_folder("loop_1/0/train")
'loop_1.0.train'
>>> step_folder("loop_1.0.train") != step_folder("loop_1/0/train")
True
>>> step_folder("../x y")
'x_y-46c740c6'
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

_SAFE = re.compile(r"[^A-Za-z0-9_.=+\-\[\]]")
_MAX_NAME = 80


def step_folder(path: str) -> str:
    """The folder name (one segment) for step `path`."""
    joined = path.replace("/", ".")
    return _name(path, joined, exact="." not in path)


def artifact_name(name: str, source: Path) -> str:
    """The file name an artifact moved into a step's folder gets: its output name, with the source's suffix."""
    return _name(name, name.replace("/", "."), exact="." not in name) + "".join(source.suffixes[-1:])


def _name(original: str, readable: str, exact: bool) -> str:
    safe = _SAFE.sub("_", readable).lstrip(".")[:_MAX_NAME]
    if exact and safe == readable and safe:
        return safe
    return f"{safe or '_'}-{hashlib.sha256(original.encode('utf-8')).hexdigest()[:8]}"
