"""The Vietnamese language rules every stage shares: Unicode normalization, folding,
tone-placement-free keys, syllable validity, tokens, document numbers and queries;
``lookalikes.py`` is the table of look-alike letters the keys read as Vietnamese ones
(generated from Unicode's data by ``scripts/make_lookalikes.py``); ``collation.py`` is
the Vietnamese alphabetical order (ICU's, the browser's ``Intl.Collator("vi")``).

Receives and returns plain strings. Read compares codes with it, text repairs legacy
encodings with it, search builds both indexes with it.
Its one rule: pure functions and tables, no I/O, each mirrored one for one by
``site_templates/static/search.js`` (the analyzer part of the browser's engine).
"""
