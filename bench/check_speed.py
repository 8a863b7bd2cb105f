"""How fast `flowc check` is, beside the floors it cannot beat (issue 2's targets).

    python bench/check_speed.py

Floors: a bare `import libcst`, and importing libcst plus its parse of the same files.
Targets (2-core machine): one small file within 1.6x of the bare import; the
2,000-step file under 1 s; the 200-file project under 5 s.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.generate import write_chain, write_project  # noqa: E402
from bench.measure import measure, python, ratio_line  # noqa: E402

FLOWC = [sys.executable, "-m", "flowc.cli", "check"]
BARE_LABEL = 'bare python -c "import libcst"'


def parse_floor(paths: list[Path]) -> list[str]:
    files = repr([str(p) for p in paths])
    return python(
        "import libcst, pathlib\n"
        f"for f in {files}:\n"
        "    p = pathlib.Path(f)\n"
        "    for x in (sorted(p.rglob('*.py')) if p.is_dir() else [p]):\n"
        "        libcst.parse_module(x.read_text())\n"
    )


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        small = write_chain(root / "small", 5, "small")
        big = write_chain(root / "big", 2000, "big")
        project = write_project(root / "project", 200, 20)
        bare = measure(python("import libcst"))
        failed = False
        # check runs every target's checks; KFP rightly rejects the 2,000-step spec (FLC501, over 1 MiB)
        rows = [
            ("check one small file", [str(small)], bare, "<= 1.6x bare import"),
            ("check a 2,000-step pipeline", [str(big), "-t", "airflow,flyte"], measure(parse_floor([big])), "< 1 s"),
            ("check a 200-file project", [str(project)], measure(parse_floor([project])), "< 5 s"),
        ]
        print(f"{BARE_LABEL:<38} {bare}")
        for label, args, floor, target in rows:
            got = measure([*FLOWC, *args])
            failed |= got.returncode != 0
            print(ratio_line(label, got, floor, target))
        print(f"\n2,000-step file: {big.stat().st_size / 1024:.0f} KB")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
