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
