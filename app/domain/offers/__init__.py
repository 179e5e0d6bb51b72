"""Job offers: add by text, URL or JSON Resume job, extraction in the worker, list and edit."""
