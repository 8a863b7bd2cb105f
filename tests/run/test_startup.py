"""`flowc run` starts light: the command line is parsed without scanning installed packages."""

from __future__ import annotations

import subprocess
import sys


def test_parsing_a_run_command_line_scans_no_installed_packages() -> None:
    # Listing the targets (for `--target`'s help) reads every installed distribution's entry points.
    code = (
        "import sys\n"
        "from flowc.cli.app import _parser\n"
        "_parser().parse_args(['run', 'x.py'])\n"
        "print('importlib.metadata' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_the_run_paths_passes_import_no_other_pass() -> None:
    # The runner needs the step keys and the declared constants, not the optimizer (fusion, dedupe, conditions).
    code = (
        "import sys\n"
        "import flowc.run.scope, flowc.run.params\n"
        "print(sorted(m for m in ('flowc.ir.passes.order', 'flowc.ir.passes.fusion', 'flowc.ir.passes.dedupe') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
