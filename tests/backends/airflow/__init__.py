"""Airflow backend tests."""
