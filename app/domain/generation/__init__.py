"""CV generation (pipeline v2): task creation, state transitions, cancellation, pages."""
