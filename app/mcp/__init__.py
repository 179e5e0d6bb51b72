"""The agent API: the app's own services offered as Model Context Protocol tools.

Two doors, one set of tools (``server.py``): ``make mcp`` serves them over stdio to the agent
that started it (``stdio.py``), and the web process at ``/api/mcp`` over streamable HTTP when
``CVTAILOR_MCP_HTTP`` is on (``routes.py``). Either way every tool calls the services the JSON
API's controllers call, as the holder of a personal API token.

An entry point like ``app/asgi.py``, above the features: no feature imports it (pyproject's
import contracts).
"""
