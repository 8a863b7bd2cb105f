# pyright: standard
# (not strict: pasted verbatim into generated runtimes, it reads untyped JSON values.)
"""The canonical form of a step's input values: THE rule both result caches key on.

Pasted into Airflow DAG files with `-O airflow.result_cache` (never imported there) and
imported by the local runner's store (`flowc.run.digest`), so "same inputs" means the
same thing on both. Each value is typed as the task declares it (its `type_spec`), so 13
and 13.0 agree for a float input (XCom on SQLite turns 13.0 into 13). An artifact counts
by its content (the sha256 of its file, or of each file of its folder with the file's
relative name) and its metadata, never by its path: every run writes its artifacts under
its own run id, so a key by path (or by path, size and mtime) would never match in a
later run. An artifact that is not on this machine counts by its path, so the steps
reading it always run. An artifact value is a dict with a `path` (and `metadata`), or a
path itself (`str` or `os.PathLike`).
"""

from __future__ import annotations

# --- input digest ---


def _flowc_walk(value, spec, leaf):
    """`value` rebuilt with `leaf(value, kind)` applied to everything but lists, dicts and tuples."""
    kind = spec[0]
    if value is None:
        return None
    if kind == "optional":
        return _flowc_walk(value, spec[1], leaf)
    if kind == "list" and isinstance(value, (list, tuple)):
        return [_flowc_walk(v, spec[1], leaf) for v in value]
    if kind == "dict" and isinstance(value, dict):
        return {str(k): _flowc_walk(v, spec[1], leaf) for k, v in value.items()}
    if kind == "namedtuple" and isinstance(value, dict):
        return {name: _flowc_walk(value.get(name), field, leaf) for name, field in spec[2]}
    return leaf(value, kind)


def _flowc_canonical_leaf(value, kind):
    """A value as the result key sees it: typed as declared, an artifact by its content."""
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "float" and number:
        return float(value)
    if kind == "int" and number and float(value).is_integer():
        return int(value)
    if kind == "artifact":
        path = value.get("path") if isinstance(value, dict) else str(value)
        metadata = value.get("metadata") if isinstance(value, dict) else None
        return {"sha256": _flowc_content_hash(path), "metadata": metadata or {}}
    return value


def _flowc_content_hash(path):
    """sha256 of a file's bytes, or of a folder's files (relative name and each file's hash)."""
    import hashlib
    import os

    digest = hashlib.sha256()
    if path and os.path.isdir(path):
        digest.update(b"folder\0")
        for root, dirs, names in os.walk(path):
            dirs.sort()
            for name in sorted(names):
                full = os.path.join(root, name)
                rel = os.path.relpath(full, path).replace(os.sep, "/")
                digest.update(("%s\0%s\0" % (rel, _flowc_content_hash(full))).encode("utf-8"))
    elif path and os.path.isfile(path):
        digest.update(b"file\0")
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    else:
        digest.update(("path\0%s" % path).encode("utf-8"))
    return digest.hexdigest()


def _flowc_canonical_inputs(specs, inputs):
    """`{name: canonical value}` of a step's inputs; `specs` is the task's `[[name, type_spec], ...]`."""
    by_name = {name: spec for name, spec in specs}
    return {name: _flowc_walk(value, by_name.get(name, ["any"]), _flowc_canonical_leaf) for name, value in inputs.items()}
