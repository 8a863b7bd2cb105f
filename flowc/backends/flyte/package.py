"""`--package`: flytekit's own `pyflyte package` on a generated module, offline.

flytekit serializes the module into TaskSpec / WorkflowSpec / LaunchPlan protobuf
files (`*_1.pb`, `*_2.pb`, `*_3.pb`) plus a fast-registration archive of the code.
It runs in a subprocess (flytekit stays out of the compiler's process) in a fresh
folder that holds only the module. Its tarball varies between runs (protobuf map
order, file times, the temporary folder it ran in), so the bundle is re-packed:
every message re-serialized with `deterministic=True`, `upstream_node_ids` sorted,
the packaging folder replaced by the fast-registration folder, members sorted,
times and owners zeroed.
"""

from __future__ import annotations

import base64
import gzip
import json
import io
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from google.protobuf.message import Message

PYFLYTE = "from flytekit.clis.sdk_in_container.pyflyte import main; main()"
TIMEOUT_SECONDS = 300


def package_module(module: str, text: str, image: str | None) -> tuple[bytes | None, list[str]]:
    """The deterministic `.tgz` bundle of `module` (source `text`), or the problems found."""
    with tempfile.TemporaryDirectory(prefix="flowc-flyte-") as tmp:
        folder = Path(tmp)
        (folder / f"{module}.py").write_text(text, encoding="utf-8")
        out = folder / "bundle.tgz"
        args = [sys.executable, "-c", PYFLYTE, "--pkgs", module, "package", "--output", str(out), "--force",
                "--copy", "all"]
        if image:
            args += ["--image", image]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(folder), os.environ.get("PYTHONPATH")) if p)}
        try:
            done = subprocess.run(args, cwd=folder, env=env, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return None, [str(exc)]
        if done.returncode != 0 or not out.is_file():
            tail = (done.stderr or done.stdout).strip().splitlines()[-5:]
            return None, [" ".join(tail) or f"exit status {done.returncode}"]
        try:
            return repack(out.read_bytes()), []
        except ImportError as exc:  # flyteidl comes with flytekit (the flyte extra)
            return None, [f"cannot decode the bundle: {exc}"]


def _message_for(name: str) -> Message | None:
    # Generated protobuf modules: no stubs, so their classes are untyped.
    from flyteidl.admin import launch_plan_pb2, task_pb2, workflow_pb2  # pyright: ignore[reportMissingTypeStubs]

    kinds: dict[str, type[Message]] = {"_1.pb": task_pb2.TaskSpec, "_2.pb": workflow_pb2.WorkflowSpec, "_3.pb": launch_plan_pb2.LaunchPlan}
    for suffix, cls in kinds.items():
        if name.endswith(suffix):
            return cls()
    return None


def _canonical(name: str, data: bytes) -> bytes:
    message = _message_for(name)
    if message is None:
        return data
    message.ParseFromString(data)
    _sort_upstream(message)
    if name.endswith("_1.pb"):
        _pin_source_root(message)
    return message.SerializeToString(deterministic=True)


SETTINGS_ENV = "_F_SS_C"  # flytekit's compressed serialization settings, read back by dynamic tasks


def _pin_source_root(spec: Any) -> None:
    """Point `source_root` in a dynamic task's settings at the fast-registration folder.

    flytekit records the (random, temporary) folder it packaged from; in the task's
    container the code lives in the fast-registration destination instead.
    """
    for entry in spec.template.container.env:
        if entry.key != SETTINGS_ENV:
            continue
        settings = json.loads(gzip.decompress(base64.b64decode(entry.value)))
        fast: dict[str, Any] = settings.get("fast_serialization_settings") or {}
        settings["source_root"] = fast.get("destination_dir") or "."
        packed = gzip.compress(json.dumps(settings).encode("utf-8"), compresslevel=9, mtime=0)
        entry.value = base64.b64encode(packed).decode("ascii")


def _repeated(field: Any) -> bool:
    attr = getattr(field, "is_repeated", None)  # newer protobuf; `label` is deprecated there
    if callable(attr):
        return bool(attr())
    if attr is not None:
        return bool(attr)
    return bool(field.label == field.LABEL_REPEATED)


def _sort_upstream(message: Any) -> None:
    """Sort every `upstream_node_ids`: flytekit fills it from a set, so its order follows the hash seed."""
    for field, value in message.ListFields():
        if field.name == "upstream_node_ids":
            ordered = sorted(value)
            del value[:]
            value.extend(ordered)
        elif field.message_type is None:
            continue
        elif field.message_type.GetOptions().map_entry:
            for entry in value.values():
                if hasattr(entry, "ListFields"):
                    _sort_upstream(entry)
        elif _repeated(field):
            for item in value:
                _sort_upstream(item)
        else:
            _sort_upstream(value)


def repack(bundle: bytes) -> bytes:
    """`bundle` with canonical protobufs, sorted members and no times, owners or modes that vary."""
    members: list[tuple[str, bytes]] = []
    with tarfile.open(fileobj=io.BytesIO(bundle), mode="r:gz") as tar:
        for info in tar.getmembers():
            fh = tar.extractfile(info) if info.isfile() else None
            if fh is not None:
                members.append((info.name, _canonical(info.name, fh.read())))
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as out:
        for name, data in sorted(members):
            info = tarfile.TarInfo(name)
            info.size, info.mode, info.mtime = len(data), 0o644, 0
            out.addfile(info, io.BytesIO(data))
    return gzip.compress(raw.getvalue(), mtime=0)
