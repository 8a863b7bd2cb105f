"""How fast `flowc check` is with its cache (issue 11's targets), beside a bare `python -c pass`.

    python bench/incremental.py

On the 200-file project of `generate.write_project`: a cold check (no cache), a
re-check of the unchanged project, and a re-check after editing one file, each the
best of a few runs, from one run of this script. Targets: unchanged under 0.2 s
(that path imports neither libcst nor pydantic), one edit under 0.6 s.

The children run with bytecode caching on, as an installed flowc does (a
PYTHONDONTWRITEBYTECODE in this shell would make every run compile flowc again).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.generate import write_project  # noqa: E402
from bench.measure import Measurement, measure, python  # noqa: E402

REPEAT = 3
TARGETS = {"unchanged re-check": 0.2, "re-check after one edit": 0.6}


def _edit(path: Path, n: int) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace("return n", f"return n + {n} - {n}", 1), encoding="utf-8")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        project = write_project(root / "project", 200, 20)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env |= {"FLOWC_CACHE_DIR": str(root / "cache"), "XDG_CACHE_HOME": str(root / "user")}
        check = [sys.executable, "-m", "flowc.cli", "check", str(project)]
        subprocess.run([*check, "--no-cache"], env=env, capture_output=True, check=False)  # writes bytecode
        bare = measure(python("pass"), env=env, repeat=REPEAT)
        cold = min((_cold(check, env, root / "cache") for _ in range(2)), key=lambda m: m.seconds)
        unchanged = measure(check, env=env, repeat=REPEAT)
        edited: list[Measurement] = []
        for n in range(REPEAT):
            _edit(project / "pipeline_100.py", n)
            edited.append(measure(check, env=env, repeat=1))
        one_edit = min(edited, key=lambda m: m.seconds)
        failed = any(m.returncode != 0 for m in (cold, unchanged, one_edit))
        print(f"{'bare python -c pass':<26} {bare}  cpu {bare.cpu_seconds:6.3f} s   (load average {os.getloadavg()[0]:.1f})")
        for label, m in (("cold check (no cache)", cold), ("unchanged re-check", unchanged), ("re-check after one edit", one_edit)):
            target = TARGETS.get(label)
            verdict = "" if target is None else f"   target < {target} s: {'ok' if m.seconds < target else 'MISSED'}"
            failed |= target is not None and m.seconds >= target
            print(
                f"{label:<26} {m}  cpu {m.cpu_seconds:6.3f} s   {m.seconds / bare.seconds:6.1f}x bare, "
                f"{m.seconds / cold.seconds:5.3f}x cold{verdict}"
            )
    return 1 if failed else 0


def _cold(check: list[str], env: dict[str, str], cache: Path) -> Measurement:
    shutil.rmtree(cache, ignore_errors=True)
    return measure(check, env=env, repeat=1)


if __name__ == "__main__":
    sys.exit(main())
