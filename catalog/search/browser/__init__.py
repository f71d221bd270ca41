"""The browser's search index: the same records as whoosh, as ``.js`` shards a page
loads by ``<script>`` (so search works from file://). ``export`` writes the files,
``postings`` encodes them; ``site_templates/static/search-engine.js`` reads them."""
