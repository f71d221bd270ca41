"""Stage 2, text: each scan → its facts (checks, metadata) and the text of every page.

Receives: the paths and SHA-256 digests of the scans an edition publishes. Returns:
``PdfFacts`` with ``PageText`` per page, legacy encodings repaired, cached by SHA-256
in the build cache.
Its one rule: never modify an input, and never read a scan the edition withholds.
"""
