"""The job inbox: saved searches, the offers they discover, and their triage."""
