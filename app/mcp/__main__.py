"""``python -m app.mcp`` (``make mcp``): the agent API over stdio (app/mcp/stdio.py)."""

import sys

from app.mcp.stdio import main

sys.exit(main())
