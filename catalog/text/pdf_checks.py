"""Validate a PDF and read its metadata with pikepdf (qpdf)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pikepdf

from catalog.model import PdfFacts

# PDF metadata by stable keys; the site labels them in its languages (i18n "pdf_<key>").
_INFO_KEYS = {
    "/Title": "title",
    "/Author": "author",
    "/Subject": "subject",
    "/Keywords": "keywords",
    "/Creator": "creator",
    "/Producer": "producer",
    "/CreationDate": "created",
    "/ModDate": "modified",
}
_XMP_KEYS = {
    "dc:title": "xmp_title",
    "dc:creator": "xmp_creator",
    "dc:description": "xmp_description",
    "xmp:CreatorTool": "xmp_creator_tool",
    "pdf:Producer": "xmp_producer",
}


@dataclass(frozen=True)
class PdfIssue:
    code: str
    message: str  # bilingual; the caller adds the location
    severity: str = "error"


def inspect_pdf(path, facts: PdfFacts) -> list[PdfIssue]:
    """Fill ``facts`` (page count, flags, metadata); return what is wrong with the file."""
    if facts.size == 0:
        facts.damaged = True
        return [PdfIssue("pdf-empty", "Tệp PDF rỗng (0 byte). Quét hoặc chép lại tệp. / The PDF file is empty (0 bytes). Rescan or copy it again.")]
    with open(path, "rb") as handle:
        head = handle.read(1024)
    if b"%PDF-" not in head:
        facts.damaged = True
        return [PdfIssue("pdf-not-pdf", "Tệp không phải PDF (thiếu dấu hiệu %PDF-). Kiểm tra định dạng tệp. / The file is not a PDF (no %PDF- header). Check the file format.")]
    try:
        with pikepdf.open(path) as pdf:
            return _read_open_pdf(pdf, facts, str(path))
    except pikepdf.PasswordError:
        facts.encrypted = True
        return [PdfIssue("pdf-encrypted", "PDF có mật khẩu nên không đọc được nội dung; văn bản vẫn được xuất bản với siêu dữ liệu. Gỡ mật khẩu rồi nộp lại tệp. / The PDF is password-protected, so its text cannot be read; the document is published with metadata only. Remove the password and deliver the file again.")]
    except (pikepdf.PdfError, OSError, RuntimeError) as exc:
        facts.damaged = True
        why = _short(exc, str(path))
        return [PdfIssue("pdf-damaged", f"PDF hỏng, không mở được ({why}). Quét hoặc xuất lại tệp. / The PDF is damaged and cannot be opened ({why}). Rescan or re-export it.")]


def _read_open_pdf(pdf: "pikepdf.Pdf", facts: PdfFacts, path: str) -> list[PdfIssue]:
    issues = []
    facts.page_count = len(pdf.pages)
    # Opened without a password: at most an owner password restricting printing or
    # copying, which does not stop reading the text (encrypted means "needs a password").
    facts.info = _metadata(pdf)
    warnings = [w for w in pdf.get_warnings() if w]
    if warnings:
        facts.damaged = True
        why = _short(warnings[0], path)
        issues.append(PdfIssue(
            "pdf-repaired",
            f"PDF bị lỗi cấu trúc; qpdf đã tự sửa khi đọc ({why}). Nên quét hoặc xuất lại tệp gốc. "
            f"/ The PDF is structurally damaged; qpdf repaired it while reading ({why}). Rescan or re-export the original.",
            "warning",
        ))
    if facts.page_count == 0:
        issues.append(PdfIssue("pdf-no-pages", "PDF không có trang nào. / The PDF has no pages."))
    return issues


def _metadata(pdf: "pikepdf.Pdf") -> dict[str, str]:
    found: dict[str, str] = {}
    try:
        for key, name in _INFO_KEYS.items():
            value = pdf.docinfo.get(key)
            if value is not None and str(value).strip():
                found[name] = _pdf_date(str(value).strip()) if key.endswith("Date") else str(value).strip()
        with pdf.open_metadata(set_pikepdf_as_editor=False) as xmp:
            for key, name in _XMP_KEYS.items():
                value = xmp.get(key)
                if value:
                    text = ", ".join(map(str, value)) if isinstance(value, (list, set)) else str(value)
                    found.setdefault(name, text.strip())
    except Exception:  # noqa: BLE001 - metadata is optional; a bad XMP packet must not lose the page text
        pass
    return found


_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?")


def _pdf_date(value: str) -> str:
    """``D:20250410093000+07'00'`` → ``10/04/2025 09:30`` (as written if not a PDF date)."""
    match = _PDF_DATE.match(value)
    if not match:
        return value
    year, month, day, hour, minute = (g or "" for g in match.groups())
    date = "/".join(p for p in (day, month, year) if p)
    return f"{date} {hour}:{minute}" if hour and minute else date


def _short(error: object, path: str) -> str:
    """qpdf's message without the file's path, which it puts first: the report names the
    scan as the sheet does, and an issue is cached for every copy of the same content."""
    text = str(error).replace(path, "").lstrip(": ").replace("\n", " ")
    return text if len(text) < 160 else text[:157] + "..."
