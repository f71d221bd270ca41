"""Find the PDF of each document, by the ``Tệp tin`` column or by the naming convention.

Circular 05/2025 names a document's scan ``<mã hồ sơ>.<số thứ tự>.pdf`` and a whole
archival file's scan ``<mã hồ sơ>.pdf``. A path in the sheet overrides that, but it must
stay inside the package: a path with ``..``, an absolute path, or a link leading out of
the package is refused, because a catalog must never publish files from elsewhere on
the archivist's machine.
"""

from __future__ import annotations

import functools

import unicodedata
from pathlib import Path, PurePosixPath, PureWindowsPath

from catalog.model import ArchivalFile, Document, Location
from catalog.read.packages import RawPackage
from catalog.read.sheets import SheetRow
from catalog.report import Report


def resolve_pdf(
    document: Document, row: SheetRow, raw: RawPackage, archival_file: ArchivalFile, report: Report
) -> None:
    """Set ``document.pdf_path``/``pdf_rel``/``pdf_shared``, or report why there is none."""
    document.pdf_column = file_column(row)
    written = row.text("file")
    if written:
        rel = _from_column(written, row, raw, document, report)
    else:
        rel = _by_convention(document, archival_file, raw)
        link = _escaping_by_convention(document, raw) if rel is None else None
        if link:
            _report_escaping_link(link, _file_location(row), document, report)
        elif rel is None:
            expected = f"{document.file_code}.{document.ordinal or '<số thứ tự>'}.pdf"
            report.add(
                "pdf-missing",
                f'Không tìm thấy tệp PDF "{expected}" (hay "{document.file_code}.pdf") trong gói; văn bản vẫn được '
                f'xuất bản nhưng không có bản quét. Thêm tệp hoặc ghi đường dẫn vào cột "Tệp tin". '
                f'/ No PDF "{expected}" (nor "{document.file_code}.pdf") in the package; the document is published '
                f'without its scan. Add the file or give its path in the "Tệp tin" column.',
                _file_location(row),
                doc_id=document.doc_id,
            )
    if rel is None:
        return
    document.pdf_rel = rel
    document.pdf_path = raw.pdfs[rel]
    document.pdf_shared = PurePosixPath(rel).name.lower() == f"{document.file_code}.pdf".lower()


def _from_column(written: str, row: SheetRow, raw: RawPackage, document: Document, report: Report) -> str | None:
    location = _file_location(row)
    rel = _clean_relative(written)
    if rel is None:
        report.add(
            "pdf-path-outside",
            f'Đường dẫn "{written}" ra ngoài thư mục gói (tuyệt đối hoặc có ".."); không dùng. '
            f"Ghi đường dẫn tương đối trong gói, ví dụ data/HS01.01.pdf. "
            f'/ The path "{written}" leaves the package folder (absolute or with ".."); it is not used. '
            f"Give a path relative to the package, e.g. data/HS01.01.pdf.",
            location,
            doc_id=document.doc_id,
        )
        return None
    for candidate in _candidates(rel, row, raw):
        if candidate in raw.escaping_links:
            _report_escaping_link(candidate, location, document, report)
            return None
        if candidate in raw.pdfs:
            return candidate
    report.add(
        "pdf-missing",
        f'Không có tệp "{written}" trong gói; văn bản vẫn được xuất bản nhưng không có bản quét. Kiểm tra tên và đường dẫn. '
        f'/ The file "{written}" is not in the package; the document is published without its scan. Check the name and path.',
        location,
        doc_id=document.doc_id,
    )
    return None


def file_column(row: SheetRow) -> str:
    """The column where a document's scan is named (or would be)."""
    cell = row.cells.get("file")
    return cell.header if cell else "Tệp tin"


def _file_location(row: SheetRow) -> Location:
    return Location(row.path, row.sheet, row.row, file_column(row))


def _report_escaping_link(rel: str, location: Location, document: Document, report: Report) -> None:
    report.add(
        "pdf-link-outside",
        f'Tệp "{rel}" là liên kết (symlink) trỏ ra ngoài gói; không dùng. Chép tệp thật vào gói. '
        f'/ "{rel}" is a symbolic link pointing outside the package; it is not used. Copy the real file into the package.',
        location,
        doc_id=document.doc_id,
    )


@functools.lru_cache(maxsize=1 << 16)  # each path is read twice a build (rows, then fixity), in every build
def _clean_relative(written: str) -> str | None:
    """The path as a clean posix path inside the package, or None if it would leave it."""
    text = unicodedata.normalize("NFC", written.strip())
    windows = PureWindowsPath(text)
    if windows.is_absolute() or windows.drive or text.startswith(("/", "\\")):
        return None
    parts = [p for p in windows.parts if p not in ("", ".")]
    if any(p == ".." for p in parts) or not parts:
        return None
    return "/".join(parts)


def _candidates(rel: str, row: SheetRow, raw: RawPackage) -> list[str]:
    """Relative to the package first; for bags, relative to the sheet's own folder too."""
    found = [rel]
    sheet_dir = row.path.rpartition("/")[0]  # the sheet's folder (a posix path, as PurePosixPath's parent)
    package_prefix = raw.display + "/"
    if sheet_dir.startswith(package_prefix):
        found.append(f"{sheet_dir[len(package_prefix):]}/{rel}")
    return found


def scans_of_row(row: SheetRow, raw: RawPackage, file_code: str, ordinal: int | None) -> list[Path]:
    """Every scan of the package that the row names or lies inside, whatever becomes of
    the row: its ``Tệp tin`` path, its own conventional name, its file's whole scan."""
    rels: set[str] = set()
    written = row.text("file")
    rel = _clean_relative(written) if written else None
    if rel is not None:
        rels.update(c for c in _candidates(rel, row, raw) if c in raw.pdfs)
    if file_code:
        names = raw.pdfs_by_name()
        for name in conventional_names(file_code, ordinal):
            rels.update(names.get(name, ()))
    return [raw.pdfs[r] for r in sorted(rels)]


def conventional_names(file_code: str, ordinal: int | None) -> list[str]:
    """``HS.01.3.pdf``, ``HS.01.03.pdf``… then the whole file's ``HS.01.pdf``, lower-case."""
    wanted = []
    if ordinal is not None:
        wanted = [f"{file_code}.{ordinal:0{width}d}.pdf".lower() for width in (1, 2, 3, 4)]
    wanted.append(f"{file_code}.pdf".lower())
    return list(dict.fromkeys(wanted))


def _by_convention(document: Document, archival_file: ArchivalFile, raw: RawPackage) -> str | None:
    names = raw.pdfs_by_name()
    for name in conventional_names(document.file_code, document.ordinal):
        matches = names.get(name)
        if matches:
            return _prefer_file_folder(matches, archival_file.file_code)
    return None


def _escaping_by_convention(document: Document, raw: RawPackage) -> str | None:
    wanted = set(conventional_names(document.file_code, document.ordinal))
    return next((rel for rel in sorted(raw.escaping_links) if PurePosixPath(rel).name.lower() in wanted), None)


def _prefer_file_folder(matches: list[str], file_code: str) -> str:
    """Two PDFs of one name: take the one inside a folder named after the file code."""
    for rel in matches:
        if file_code.lower() in (p.lower() for p in PurePosixPath(rel).parts[:-1]):
            return rel
    return sorted(matches)[0]
