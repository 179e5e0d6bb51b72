"""The tailoring pipeline's pure core: data in, data out.

Everything here is a function (or a small class) of its arguments: no database session, no
Redis, no LLM client, no clock (``OfferContext.today`` is given). The effectful layer around
it, in ``jobs/pipeline/``, loads the rows, calls the model, records subtasks and publishes
events; ``core/offline_run.py`` runs the whole core in memory (the offline engine), which is
what ``make eval-tailor`` and the unit tests measure.

Import contract: modules of this package never import ``sqlalchemy``, ``redis``, ``arq``,
``openai``, ``app.db``, ``app.domain`` or ``app.tasks``, directly or through another module
(import-linter checks it: ``pyproject.toml``), nor the effectful modules of ``jobs.pipeline``.
``app.lib`` helpers that keep to the same rule (the CV model, matching, parsing text) are fine.

The modules, by phase:

- shared: ``context`` (what one offer's phases see), ``phase`` (the engine interface),
  ``schemas`` (each phase's answer), ``text`` (folding, sentences, language guess);
- classify: ``classify_rules`` (code's last word on keep/remove/move), ``timeline``,
  ``reasons``;
- rewrite guards: ``fact_guard``, ``item_claims``, ``item_text``, ``offer_copy``, ``guards``
  (facts), ``text_rules``, ``mixed_language``, ``rules``, ``rule_guards`` (writing), ``keep``
  (evidence the offer asks for is not lost), ``fallback``, ``phase_guards`` (per phase);
- recompose: ``selection``, ``assemble``, ``languages``, ``explain`` (generation_meta);
- the offline engine: ``offline`` and ``offline_run``.
"""
