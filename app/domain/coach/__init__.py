"""The STAR coach: a conversation that turns one experience into an achievement of the bank."""
