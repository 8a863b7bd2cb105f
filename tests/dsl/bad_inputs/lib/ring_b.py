"""The other half of the ring."""

from lib.ring_a import step  # noqa: F401
