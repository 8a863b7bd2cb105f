"""Writing artifacts: all of a compile's files land, or none of them do."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path


def write_all(out_dir: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write `files` (relative path -> bytes) under `out_dir` atomically.

    Every file is first written to a temporary file beside its target and fsynced;
    only when all were written are they renamed into place, so a failure leaves older
    outputs untouched and no partial file behind. Files whose content is unchanged
    are not rewritten (their mtime stays, which build tools appreciate).
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for rel, data in sorted(files.items()):
            target = out_dir / rel
            if target.is_file() and target.read_bytes() == data:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            staged.append((Path(tmp), target))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
    except BaseException:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    for tmp, target in staged:
        os.replace(tmp, target)
    return [out_dir / rel for rel in sorted(files)]
