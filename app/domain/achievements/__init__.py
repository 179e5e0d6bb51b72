"""The achievements bank: the user's STAR stories, and their use as evidence in tailoring."""
