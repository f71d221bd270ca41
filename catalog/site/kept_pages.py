"""Which pages of the previous site a rebuild keeps: those made from exactly the same data.

A page's fingerprint covers what shapes every page (``everything``: the catalog's code
and templates, the project's templates, the configuration, the site's globals but its
date, the Markdown pages in the menu), its template, language and path, and every value
of its context but those worked out from the others (``SitePage.derived``). Values the
built-in template only links to (``SitePage.links``: the fonds and file in a document's
breadcrumb) count by their own fields, not their lists, so a new document changes the
pages of its file, not every document page of the fonds. A project with templates of
its own may show anything: then every value counts in full. When the fingerprint is the
one the previous build (or the spare's) recorded for that path, the page is not rendered
again but taken from that site as it is.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

from catalog.search.browser.segments import Segment
from catalog.site.render import SitePage
from catalog.state.fingerprint import Fingerprinter


class KeptPages:
    """What a rebuild takes from the previous site: pages (by their fingerprints) and the
    browser index's segments (``search.browser.segments``)."""

    def __init__(self, everything: str, previous: Mapping[str, str], own_templates: bool,
                 previous_search: Sequence[Segment] = (), fingerprints: Fingerprinter | None = None):
        self.everything = everything
        self.previous = previous
        self.own_templates = own_templates
        self.previous_search = previous_search
        self.made: dict[str, str] = {}  # this build's fingerprints, for the next one
        self.search: list[Segment] = []  # this build's browser index segments, for the next one
        self.kept = 0  # pages taken from the spare or the previous site
        # The build's, shared with the search stages (one digest per value and build).
        self.fingerprints = fingerprints or Fingerprinter()
        self._last_context: tuple[SitePage | None, bytes] = (None, b"")  # the last page, its context's digest

    def fingerprint(self, page: SitePage, lang: str) -> str:
        digest = hashlib.sha256(f"{self.everything}\0{page.template}\0{lang}\0{page.path}\0".encode())
        digest.update(self._context(page))
        return digest.hexdigest()

    def _context(self, page: SitePage) -> bytes:
        """The digest of the page's context, once for all its languages (they come one after another)."""
        if self._last_context[0] is not page:
            links = () if self.own_templates else page.links
            digest = hashlib.sha256()
            for key in sorted(page.context.keys() - set(page.derived)):
                digest.update(f"\0{key}=".encode() + self.fingerprints.of(page.context[key], key in links).encode())
            self._last_context = (page, digest.digest())
        return self._last_context[1]

    def take(self, rel: str, page: SitePage, lang: str, writer) -> bool:
        """Record the page's fingerprint; True if ``writer`` (a ``site.write.SiteWriter``) took
        the page unchanged from its spare or from the previous site, made from the same data."""
        fingerprint = self.fingerprint(page, lang)
        self.made[rel] = fingerprint
        if writer.keep_spare(rel, fingerprint) or (self.previous.get(rel) == fingerprint and writer.keep_previous(rel)):
            self.kept += 1
            return True
        return False
