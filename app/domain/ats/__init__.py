"""The ATS check: how machines read a CV's PDF (an upload, or a tailored CV's)."""
