"""System domain."""
