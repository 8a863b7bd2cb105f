"""Shared emission helpers for every backend: literals, YAML, jinja2, task runtime, atomic writes."""
