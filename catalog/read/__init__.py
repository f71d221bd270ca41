"""Stage 1, read: the packages as delivered → the catalog model, with every problem.

Receives: the project folder (``packages/``: ``package.toml`` or BagIt, CSV/XLSX sheets,
PDFs). Returns: ``Catalog`` (fonds → files → documents, each document's scan found,
each row's tier decided and its scans claimed) and the problems, each with its file,
sheet, row and column.
Its one rule: never write into the inputs, and open only regular files inside the
package, within the limits of ``input_files``.
"""
