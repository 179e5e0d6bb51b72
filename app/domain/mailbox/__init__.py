"""Replies move the board: a user's mailbox read over IMAP, each employer's reply linked to an
application by evidence and classified; confident ones move the card, unsure ones wait in the
board's review list."""
