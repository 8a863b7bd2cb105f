"""The Flyte backend: a flytekit workflow module per pipeline, and optionally its registration package."""
