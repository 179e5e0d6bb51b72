"""The pitch writer: a 30-second or 3-minute pitch from a CV and the user's complete
achievements, held to them sentence by sentence (writer.py)."""
