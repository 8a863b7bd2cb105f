"""Airflow 3 backend."""
