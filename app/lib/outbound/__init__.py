"""One policy for every request the app sends out (offer pages, feeds, the site's and users' own
AI endpoints): ``addresses`` (which hosts may be reached), ``transport`` (an ``httpx`` transport
that applies it to every hop, with a decoded-size limit and a deadline per call) and ``errors``
(the stable codes a refusal carries, never the far side's words)."""
