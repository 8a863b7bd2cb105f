"""Half of a re-export ring for the import_cycle fixture."""

from lib.ring_b import step  # noqa: F401
