"""Compiling a 2,000-step pipeline for Flyte: flowc vs flytekit (issue 5's targets).

    python bench/flyte_compile.py [--steps 2000]

Whole-process wall time and peak memory, one run each:
- flowc module: `python -m flowc.cli compile --target flyte -O0` of the generated chain (unfused:
  the same 2,000 tasks flytekit serializes);
- flowc module + package: the same with `-O flyte.package=true` (runs `pyflyte package`);
- flytekit, `pyflyte package`: flytekit's own command defining the equivalent
  workflow (hand-written with flytekit) and serializing it to a registration bundle;
- flytekit, in process: the same module imported and serialized with
  `get_serializable` (no CLI, no files), the least flytekit itself can do.
Target (2-core machine): the module at least 2.5x faster than flytekit's own
serialization (`pyflyte package`, about 2.7 s here).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.generate import write_chain  # noqa: E402
from bench.measure import line, measure  # noqa: E402

FLYTEKIT_MODULE = '''
from flytekit import Resources, task, workflow


@task(container_image="python:3.12-slim", cache=True, cache_version="1")
def seed(n: int) -> int:
    return n


@task(container_image="python:3.12-slim", requests=Resources(cpu="500m", mem="256Mi"),
      limits=Resources(cpu="500m", mem="256Mi"))
def step(value: int, k: int) -> int:
    """One link of the chain."""
    return value + k


@workflow
def chain(n: int = 1) -> int:
    x = seed(n=n)
    for i in range(1, {steps}):
        x = step(value=x, k=i)
    return x
'''

SERIALIZE = '''
import sys
from collections import OrderedDict
sys.path.insert(0, {folder!r})
from flytekit.configuration import FastSerializationSettings, ImageConfig, SerializationSettings
from flytekit.core.launch_plan import LaunchPlan
from flytekit.tools.translator import get_serializable
import chain_wf

settings = SerializationSettings(image_config=ImageConfig.auto_default_image(), project="p", domain="d", version="v",
                                 fast_serialization_settings=FastSerializationSettings(enabled=True))
entities = OrderedDict()
get_serializable(entities, settings, chain_wf.chain)
get_serializable(entities, settings, LaunchPlan.get_default_launch_plan(None, chain_wf.chain))
size = sum(len(m.to_flyte_idl().SerializeToString()) for m in entities.values() if hasattr(m, "to_flyte_idl"))
print(len(entities), size)
'''


PHASES = '''
import time
t0 = time.perf_counter()
from flowc import api
t1 = time.perf_counter()
loaded = api.load([{source!r}], root={root!r}, optimize=False)
t2 = time.perf_counter()
result = api.emit(loaded.program, "flyte", {{}})
t3 = time.perf_counter()
assert loaded.ok and not [d for d in result.diagnostics if d.is_error]
print(f"in process: import flowc {{t1 - t0:.3f}} s, read + check (api.load) {{t2 - t1:.3f}} s, Flyte emit {{t3 - t2:.3f}} s")
'''


def phases(source: Path) -> str:
    import subprocess

    code = PHASES.format(source=str(source), root=str(source.parent))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--steps", type=int, default=2000)
    steps = parser.parse_args().steps
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        source = write_chain(root / "src", steps, "chain")
        (root / "sdk").mkdir()
        (root / "sdk" / "chain_wf.py").write_text(FLYTEKIT_MODULE.format(steps=steps))
        env_home = {"HOME": str(root), "TMPDIR": str(root), "PATH": str(Path(sys.executable).parent)}
        compile_cmd = [sys.executable, "-m", "flowc.cli", "compile", "--target", "flyte", "-O0", str(source)]
        module = measure([*compile_cmd, "-o", str(root / "module")], env=env_home)
        package = measure([*compile_cmd, "-o", str(root / "package"), "-O", "flyte.package=true"], env=env_home)
        pyflyte = [sys.executable, "-c", "from flytekit.clis.sdk_in_container.pyflyte import main; main()"]
        sdk = measure([*pyflyte, "--pkgs", "chain_wf", "package", "--output", str(root / "sdk.tgz"), "--force"],
                      env={**env_home, "PYTHONPATH": str(root / "sdk")}, cwd=str(root / "sdk"))
        inproc = measure([sys.executable, "-c", SERIALIZE.format(folder=str(root / "sdk"))], env=env_home)
        breakdown = phases(source)
        ok_files = (root / "module" / "flyte" / "chain_flyte.py").is_file() and (root / "package" / "flyte" / "chain.tgz").is_file()
    print(f"{steps:,}-step chain, one run each (wall time, peak RSS)")
    print(line("flowc compile --target flyte (module)", module))
    print(line("flowc compile ... -O flyte.package=true", package))
    print(line("flytekit: pyflyte package", sdk))
    print(line("flytekit: import + get_serializable", inproc))
    speedup = sdk.seconds / module.seconds
    print(f"module vs pyflyte package:           {speedup:5.2f}x faster, {sdk.peak_mb / module.peak_mb:4.2f}x memory ratio   target >= 2.5x")
    print(f"module + package vs pyflyte package: {sdk.seconds / package.seconds:5.2f}x time, {sdk.peak_mb / package.peak_mb:4.2f}x memory ratio")
    print(f"module vs in-process serialization:  {inproc.seconds / module.seconds:5.2f}x time, {inproc.peak_mb / module.peak_mb:4.2f}x memory ratio")
    print(breakdown)
    codes = (module.returncode, package.returncode, sdk.returncode, inproc.returncode)
    ok = ok_files and codes == (0, 0, 0, 0) and speedup >= 2.5
    print("targets met" if ok else "TARGETS NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
