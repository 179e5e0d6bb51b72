"""Shared helpers used by the web app, the worker and the launcher."""
