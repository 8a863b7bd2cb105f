"""Backends turn a checked, optimized `Program` into engine artifacts.

Each backend lives in its own package (`kfp/`, `airflow/`, `flyte/`) and is found
through the registry in `registry.py`. Backends import the IR and codegen, never the
reader, and never import their engine's SDK on the plain compile path.
"""
