"""A reporting project: shared steps in one module, pipelines in another."""
