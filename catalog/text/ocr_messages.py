"""What the OCR stage tells the archivist about one scan's pages: bilingual, each saying
which pages, what is wrong and what to do."""

from __future__ import annotations

from catalog.model import PageText
from catalog.text.pdf_checks import PdfIssue


def page_list(numbers: list[int]) -> str:
    """``1, 3-5, 9``: the pages a reader looks up in the scan."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def no_text_issue(blank: list[int], total: int, unavailable: str, mode: str) -> PdfIssue:
    pages = page_list(blank)
    if unavailable:
        why_vi = (f"chưa cài Tesseract để nhận dạng chữ (OCR); cài bằng `bash scripts/setup.sh` "
                  f"hoặc `apt-get install {unavailable}` rồi dựng lại")
        why_en = (f"Tesseract is not installed for OCR; install it with `bash scripts/setup.sh` "
                  f"or `apt-get install {unavailable}` and build again")
    elif mode == "never":
        why_vi, why_en = "OCR đang tắt (--ocr never)", "OCR is off (--ocr never)"
    else:
        why_vi, why_en = "OCR không đọc được chữ nào", "OCR found no words on them"
    return PdfIssue(
        "pdf-no-text",
        f"{len(blank)}/{total} trang không có chữ để tra cứu (trang {pages}): {why_vi}. "
        f"/ {len(blank)} of {total} pages have no searchable text (pages {pages}): {why_en}.",
        "warning",
    )


def failed_issue(failed: dict[int, str]) -> PdfIssue:
    pages = page_list(list(failed))
    first = next(iter(failed.values()))
    return PdfIssue(
        "ocr-failed",
        f"Không nhận dạng được chữ (OCR) ở trang {pages} ({first}). Kiểm tra bản quét; lần dựng sau sẽ thử lại. "
        f"/ OCR failed on pages {pages} ({first}). Check the scan; the next build tries again.",
        "warning",
    )


def review_issue(pages: list[PageText]) -> PdfIssue:
    figures = "; ".join(f"tr./p. {p.number}: {round((p.valid_share or 0) * 100)}% từ hợp lệ/valid words, "
                        f"độ tin cậy/confidence {p.confidence:.0f}" for p in pages[:10])
    more = f" (+{len(pages) - 10})" if len(pages) > 10 else ""
    return PdfIssue(
        "ocr-review",
        f"Chữ nhận dạng (OCR) ở trang {page_list([p.number for p in pages])} có chất lượng thấp; nên xem lại bản quét "
        f"(quét lại rõ hơn, ở 300 dpi). / OCR text of pages {page_list([p.number for p in pages])} is of low quality; "
        f"review the scan (rescan it clearer, at 300 dpi). [{figures}{more}]",
        "warning",
    )
