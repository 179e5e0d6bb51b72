"""The pitch coach: 30-second and 3-minute pitches written from a CV and the achievements."""
