"""Live events: per-user SSE streams fed by Redis pub/sub."""
