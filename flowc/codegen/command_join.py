"""Literal command text that an engine would take for its own placeholder, kept verbatim.

KFP's launcher replaces `{{$...}}` anywhere in an argument, Flyte's propeller
`{{.inputs.x}}` (and `{{ .Inputs.x }}`, `{{.outputPrefix}}` ...). Neither has an
escape. So an argument whose literal text holds such a marker is passed as pieces
that do not (each marker cut after its first character), and a small POSIX `sh`
prefix joins the pieces into one argument again before it runs the command. The
same prefix creates the folders of output files first (kfp.local does not).

>>> split_literal("a{{$b", "{{$")
['a{', '{$b']
>>> split_literal("{{{{", "{{")
['{', '{', '{', '{']
"""

from __future__ import annotations

# argv after `sh -c SCRIPT NAME`: m, m output paths, g, then g groups of (n, n pieces).
JOIN_SCRIPT = (
    'm=$1; shift; while [ "$m" -gt 0 ]; do mkdir -p "$(dirname "$1")"; shift; m=$((m-1)); done; '
    'g=$1; shift; while [ "$g" -gt 0 ]; do n=$1; shift; s=; '
    'while [ "$n" -gt 0 ]; do s="$s$1"; shift; n=$((n-1)); done; set -- "$@" "$s"; g=$((g-1)); done; '
    'exec "$@"'
)


def split_literal(text: str, marker: str) -> list[str]:
    """`text` cut inside every `marker` (after its first character), empty pieces dropped."""
    pieces: list[str] = []
    start = 0
    while (at := text.find(marker, start)) >= 0:
        pieces.append(text[start : at + 1])
        start = at + 1
    pieces.append(text[start:])
    return [p for p in pieces if p]


def joined_command(output_paths: list[str], groups: list[list[str]]) -> list[str]:
    """`sh -c JOIN_SCRIPT` with the output folders to create and each argument as its pieces."""
    argv = ["sh", "-c", JOIN_SCRIPT, "flowc-command", str(len(output_paths)), *output_paths, str(len(groups))]
    for pieces in groups:
        argv += [str(len(pieces)), *pieces]
    return argv
