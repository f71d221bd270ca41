"""Stage 3, search: the published documents → the whoosh index and the browser index.

Receives: one ``IndexRecord`` per published document (``records``). Returns: the
whoosh index beside the site (``index``, searched by ``query``) and the browser's
sharded ``.js`` index (``browser``), searched by ``site_templates/static/search-engine.js``.
Its one rule: Python and the browser never diverge — one analyzer
(``catalog.language.vietnamese``), one ranking, one set of test vectors.
"""
