"""The typed intermediate representation: types, tasks, pipelines, diagnostics, passes.

The IR imports neither the reader (`flowc.dsl`) nor any backend.
"""
