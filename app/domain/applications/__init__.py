"""The applications tracker: where each tailored CV went, and what happens next."""
