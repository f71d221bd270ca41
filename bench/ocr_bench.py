"""OCR throughput: plain ``tesseract`` against ``catalog build``, on the same pages, in one run.

The same scanned pages (Vietnamese text rendered at 300 dpi the way a scanner makes it)
are read twice per round, alternately, with the same number of processes:

- plain: each page already rasterized to a PNG at 300 dpi (not timed), then
  ``tesseract page.png out -l vie+eng --dpi 300`` per page, N at a time;
- catalog: ``catalog build --jobs N`` on a project holding the PDFs, with an empty
  cache, so every page is rasterized from its PDF and read by Tesseract; the whole
  build is timed (reading sheets, checking PDFs, indexing and rendering included).

It prints pages per second for both, the catalog's overhead over plain tesseract, and the
spread over the rounds (the machine is shared: compare the ratio, not the seconds).

    .venv/bin/python bench/ocr_bench.py                 # 24 pages, 2 processes, 3 rounds
    .venv/bin/python bench/ocr_bench.py --pages 8 --rounds 2
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))

import pdfgen  # noqa: E402
from projects import DOC_HEADERS, FILE_HEADERS, write_catalog_toml, write_workbook  # noqa: E402

PARAGRAPHS = [
    "Thực hiện Công văn số 64-CV/TW ngày 10 tháng 4 năm 2025 của Ban Bí thư về việc số hóa tài liệu lưu trữ, "
    "Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành và Ủy ban nhân dân các huyện khẩn trương rà soát toàn bộ "
    "hồ sơ, tài liệu đang bảo quản tại cơ quan, lập danh mục theo từng phông lưu trữ.",
    "Trong quá trình số hóa, tài liệu giấy phải được giữ nguyên trạng, không tháo ghim làm rách trang, không "
    "đánh dấu hay ghi chú lên bản gốc. Mỗi hồ sơ sau khi quét được kiểm tra chất lượng hình ảnh và đối chiếu "
    "số trang với mục lục.",
    "Giám đốc Sở Nội vụ chịu trách nhiệm hướng dẫn, đôn đốc, kiểm tra việc thực hiện; định kỳ hằng tháng tổng "
    "hợp kết quả, báo cáo Ủy ban nhân dân tỉnh. Kinh phí được bố trí từ nguồn ngân sách sự nghiệp năm 2025.",
]
PAGES_PER_PDF = 4
ENV = {**os.environ, "OMP_THREAD_LIMIT": "1"}


def make_project(folder: Path, pages: int) -> tuple[Path, list[Path]]:
    """A project with ``pages`` scanned pages in PDFs of four pages, and the same pages as PNGs."""
    import pypdfium2 as pdfium

    content = folder / "content"
    write_catalog_toml(content)
    package = content / "packages" / "P"
    rows, images = [], []
    for n in range(1, (pages + PAGES_PER_PDF - 1) // PAGES_PER_PDF + 1):
        count = min(PAGES_PER_PDF, pages - (n - 1) * PAGES_PER_PDF)
        texts = [" ".join(PARAGRAPHS[(n + i + j) % 3] for j in range(3)) for i in range(count)]
        pdf = pdfgen.write_scanned_pdf(package / "data" / f"HS1.{n}.pdf", texts, dpi=300, seed=n, font_size=12.5,
                                       quality=70, max_page_bytes=900_000)
        rows.append([f"D{n}", "HS1", n, "", "", "Công văn", f"Văn bản quét số {n}", "01", "", count, ""])
        document = pdfium.PdfDocument(str(pdf))
        for i in range(len(document)):
            image = folder / "png" / f"{n}-{i + 1}.png"
            image.parent.mkdir(exist_ok=True)
            document[i].render(scale=300 / 72, grayscale=True).to_pil().save(image)
            images.append(image)
        document.close()
    write_workbook(package / "ho_so_tai_lieu.xlsx", [["HS1", "Phông", "Hồ sơ", "01"]], rows, FILE_HEADERS, DOC_HEADERS)
    return content, images


def plain_tesseract(images: list[Path], processes: int, out: Path) -> float:
    out.mkdir(exist_ok=True)

    def one(image: Path) -> None:
        subprocess.run(["tesseract", str(image), str(out / image.stem), "-l", "vie+eng", "--dpi", "300"],
                       check=True, capture_output=True, env=ENV)

    started = time.perf_counter()
    with ThreadPoolExecutor(processes) as pool:
        list(pool.map(one, images))
    return time.perf_counter() - started


def catalog_build(content: Path, build_dir: Path, processes: int) -> float:
    shutil.rmtree(build_dir, ignore_errors=True)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "catalog", "build", str(content), "--out", str(build_dir / "site"),
                    "--jobs", str(processes), "--ocr", "auto"], check=True, capture_output=True, cwd=ROOT)
    elapsed = time.perf_counter() - started
    _check_pages_read(build_dir / "report.json")
    return elapsed


def _check_pages_read(report: Path) -> None:
    import json

    counts = json.loads(report.read_text(encoding="utf-8"))["counts"]
    if counts["ocr_pages_read"] != counts["pages"]:
        raise SystemExit(f"catalog read {counts['ocr_pages_read']} of {counts['pages']} pages by OCR")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=24)
    parser.add_argument("--processes", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        print(f"Preparing {args.pages} scanned pages at 300 dpi…", flush=True)
        content, images = make_project(folder, args.pages)
        plain, ours = [], []
        for n in range(1, args.rounds + 1):
            plain.append(plain_tesseract(images, args.processes, folder / "txt"))
            ours.append(catalog_build(content, folder / "build", args.processes))
            print(f"round {n}: plain {args.pages / plain[-1]:.2f} pages/s, catalog {args.pages / ours[-1]:.2f} pages/s, "
                  f"overhead {ours[-1] / plain[-1] - 1:+.1%}", flush=True)
    ratios = [o / p for o, p in zip(ours, plain)]
    print(f"\n{args.pages} pages, {args.processes} processes, {args.rounds} rounds (Tesseract vie+eng, 300 dpi)")
    print(f"plain tesseract: {args.pages / statistics.median(plain):.2f} pages/s (median)")
    print(f"catalog build:   {args.pages / statistics.median(ours):.2f} pages/s (median, whole build)")
    print(f"catalog / plain time: median {statistics.median(ratios):.3f}, range {min(ratios):.3f}–{max(ratios):.3f}"
          f" (overhead {statistics.median(ratios) - 1:+.1%}; target under +10%)")


if __name__ == "__main__":
    main()
