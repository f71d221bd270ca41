"""Access: who may see what. Part of the data model every stage shares.

Receives: the tiers of rows and files (``tiers``), the scans each row claims (``scans``).
Returns: editions of the catalog narrowed to what each may show (``editions``).
Its one rule: nothing is let through by default — a record or scan of unknown tier
counts as the strictest, and secret is never part of any edition.
"""
