"""Invitation links: their own feature because two others use them (sign-up in accounts, the
admin's invitation page), each through ``services``."""
