"""A process that records steps into a RunStore as fast as it can (for the store's fault and concurrency tests).

    python -m tests.run.store_writer ROOT RUN_ID COUNT THREADS [TAG]

Each step writes a 64 KiB artifact into its folder (`artifact_dir`), half of the steps
another one outside it (moved in by `record_step`), and records the sha256 of every
artifact in its outputs, so a reader can tell a whole file from a torn one. The first
line on stdout (`ready`) comes after the first recorded step.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from flowc.run.records import StepRecord
from flowc.run.store import RunStore


def write_step(store: RunStore, run_id: str, path: str, scratch: Path) -> None:
    started = time.time()
    folder = store.artifact_dir(run_id, path)
    data = os.urandom(64 * 1024)
    inside = folder / "data.bin"
    with open(inside, "wb") as stream:
        for i in range(0, len(data), 4096):  # several writes: a kill may land between them
            stream.write(data[i : i + 4096])
    artifacts = {"data": inside}
    outputs: dict[str, object] = {"data": hashlib.sha256(data).hexdigest()}
    if hash(path) % 2:
        outside = Path(tempfile.mkdtemp(dir=scratch)) / "model.txt"
        text = f"model of {path}".encode() * 100
        outside.write_bytes(text)
        artifacts["model"] = outside
        outputs["model"] = hashlib.sha256(text).hexdigest()
    record = StepRecord(
        path=path, name=path.rsplit("/", 1)[-1], state="succeeded", step_key=f"key-{path}",
        inputs_digest="inputs", outputs=outputs, artifacts=artifacts, started=started, ended=time.time(), log="ok\n",
    )
    store.record_step(run_id, record)


def main(root: str, run_id: str, count: str, threads: str, tag: str = "s") -> None:
    store = RunStore.open(Path(root))
    scratch = Path(tempfile.mkdtemp(prefix="writer-"))
    write_step(store, run_id, f"{tag}/first", scratch)
    print("ready", flush=True)
    with ThreadPoolExecutor(int(threads)) as pool:
        for future in [pool.submit(write_step, store, run_id, f"{tag}/{i}", scratch) for i in range(int(count))]:
            future.result()
    store.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
