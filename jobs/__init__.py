"""Background work executed by the arq worker."""
