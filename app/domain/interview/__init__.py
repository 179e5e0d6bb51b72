"""Interview prep per application: the questions an offer will likely bring, each with the
user's own evidence to answer it."""
