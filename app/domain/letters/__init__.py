"""Cover letters: one per (tailored CV, job offer), written by the worker, edited by the user."""
