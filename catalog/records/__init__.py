"""Stage 5, records: the archivist's own records of what was received, beside the catalog.

Receives: what ``catalog check`` read (the report, the whole catalog with every row's tier
and every scan's claims, the packages as delivered) and one package chosen by name.
Returns: ``handover``: the handover record of that package (biên bản giao nhận) as plain
data, and ``output``: that record written as a printable HTML page, CSV and XLSX, in a
folder outside the project and outside any built site.
Its one rule: a record names no secret item. A secret row's identifier, title and scan
name appear nowhere in it; its scans are given by the sheet rows that list them.
"""

from catalog.errors import CatalogError


class RecordError(CatalogError):
    """A record that could not be made (unknown package, a forbidden output folder); nothing was written."""
