"""Code pasted into generated DAG files and task programs (never imported by them)."""
