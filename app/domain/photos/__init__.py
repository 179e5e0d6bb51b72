"""The photo on the CV: one portrait per account, its crop, and the per-CV switch."""
