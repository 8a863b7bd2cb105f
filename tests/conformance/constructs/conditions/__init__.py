"""Condition constructs: one small pipeline per file, run on every engine and as plain Python."""
