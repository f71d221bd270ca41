"""The inventory sheets' column headers: every name archivists use, and its key.

Headers are compared after folding (case, diacritics, spaces and punctuation
ignored), so ``Mã hồ sơ``, ``MA HO SO`` and ``file_code`` are one column.
"""

from __future__ import annotations

from catalog.read.values import cell_text, fold

KINDS = ("file", "document")

_COMMON = {
    "language": ("Ngôn ngữ",),
    "condition": ("Tình trạng vật lý", "Tình trạng"),
    "info_code": ("Ký hiệu thông tin",),
    "keywords": ("Từ khóa",),
    "notes": ("Ghi chú", "Chú giải"),
    "access": ("Chế độ sử dụng", "Mức độ tiếp cận"),
}

FILE_HEADERS: dict[str, tuple[str, ...]] = {
    "file_code": ("Mã hồ sơ", "Mã số hồ sơ"),
    "fonds_code": ("Mã phông", "Mã phông lưu trữ"),
    "fonds_name": ("Tên phông", "Tên phông lưu trữ"),
    "inventory": ("Mục lục số", "Số mục lục"),
    "box": ("Hộp số", "Số hộp"),
    "file_number": ("Số và ký hiệu hồ sơ", "Số ký hiệu hồ sơ", "Hồ sơ số", "Số hồ sơ"),
    "title": ("Tiêu đề hồ sơ", "Tiêu đề", "Tên hồ sơ"),
    "retention": ("Thời hạn bảo quản", "Thời hạn lưu trữ"),
    "start_date": ("Thời gian bắt đầu", "Ngày bắt đầu"),
    "end_date": ("Thời gian kết thúc", "Ngày kết thúc"),
    "item_count": ("Tổng số tài liệu", "Tổng số văn bản", "Số lượng văn bản"),
    "sheets": ("Số lượng tờ", "Số tờ"),
    "pages": ("Số lượng trang", "Số trang"),
    **_COMMON,
}

DOCUMENT_HEADERS: dict[str, tuple[str, ...]] = {
    "doc_id": ("Mã định danh văn bản", "Mã tài liệu", "Mã văn bản", "Mã định danh"),
    "file_code": ("Mã hồ sơ",),
    "ordinal": ("Số thứ tự văn bản trong hồ sơ", "Số thứ tự", "STT", "Số TT", "TT"),
    "number": ("Số và ký hiệu", "Số và ký hiệu văn bản", "Số, ký hiệu", "Số ký hiệu"),
    "number_no": ("Số của văn bản", "Số văn bản"),
    "number_symbol": ("Ký hiệu của văn bản", "Ký hiệu văn bản"),
    "date": ("Ngày, tháng, năm văn bản", "Ngày tháng văn bản", "Ngày văn bản",
             "Ngày ban hành", "Ngày tháng năm"),
    "doc_type": ("Tên loại văn bản", "Loại văn bản"),
    "issuer": ("Tên cơ quan, tổ chức ban hành", "Tên cơ quan, tổ chức ban hành văn bản",
               "Cơ quan ban hành", "Cơ quan, tổ chức ban hành"),
    "summary": ("Trích yếu nội dung", "Trích yếu nội dung văn bản", "Trích yếu"),
    "signer": ("Tác giả", "Người ký"),
    "pages": ("Số lượng trang", "Số trang"),
    # Where the document lies in its file's whole scan (the inventory's "Tờ số" column).
    "page_range": ("Trang số", "Tờ số", "Số trang từ đến", "Trang số từ đến", "Tờ số từ đến",
                   "Từ trang đến trang", "Từ tờ đến tờ"),
    "page_from": ("Từ trang", "Từ tờ", "Trang đầu", "Trang bắt đầu"),
    "page_to": ("Đến trang", "Đến tờ", "Trang cuối", "Trang kết thúc"),
    "secrecy": ("Độ mật",),
    "reliability": ("Mức độ tin cậy",),
    "autograph": ("Bút tích",),
    "file": ("Tệp tin", "Tên tệp tin", "Tên tệp"),
    **_COMMON,
}

REQUIRED = {"file": ("file_code", "title"), "document": ("doc_id", "file_code", "summary")}

_ALIASES = {
    kind: {fold(name): key for key, names in table.items() for name in (key, *names)}
    for kind, table in (("file", FILE_HEADERS), ("document", DOCUMENT_HEADERS))
}


def header_key(header: str, kind: str) -> str | None:
    """The canonical key of a column header for a ``"file"`` or ``"document"`` sheet."""
    if kind not in _ALIASES:
        raise ValueError(f"kind must be 'file' or 'document', not {kind!r}")
    return _ALIASES[kind].get(fold(cell_text(header)))


def sheet_kind(name: str) -> str | None:
    """Which table a worksheet name means: "Hồ sơ" → "file", "Tài liệu" → "document"."""
    folded = fold(name)
    if folded in ("file", "files", "archivalfiles"):
        return "file"
    if folded in ("document", "documents", "items") or "tailieu" in folded or "vanban" in folded:
        return "document"
    return "file" if "hoso" in folded else None
