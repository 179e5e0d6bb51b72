"""The home page (``/``): a feature of its own, reading other features through their services
and views."""
