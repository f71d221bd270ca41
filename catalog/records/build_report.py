"""The build report as a page for archivists: ``build/report.html``, beside ``report.json``.

Every build that writes the JSON report writes this page from the same report and the
edition's catalog: counts per package, the problems grouped by kind with their places,
documents whose pages have no text, page counts the sheet declares wrongly, OCR'd pages
to review, what changed since the previous build (its JSON report, read before it is
replaced), and documents and pages per fonds and per year as inline SVG bar charts. One
self-contained file (no script, no external file), so it opens from file:// and prints.

Like the JSON report it lists where the secret rows are, so it is written where the
build writes the report (``BuildPaths.report_html``, checked with it), never in the site.
Of secret items it says their count and those rows, nothing else: everything else comes
from the edition's catalog, which holds none, and from the report, whose problems name none.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from catalog import atomic
from catalog.config import Config
from catalog.model import Catalog, Document, PageText
from catalog.output_paths import REPORT_PAGE_MARK
from catalog.read.packages import RawPackage
from catalog.records.html import environment, grouped, pair_markup
from catalog.report import ERROR, Problem, Report
from catalog.text.ocr_messages import page_list
from catalog.text.ocr_pages import pages_to_review

PAGES_MISMATCH = "pages-mismatch"  # catalog.text.stage: the sheet's "Số lượng trang" against the PDF's pages
OCR_REVIEW = "ocr-review"  # catalog.text.ocr_messages: OCR'd pages under [ocr] review_share or review_confidence
# What a build did rather than what the catalog holds: they differ on every rebuild (the caches), so
# listing them as changes would hide the changes that matter.
WORK_COUNTS = {"files_hashed", "ocr_pages_read", "pdfs_checked", "pages_made", "pages_kept"}

COUNT_LABELS = {
    "packages": ("Gói tài liệu", "Packages"),
    "fonds": ("Phông", "Fonds"),
    "files": ("Hồ sơ", "Archival files"),
    "documents": ("Tài liệu", "Documents"),
    "documents_with_pdf": ("Tài liệu có bản quét", "Documents with a scan"),
    "pdfs": ("Tệp quét (PDF)", "Scans (PDF)"),
    "pages": ("Trang", "Pages"),
    "pages_without_text": ("Trang không có chữ", "Pages without text"),
    "pages_ocr": ("Trang nhận dạng chữ (OCR)", "OCR'd pages"),
    "withheld_secret": ("Tài liệu mật không xuất bản", "Secret items withheld"),
    "withheld_by_edition": ("Tài liệu không thuộc ấn bản này", "Documents not in this edition"),
    "documents_sealed": ("Tài liệu mã hóa (cần mật khẩu)", "Sealed documents (passphrase)"),
    "files_hashed": ("Tệp tính mã băm lần này", "Files hashed by this build"),
    "ocr_pages_read": ("Trang OCR đọc lần này", "Pages OCR'd by this build"),
    "pdfs_checked": ("Tệp PDF đã kiểm tra", "PDFs checked"),
    "pages_made": ("Trang dựng lại lần này", "Pages made by this build"),
    "pages_kept": ("Trang giữ nguyên từ lần trước", "Pages kept from the previous build"),
}
NO_SCAN = ("không có bản quét", "no scan")
SCAN_WITHHELD = ("bản quét không xuất bản trong ấn bản này", "scan not published in this edition")
SCAN_UNREADABLE = ("bản quét không đọc được", "the scan could not be read")
BLANK_PAGES = ("trang không có chữ", "pages without text")
UNKNOWN_YEAR = ("Không rõ năm", "Year unknown")
MEASURES = {measure: COUNT_LABELS[measure] for measure in ("documents", "pages")}
BY_FONDS, BY_YEAR = ("Theo phông", "By fonds"), ("Theo năm", "By year")

# The bar chart's geometry, in CSS pixels: 680 px is the printable width of A4 at 15 mm margins.
CHART_WIDTH, LABEL_WIDTH, PANEL_GAP = 680, 280, 24
ROW_HEIGHT, BAR_HEIGHT, HEAD_HEIGHT = 22, 14, 26
VALUE_ROOM = 48  # beside the longest bar, for its figure
LABEL_CHARS = 44  # what fits in LABEL_WIDTH at 12 px; a longer name is cut, whole in its tooltip


@dataclass(frozen=True)
class PreviousBuild:
    report: Report
    written: datetime.datetime  # when its report was written (the file's time)


@dataclass(frozen=True)
class PackageCounts:
    package_id: str
    title: str
    files: int
    documents: int
    scans: int  # distinct PDFs (by SHA-256) of the documents the edition publishes
    pages: int  # the pages of those scans
    pdfs_delivered: int  # every PDF file in the package, published or not
    secret_rows: int


@dataclass(frozen=True)
class Bar:
    label: str  # a fonds' name, or a year
    documents: int
    pages: int  # distinct scan pages of those documents; a document of a whole-file scan counts its range
    code: str = ""  # a fonds' code, shown after its name (and never cut off)


@dataclass(frozen=True)
class CountChange:
    key: str
    before: int | None  # None: the previous report had no such count
    after: int | None


@dataclass(frozen=True)
class Changes:
    previous: PreviousBuild | None  # None: no previous report to compare with
    counts: list[CountChange] = field(default_factory=list)
    new_problems: list[Problem] = field(default_factory=list)
    gone_problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class ProblemGroup:
    code: str
    problems: list[Problem]

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity == ERROR)


@dataclass(frozen=True)
class TextlessDocument:
    document: Document
    reason: tuple[str, str]
    blank_pages: str = ""  # "1, 3-5": its pages of the scan without text
    page_total: int = 0


@dataclass(frozen=True)
class PageMismatch:
    problem: Problem
    declared: int | None  # None: the document is not in this page's catalog (a sealed tier's)
    actual: int | None


@dataclass(frozen=True)
class OcrReview:
    problem: Problem
    pages: list[PageText]  # the scan's OCR'd pages under the thresholds, with their figures


@dataclass(frozen=True)
class BuildReportPage:
    title: str
    edition: str
    made_at: datetime.datetime
    report: Report
    packages: list[PackageCounts]
    charts: list[tuple[str, tuple[str, str], Markup]]  # (name, heading, SVG)
    changes: Changes
    problem_groups: list[ProblemGroup]
    textless: list[TextlessDocument]
    mismatches: list[PageMismatch]
    ocr_reviews: list[OcrReview]
    review_share: float
    review_confidence: float


def read_previous(report_path: Path) -> PreviousBuild | None:
    """The previous build's JSON report, read before this build replaces it."""
    try:
        written = datetime.datetime.fromtimestamp(report_path.stat().st_mtime)
        return PreviousBuild(Report.read_json(report_path), written)
    except (OSError, ValueError, KeyError, TypeError):
        return None  # no previous build, or a report this version cannot read: nothing to compare with


def write_build_report(path: Path, report: Report, catalog: Catalog, raw_packages: list[RawPackage],
                       previous: PreviousBuild | None, config: Config) -> None:
    """Replace the report page at ``path`` in one step (the build checked first that it is ours)."""
    page = gather(report, catalog, raw_packages, previous, config)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic.write_text(path, render_html(page))


def gather(report: Report, catalog: Catalog, raw_packages: list[RawPackage], previous: PreviousBuild | None,
           config: Config) -> BuildReportPage:
    """Everything the page shows, as plain data."""
    documents = {d.doc_id: d for d in catalog.documents}
    charts = [("fonds", BY_FONDS, bar_chart(BY_FONDS, bars_by_fonds(catalog))),
              ("year", BY_YEAR, bar_chart(BY_YEAR, bars_by_year(catalog.documents)))]
    return BuildReportPage(
        title=config.title, edition=report.edition, made_at=datetime.datetime.now(), report=report,
        packages=package_counts(catalog, raw_packages, report.withheld_secret), charts=charts,
        changes=changes_since(previous, report), problem_groups=problem_groups(report.problems),
        textless=textless_documents(catalog.documents),
        mismatches=[_mismatch(p, documents.get(p.doc_id)) for p in report.problems if p.code == PAGES_MISMATCH],
        ocr_reviews=[OcrReview(p, _pages_to_review(documents.get(p.doc_id), config)) for p in report.problems
                     if p.code == OCR_REVIEW],
        review_share=config.ocr.review_share, review_confidence=config.ocr.review_confidence,
    )


def package_counts(catalog: Catalog, raw_packages: list[RawPackage], secret_rows: list[str]) -> list[PackageCounts]:
    counts = []
    for raw in raw_packages:
        package_id = raw.package.id
        documents = [d for d in catalog.documents if d.package_id == package_id]
        scans = {d.pdf.sha256: d.pdf for d in documents if d.pdf}
        counts.append(PackageCounts(
            package_id=package_id, title=raw.package.title,
            files=sum(1 for f in catalog.files if f.package_id == package_id), documents=len(documents),
            scans=len(scans), pages=sum(s.page_count or 0 for s in scans.values()), pdfs_delivered=len(raw.pdfs),
            # A secret row is known by where it is listed: a sheet of this package's folder.
            secret_rows=sum(1 for row in secret_rows if row.startswith(f"{raw.display}/")),
        ))
    return counts


def changes_since(previous: PreviousBuild | None, report: Report) -> Changes:
    """Counts that changed, and problems new or gone, told apart by their kind and place."""
    if previous is None:
        return Changes(None)
    before, after = previous.report.counts, report.counts
    keys = [*after, *(key for key in before if key not in after)]
    counts = [CountChange(key, before.get(key), after.get(key)) for key in keys
              if key not in WORK_COUNTS and before.get(key) != after.get(key)]
    old = {_problem_key(p) for p in previous.report.problems}
    new = {_problem_key(p) for p in report.problems}
    return Changes(previous, counts, [p for p in report.problems if _problem_key(p) not in old],
                   [p for p in previous.report.problems if _problem_key(p) not in new])


def _problem_key(problem: Problem) -> tuple[str, str]:
    return problem.code, problem.where()


def problem_groups(problems: list[Problem]) -> list[ProblemGroup]:
    """One group per code: those with errors first, then the largest."""
    by_code: dict[str, list[Problem]] = defaultdict(list)
    for problem in problems:
        by_code[problem.code].append(problem)
    groups = [ProblemGroup(code, members) for code, members in by_code.items()]
    return sorted(groups, key=lambda g: (-g.errors, -len(g.problems), g.code))


def textless_documents(documents: Iterable[Document]) -> list[TextlessDocument]:
    """Documents a search cannot find by their text: no scan, or pages of it without text."""
    found = []
    for document in documents:
        if document.pdf is None:
            reason = SCAN_WITHHELD if document.pdf_withheld else NO_SCAN
            found.append(TextlessDocument(document, reason))
        elif not document.pdf.pages:
            found.append(TextlessDocument(document, SCAN_UNREADABLE))
        else:
            texts = {p.number: p.text for p in document.pdf.pages}
            blank = [n for n in document.own_pages if not texts.get(n, "").strip()]
            if blank:
                found.append(TextlessDocument(document, BLANK_PAGES, page_list(blank), len(document.own_pages)))
    return found


def _mismatch(problem: Problem, document: Document | None) -> PageMismatch:
    if document is None:
        return PageMismatch(problem, None, None)
    return PageMismatch(problem, document.declared_pages, document.pdf.page_count if document.pdf else None)


def _pages_to_review(document: Document | None, config: Config) -> list[PageText]:
    """The pages the build listed for review, by its own rule and the thresholds it used."""
    if document is None or document.pdf is None:
        return []
    return pages_to_review(document.pdf.pages, config.ocr)


def bars_by_fonds(catalog: Catalog) -> list[Bar]:
    return [_bar(fonds.name or fonds.code or "—", [d for f in fonds.files for d in f.documents],
                 fonds.code if fonds.code != fonds.name else "") for fonds in catalog.fonds]


def bars_by_year(documents: Iterable[Document]) -> list[Bar]:
    """One bar a year, in order; documents without a date last."""
    by_year: dict[int | None, list[Document]] = defaultdict(list)
    for document in documents:
        by_year[document.year].append(document)
    bars = [_bar(str(year), by_year[year]) for year in sorted(y for y in by_year if y is not None)]
    if None in by_year:
        bars.append(_bar(f"{UNKNOWN_YEAR[0]} / {UNKNOWN_YEAR[1]}", by_year[None]))
    return bars


def _bar(label: str, documents: list[Document], code: str = "") -> Bar:
    pages = {(d.pdf.sha256, number) for d in documents if d.pdf for number in d.own_pages}
    return Bar(label, len(documents), len(pages), code)


def bar_chart(caption: tuple[str, str], bars: list[Bar]) -> Markup:
    """Two panels of horizontal bars, documents and pages, each to its own scale, every bar with its
    figure written beside it (and in ``data-count``) so the chart reads without colour or hovering."""
    panel = (CHART_WIDTH - LABEL_WIDTH - PANEL_GAP) // 2
    height = HEAD_HEIGHT + ROW_HEIGHT * len(bars) + 4
    svg = [Markup('<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{0}" height="{1}" '
                  'viewBox="0 0 {0} {1}" role="img" aria-label="{2} / {3}">').format(CHART_WIDTH, height, *caption)]
    tops = {measure: max((getattr(b, measure) for b in bars), default=0) or 1 for measure in MEASURES}
    for index, (measure, words) in enumerate(MEASURES.items()):
        left = LABEL_WIDTH + index * (panel + PANEL_GAP)
        svg.append(Markup('<text class="panel-head" x="{}" y="15">{} <tspan class="en">/ {}</tspan></text>'
                          '<line class="axis" x1="{}" y1="{}" x2="{}" y2="{}"/>').format(
            left, *words, left, HEAD_HEIGHT - 4, left, height))
    for row, bar in enumerate(bars):
        svg.append(_bar_row(bar, HEAD_HEIGHT + row * ROW_HEIGHT, panel, tops))
    svg.append(Markup("</svg>"))
    return Markup("").join(svg)


def _bar_row(bar: Bar, top: int, panel: int, tops: dict[str, int]) -> Markup:
    room = LABEL_CHARS - (len(bar.code) + 3 if bar.code else 0)
    short = bar.label if len(bar.label) <= room else bar.label[:room - 1].rstrip() + "…"
    whole = f"{bar.label} ({bar.code})" if bar.code else bar.label
    code = Markup(' <tspan class="code">({})</tspan>').format(bar.code) if bar.code else ""
    middle = top + ROW_HEIGHT // 2
    parts = [Markup('<g class="bar-row" data-group="{}"><text class="label" x="{}" y="{}"><title>{}</title>{}{}</text>')
             .format(bar.label, LABEL_WIDTH - 8, middle + 4, whole, short, code)]
    for index, (measure, words) in enumerate(MEASURES.items()):
        left = LABEL_WIDTH + index * (panel + PANEL_GAP)
        count = getattr(bar, measure)
        width = round((panel - VALUE_ROOM) * count / tops[measure], 1)
        parts.append(Markup(
            '<rect class="bar {0}" data-measure="{0}" data-count="{1}" x="{2}" y="{3}" width="{4}" height="{5}">'
            '<title>{6}: {7} {8} / {9}</title></rect><text class="value" x="{10}" y="{11}">{7}</text>').format(
            measure, count, left, middle - BAR_HEIGHT // 2, width, BAR_HEIGHT, whole, grouped(count),
            words[0].lower(), words[1].lower(), left + width + 4, middle + 4))
    parts.append(Markup("</g>"))
    return Markup("").join(parts)


def render_html(page: BuildReportPage) -> str:
    env = environment()
    env.globals.update(count_labels=COUNT_LABELS, generator_mark=Markup(REPORT_PAGE_MARK), error=ERROR)
    env.filters["signed"] = signed
    env.filters["breakable"] = breakable
    env.filters["message_pair"] = message_pair
    return env.get_template("build_report.html").render(page=page)


def signed(number: int) -> str:
    """+3, −2 (a real minus sign), as a difference is written."""
    return f"+{grouped(number)}" if number > 0 else f"−{grouped(-number)}" if number < 0 else "0"


def breakable(path: str) -> Markup:
    """A path that may wrap after each "/", not in the middle of a name (narrow table columns)."""
    return Markup("/<wbr>").join(path.split("/"))


def message_pair(message: str) -> Markup:
    """A problem's "<Vietnamese>. / <English>." with the English in smaller type, as every label."""
    vietnamese, slash, english = message.partition(". / ")
    if not slash:
        return Markup("{}").format(message)
    return pair_markup((vietnamese + ".", english))
