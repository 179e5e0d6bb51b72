"""CV Tailor web application."""
