"""A user's own AI endpoint and key (account page), and what the user's AI work used."""
