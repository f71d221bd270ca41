"""Problems met while reading a package's files, with the place the archivist will find them.

Kept apart from :mod:`catalog.read.sheets` so that the modules that open files
(:mod:`catalog.read.input_files`) and decode them can raise the same error without
importing the sheet reader.
"""

from __future__ import annotations

from dataclasses import dataclass

from catalog.report import ERROR


class SheetError(Exception):
    """A file, sheet or cell that cannot be read, and where.

    ``message`` is the bilingual text without the place (the build report shows the
    place from ``path``, ``sheet``, ``row``, ``column``); ``str(error)`` has both.
    ``code`` is the report's machine-readable kind of problem.
    """

    def __init__(self, vi: str, en: str, *, path: str, sheet: str | None = None,
                 row: int | None = None, column: str | None = None, code: str = "bad-sheet"):
        self.path, self.sheet, self.row, self.column = path, sheet, row, column
        self.code = code
        where_vi, where_en = [f"Tệp “{path}”"], [f"File “{path}”"]
        places = (("trang tính", "sheet", None if sheet is None else f"“{sheet}”"),
                  ("dòng", "row", row), ("cột", "column", column))
        for vi_word, en_word, value in places:
            if value is not None:
                where_vi.append(f"{vi_word} {value}")
                where_en.append(f"{en_word} {value}")
        self.message = f"{vi[:1].upper()}{vi[1:]} / {en[:1].upper()}{en[1:]}"
        super().__init__(f"{', '.join(where_vi)}: {vi} / {', '.join(where_en)}: {en}")


@dataclass(frozen=True)
class SheetProblem:
    """Something wrong in a sheet that was still read: the sheet is returned with it."""

    code: str  # "too-many-rows", "cell-too-large", "mixed-encoding", "stray-nul"
    error: SheetError  # message and place
    severity: str = ERROR  # "error" or "warning"


def vi_en(number: int) -> tuple[str, str]:
    """A whole number as each language writes it: ("200.000", "200,000")."""
    english = f"{number:,}"
    return english.replace(",", "."), english
