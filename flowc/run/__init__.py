"""`flowc run`: the local runner, its store (`store.py`) and run records (`records.py`)."""
