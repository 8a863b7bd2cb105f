"""`flowc run` against the engines' local modes on the same pipelines (issue 12's target).

    python bench/run_speed.py [--engines airflow,kfp] [--chain 50] [--width 200]
    python bench/run_speed.py --engines ""      # flowc run alone (before/after a change)

Two pipelines of light steps (`bench.generate`): a 50-step chain of distinct tasks and a
200-wide fan-out (a task makes the list, one step per item, a task sums them). Each is
run three ways, one whole process each, start-up and compilation included, one run
each (the ratios below come from that one run):
- `flowc run` (the CLI in a subprocess, a cold store, `--no-cache`, `-j` = cores), twice: the
  first run reads the pipeline, the second takes the prepared program from the cache an
  unchanged project keeps (what a user iterating sees); both are reported;
- kfp.local (SubprocessRunner) and Airflow `dag.test()` on what flowc compiles for them
  (`bench.engines`, shared with `bench/optimizer.py`).
Both sides are measured at flowc's default level (what users get: the chain fuses into
one step on every engine and in `flowc run`) and at -O0 (every step its own process:
the per-step cost). Target (2-core machine): flowc run at least 5x faster than either
engine's local mode, at both levels.
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.engines import ENGINE_NAMES, run_on_engine  # noqa: E402
from bench.generate import light_chain_source, light_fanout_source  # noqa: E402
from bench.measure import Measurement, line, measure  # noqa: E402

TARGET = 5.0
LEVELS = {"default": True, "-O0": False}


def flowc_run(src: Path, store: Path, cache: Path, optimize: bool, want: int) -> Measurement:
    """`flowc run` as a user types it, its printed output checked (a shell pipe adds ~1 ms).

    Its prepared programs are kept in `cache` (`flowc/run/prepared.py`): the first run in a
    fresh one reads the pipeline, the next takes it from there. Python runs from bytecode
    caches, as an installed flowc and the engines' installed packages do
    (PYTHONDONTWRITEBYTECODE would recompile flowc's own modules on every run)."""
    argv = [sys.executable, "-m", "flowc.cli", "run", str(src), "--store", str(store), "--no-cache"]
    argv += [] if optimize else ["-O0"]
    check = f"{shlex.join(argv)} | grep -qx {shlex.quote(f'output = {want}')}"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return measure(["sh", "-c", check], env={**env, "PYTHONPATH": str(ROOT), "FLOWC_CACHE_DIR": str(cache)}, repeat=1)


def load() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()


def bench(label: str, src: Path, pipeline: str, want: int, engines: list[str], work: Path, home: Path) -> bool:
    """One pipeline at both levels: its lines, and whether flowc run is >= 5x faster than every engine."""
    ok = True
    for level, optimize in LEVELS.items():
        print(f"{label}, {level}   ({load()})")
        runs = {
            "first run (reads)": flowc_run(src, work / f"store{level}", work / f"cache{level}", optimize, want),
            "again (prepared, cached)": flowc_run(src, work / f"store{level}", work / f"cache{level}", optimize, want),
        }
        for name, ours in runs.items():
            print(f"{line('  flowc run, ' + name, ours)}   cpu {ours.cpu_seconds:6.2f} s")
            ok = ok and ours.returncode == 0
        for engine in engines:
            theirs = run_on_engine(engine, src, pipeline, optimize=optimize, workdir=work / f"{engine}{level}", home=home, want=want)
            print(f"{line('  ' + ENGINE_NAMES[engine], theirs)}   cpu {theirs.cpu_seconds:6.2f} s   ({load()})")
            for name, ours in runs.items():
                ratio, cpu = theirs.seconds / ours.seconds, theirs.cpu_seconds / ours.cpu_seconds
                met = theirs.returncode == 0 and ratio >= TARGET
                print(f"    flowc run, {name:<26} {ratio:5.1f}x faster ({cpu:5.1f}x less cpu)   target >= {TARGET:g}x{'' if met else '  NOT MET'}")
                ok = ok and met
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engines", default="airflow,kfp")
    parser.add_argument("--chain", type=int, default=50)
    parser.add_argument("--width", type=int, default=200)
    args = parser.parse_args()
    from tests.backends.airflow.harness import session_home

    engines, home = [e for e in args.engines.split(",") if e], session_home()
    print("end to end, one whole process each (compile + run), one run: wall time, peak RSS")
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        pipelines = [
            (f"{args.chain}-step chain", light_chain_source(args.chain, "light"), "light", args.chain * (args.chain + 1) // 2),
            (f"{args.width}-wide fan-out", light_fanout_source(args.width, "fan"), "fan", args.width * (args.width + 1) // 2),
        ]
        for label, source, pipeline, want in pipelines:
            src = Path(tmp) / pipeline / f"{pipeline}.py"
            src.parent.mkdir(parents=True)
            src.write_text(source, encoding="utf-8")
            ok = bench(label, src, pipeline, want, engines, Path(tmp) / f"work-{pipeline}", home) and ok
    print("targets met" if ok else "TARGETS NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
