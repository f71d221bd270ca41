"""Stage 4, site: the edition's catalog → HTML pages, written aside and swapped in.

Receives: the narrowed ``Catalog``, the Markdown pages, the index records (for the
browser index), the build cache (for page thumbnails). Returns: the static site at
``--out`` (pages in every UI language, the scans and their page thumbnails, the static
assets), replaced in one step.
Its one rule: never render an unescaped value from the sheets, and link only within
the site (relative links, nothing loaded from outside), so it works from file://.
"""
