"""Generate a reproducible synthetic catalog project of N Vietnamese administrative documents.

    .venv/bin/python bench/synthetic.py [--docs 10000] [--seed 2025] [--out bench/out/synthetic] [--jobs 2]

The project follows ../shared/spec/package-format.md: ``catalog.toml`` and four packages
(a provincial People's Committee office, a Department of Home Affairs, a Provincial Party
Committee office, a Department of Natural Resources and Environment), each with
``package.toml``, ``ho_so.csv`` (archival files of 10-30 documents) and ``tai_lieu.csv``,
and one born-digital text PDF of about 3 pages per document under ``data/``, named
``<mã hồ sơ>.<số thứ tự>.pdf`` and made with ``scripts/pdfgen.py``.

The text is administrative prose assembled from templates and a vocabulary of real words
(bench/vocab_vi.py): agencies, places, cited laws with their real numbers (30/2020/NĐ-CP,
64-CV/TW), this archive's own numbers (15/QĐ-UBND, 45-KH/TU), dates, fictional people.
Choices are Zipf-weighted, so a few words are very common and most are rare, as in real
archives. About a quarter of the documents use the old tone placement (``hoá``, ``uỷ``),
3% carry NFD text (as some PDF producers emit), and "số" / "hóa" occur apart in most
documents (``Số: 15/QĐ-UBND``, ``văn hóa``, ``cụ thể hóa``) but adjacent ("số hóa") only in
documents about digitization.

Beside the project (not inside it, so the catalog never sees them) it writes:

- ``<out>.params.json``: the parameters and a digest of the generator's code; when it
  matches, an existing project is kept and nothing is regenerated;
- ``<out>.texts.jsonl.gz``: per document its id, number, title and full text, the ground
  truth the benchmark uses to judge results.

Generation is deterministic: every document draws from ``random.Random(f"{seed}:{doc_id}")``,
so the output does not depend on how the PDFs are spread over worker processes.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import os
import random
import re
import shutil
import sys
import time
import unicodedata
from dataclasses import asdict, dataclass, field
from multiprocessing import Pool
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(HERE))

import vocab_vi as V  # noqa: E402

GENERATOR_VERSION = 5
DEFAULT_OUT = HERE / "out" / "synthetic"


# --------------------------------------------------------------------------- Zipf picking


def zipf_weights(n: int, s: float = 1.0) -> list[float]:
    return [1.0 / (rank + 1) ** s for rank in range(n)]


class Picker:
    """Choose from lists with Zipf weights over a per-seed ranking of each list, so a list's
    first-ranked item is common and its tail rare, and the ranking differs by seed."""

    def __init__(self, rng: random.Random, rank_seed: int, s: float = 1.0):
        self.rng = rng
        self.rank_seed = rank_seed
        self.s = s
        self._cache: dict[tuple, tuple[list, list[float], object]] = {}

    def __call__(self, items, s: float | None = None):
        key = (id(items), len(items), items[0] if len(items) else None)
        if key not in self._cache or self._cache[key][2] is not items:
            order = list(items)
            random.Random(f"{self.rank_seed}:{len(order)}:{order[0] if order else ''}").shuffle(order)
            cum, total = [], 0.0
            for w in zipf_weights(len(order), self.s if s is None else s):
                total += w
                cum.append(total)
            self._cache[key] = (order, cum, items)
        order, cum, _ = self._cache[key]
        return self.rng.choices(order, cum_weights=cum, k=1)[0]


# --------------------------------------------------------------------------- packages


@dataclass(frozen=True)
class PackageDef:
    key: str
    fonds_code: str
    fonds_name: str
    agency: str  # as written in the sheet's issuer column
    system: str  # "state" | "party"
    header: tuple[str, ...]  # issuer lines in the document header
    abbr: str  # the issuer's symbol: UBND, SNV, TU, STNMT
    suffixes: tuple[str, ...]  # a công văn's unit suffix ("UBND-KT")
    share: float
    topics: dict  # topic key → weight
    place: str  # where documents are signed
    signers: tuple[tuple[tuple[str, ...], str], ...]  # (signature lines above the name, name)


PACKAGES = [
    PackageDef(
        "vp-ubnd-tinh", "H12", "Văn phòng Ủy ban nhân dân tỉnh Sơn Hà", "Ủy ban nhân dân tỉnh Sơn Hà", "state",
        ("ỦY BAN NHÂN DÂN", "TỈNH SƠN HÀ"), "UBND", ("KT", "VX", "NC", "TH", "XD", "NNMT"), 0.32,
        {"cchc": 8, "ngan_sach": 8, "kinh_te": 8, "thien_tai": 7, "dat_dai": 6, "chuyen_doi_so": 5,
         "y_te": 5, "giao_duc": 5, "nong_thon_moi": 6, "an_sinh": 5, "an_ninh": 4, "giao_thong_xay_dung": 5,
         "van_hoa": 4, "thanh_tra": 3, "dan_toc_ton_giao": 3, "to_chuc_can_bo": 4, "moi_truong": 3,
         "van_thu": 2, "so_hoa": 1},
        "Sơn Hà",
        ((("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), "Nguyễn Văn Thắng"),
         (("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "Trần Thị Thu Hà"),
         (("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "Lê Quang Vinh"),
         (("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"), "Phạm Đức Toàn")),
    ),
    PackageDef(
        "so-noi-vu", "H23", "Sở Nội vụ tỉnh Sơn Hà", "Sở Nội vụ tỉnh Sơn Hà", "state",
        ("UBND TỈNH SƠN HÀ", "SỞ NỘI VỤ"), "SNV", ("VTLT", "TCBC", "CCHC", "TĐKT", "XDCQ"), 0.26,
        {"van_thu": 10, "so_hoa": 8, "to_chuc_can_bo": 10, "cchc": 8, "chuyen_doi_so": 4,
         "dan_toc_ton_giao": 3, "thanh_tra": 2},
        "Sơn Hà",
        ((("GIÁM ĐỐC",), "Hoàng Minh Tuấn"),
         (("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), "Vũ Thị Thúy"),
         (("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), "Đặng Hữu Nghĩa")),
    ),
    PackageDef(
        "van-phong-tinh-uy", "D01", "Văn phòng Tỉnh ủy Sơn Hà", "Tỉnh ủy Sơn Hà", "party",
        ("ĐẢNG BỘ TỈNH SƠN HÀ", "TỈNH ỦY"), "TU", (), 0.24,
        {"xay_dung_dang": 14, "kinh_te": 4, "cchc": 3, "dan_toc_ton_giao": 4, "an_ninh": 3,
         "thanh_tra": 4, "van_thu": 3, "so_hoa": 2, "chuyen_doi_so": 3, "thien_tai": 2, "dat_dai": 2,
         "to_chuc_can_bo": 4, "van_hoa": 2},
        "Sơn Hà",
        ((("T/M BAN THƯỜNG VỤ", "BÍ THƯ"), "Lương Văn Phong"),
         (("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"), "Hồ Thị Ngọc Lan"),
         (("T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG"), "Đinh Công Khoa")),
    ),
    PackageDef(
        "so-tnmt", "H31", "Sở Tài nguyên và Môi trường tỉnh Sơn Hà", "Sở Tài nguyên và Môi trường tỉnh Sơn Hà",
        "state", ("UBND TỈNH SƠN HÀ", "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG"), "STNMT", ("QLĐĐ", "MT", "TNN", "VP"), 0.18,
        {"dat_dai": 16, "moi_truong": 9, "thien_tai": 3, "cchc": 2, "thanh_tra": 2, "so_hoa": 1,
         "chuyen_doi_so": 1, "ngan_sach": 1},
        "Sơn Hà",
        ((("GIÁM ĐỐC",), "Bùi Xuân Hiếu"),
         (("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), "Ngô Thị Hạnh")),
    ),
]
TOPICS = {t.key: t for t in V.TOPICS}
YEARS = list(range(2015, 2026))


# --------------------------------------------------------------------------- specs


@dataclass
class DocSpec:
    index: int
    package: str
    doc_id: str
    file_code: str
    ordinal: int
    doc_type: str
    number: str  # "15/QĐ-UBND" (no "Số:")
    date: tuple[int, int, int]
    topic: str
    topic2: str
    summary: str
    signer_lines: tuple[str, ...]
    signer: str
    pages: int
    old_style: bool
    nfd: bool
    keywords: str
    pdf_rel: str


@dataclass
class FileSpec:
    package: str
    file_code: str
    year: int
    topic: str
    title: str
    docs: list[DocSpec] = field(default_factory=list)


def _fill_simple(text: str, rng: random.Random, year: int, pick: Picker) -> str:
    """Fill the few slots that appear in titles and subjects."""
    p0 = 2016 if year <= 2020 else 2021
    repl = {
        "year": str(year), "next_year": str(year + 1), "prev_year": str(year - 1), "year5": str(p0 + 4),
        "n": str(rng.randint(1, 12)), "period": _period(rng, year, pick), "place": _place(rng, pick),
    }
    return re.sub(r"\{(\w+)\}", lambda m: repl.get(m.group(1), m.group(0)), text)


def _period(rng: random.Random, year: int, pick: Picker) -> str:
    p0 = 2016 if year <= 2020 else 2021
    p0m = 2015 if year <= 2019 else 2020  # Party congress terms: 2015-2020, 2020-2025
    return pick(V.PERIOD_PATTERNS).format(year=year, prev_year=year - 1, p0=p0, year5=p0 + 4,
                                          p0m=p0m, p1m=p0m + 5, month=rng.randint(1, 12))


_COMMUNES: list[str] = []


def _communes() -> list[str]:
    if not _COMMUNES:
        rng = random.Random("communes")
        seen = set()
        while len(_COMMUNES) < 160:
            name = f"{rng.choice(V.COMMUNE_HEADS)} {rng.choice(V.COMMUNE_TAILS)}"
            head, tail = name.split()
            if head == tail or name in seen:
                continue
            seen.add(name)
            _COMMUNES.append(f"{rng.choice(V.COMMUNE_KINDS)} {name}")
    return _COMMUNES


def _place(rng: random.Random, pick: Picker) -> str:
    return f"{pick(_communes(), 0.8)}, {pick(V.DISTRICTS)}"


_PEOPLE: list[str] = []


def _people() -> list[str]:
    if not _PEOPLE:
        rng = random.Random("people")
        seen = set()
        while len(_PEOPLE) < 700:
            female = rng.random() < 0.45
            name = " ".join((rng.choice(V.FAMILY), rng.choice(V.MIDDLE_F if female else V.MIDDLE_M),
                             rng.choice(V.GIVEN_F if female else V.GIVEN_M)))
            if name not in seen:
                seen.add(name)
                _PEOPLE.append(name)
    return _PEOPLE


SUMMARY_PATTERNS = {
    "Công văn": ["V/v {subject}", "V/v {subject}", "V/v góp ý dự thảo văn bản về {obj}", "V/v báo cáo {obj} {period}"],
    "Báo cáo": ["Kết quả thực hiện {obj} {period}", "Tình hình {obj} {period}", "Sơ kết {obj} {period}",
                "Tổng kết {obj} năm {year}"],
    "Quyết định": ["Về việc {subject}", "Về việc phê duyệt Kế hoạch {subject}", "Về việc ban hành Quy chế {obj}",
                   "Về việc thành lập Tổ công tác {subject}"],
    "Kế hoạch": ["Triển khai {obj} năm {year}", "Thực hiện {obj} {period}", "{Subject}"],
    "Thông báo": ["Kết luận của Thường trực {issuer_short} về {obj}", "Ý kiến chỉ đạo về việc {subject}"],
    "Tờ trình": ["Về việc đề nghị {subject}", "Đề nghị phê duyệt {obj} năm {year}"],
    "Nghị quyết": ["Về {obj} giai đoạn {p0} - {year5}", "Về lãnh đạo {obj} năm {year}"],
    "Chỉ thị": ["Về tăng cường {obj}", "Về việc {subject}"],
    "Hướng dẫn": ["Thực hiện {obj}", "Hướng dẫn {subject}"],
    "Chương trình": ["Chương trình hành động thực hiện {obj} {period}", "Công tác {obj} năm {year}"],
    "Biên bản": ["Hội nghị sơ kết {obj} {period}", "Kiểm tra {obj} tại {district}"],
    "Kết luận": ["Kết luận về {obj}", "Kết luận kiểm tra {obj} năm {year}"],
}


def _summary(rng, pick, doc_type, topic, year, package: PackageDef) -> str:
    pattern = rng.choice(SUMMARY_PATTERNS[doc_type])
    subject = _fill_simple(pick(topic.subjects), rng, year, pick)
    obj = _fill_simple(pick(topic.objects), rng, year, pick)
    p0 = 2016 if year <= 2020 else 2021
    values = {
        "subject": subject, "Subject": subject[:1].upper() + subject[1:], "obj": obj, "year": str(year),
        "period": _period(rng, year, pick), "p0": str(p0), "year5": str(p0 + 4),
        "issuer_short": "Tỉnh ủy" if package.system == "party" else "UBND tỉnh", "district": pick(V.DISTRICTS),
    }
    text = re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], pattern)
    if text.startswith("Hướng dẫn Hướng dẫn"):
        text = text[len("Hướng dẫn "):]
    return text[:1].upper() + text[1:]


def _file_title(rng, pick, topic, year) -> str:
    obj = _fill_simple(pick(topic.objects), rng, year, pick)
    subject = _fill_simple(pick(topic.subjects), rng, year, pick)
    pattern = rng.choice([
        "Tập văn bản về {obj} năm {year}", "Hồ sơ {subject}", "Tập công văn trao đổi về {obj} năm {year}",
        "Hồ sơ tổng kết {obj} năm {year}", "Tập báo cáo {obj} năm {year} của các cơ quan, đơn vị",
    ])
    return pattern.format(obj=obj, subject=subject, year=year)


def _number(package: PackageDef, doc_type: str, seq: int, rng: random.Random) -> str:
    abbr_party, abbr_state = next((p, s) for t, p, s, _ in V.DOC_TYPES if t == doc_type)
    if package.system == "party":
        return f"{seq}-{abbr_party}/{package.abbr}"
    if abbr_state is None:  # công văn: no type symbol, the issuer and the drafting unit
        return f"{seq}/{package.abbr}-{rng.choice(package.suffixes)}"
    return f"{seq}/{abbr_state}-{package.abbr}"


def plan(n_docs: int, seed: int) -> list[FileSpec]:
    """Decide packages, archival files and every document's metadata (not its text)."""
    rng = random.Random(seed)
    pick = Picker(rng, seed)
    files: list[FileSpec] = []
    remaining = n_docs
    for p_index, package in enumerate(PACKAGES):
        quota = remaining if p_index == len(PACKAGES) - 1 else round(n_docs * package.share)
        remaining -= quota
        topic_keys = list(package.topics)
        topic_weights = [package.topics[k] for k in topic_keys]
        sizes = []
        while sum(sizes) < quota:
            sizes.append(rng.randint(10, 30))
        sizes[-1] -= sum(sizes) - quota
        if sizes[-1] < 10 and len(sizes) > 1:  # no tiny last file: merge it into the one before
            last = sizes.pop()
            sizes[-1] += last
        seq_by_year: dict[int, int] = {}
        for size in sizes:
            year = rng.choice(YEARS)
            seq_by_year[year] = seq_by_year.get(year, 0) + 1
            topic = TOPICS[rng.choices(topic_keys, weights=topic_weights)[0]]
            file_code = f"{package.fonds_code}.{year}.{seq_by_year[year]:02d}"
            f = FileSpec(package.key, file_code, year, topic.key, _file_title(rng, pick, topic, year))
            for ordinal in range(1, size + 1):
                main = topic if rng.random() < 0.75 else TOPICS[rng.choices(topic_keys, weights=topic_weights)[0]]
                second = TOPICS[rng.choice(list(TOPICS))]
                doc_type = rng.choices([t[0] for t in V.DOC_TYPES], weights=[t[3] for t in V.DOC_TYPES])[0]
                month = rng.randint(1, 12)
                day = rng.randint(1, 28)
                sig_lines, sig_name = pick(package.signers, 1.2)
                old = rng.random() < 0.25
                summary = _summary(rng, pick, doc_type, main, year, package)
                if old:
                    summary = old_style(summary)
                keywords = "; ".join(rng.sample(main.keywords, k=min(len(main.keywords), rng.randint(1, 3))))
                f.docs.append(DocSpec(
                    index=0, package=package.key, doc_id=f"{file_code}.{ordinal:03d}", file_code=file_code,
                    ordinal=ordinal, doc_type=doc_type, number="", date=(year, month, day), topic=main.key,
                    topic2=second.key, summary=summary, signer_lines=sig_lines, signer=sig_name,
                    pages=rng.choices([2, 3, 4], weights=[2, 6, 2])[0], old_style=old, nfd=rng.random() < 0.03,
                    keywords=keywords, pdf_rel=f"data/{file_code}.{ordinal}.pdf",
                ))
            files.append(f)
        # Numbers: one running sequence per issuer and year, in date order, with gaps for
        # the documents of that year that are not in this archive.
        by_year: dict[int, list[DocSpec]] = {}
        for f in files:
            if f.package == package.key:
                for d in f.docs:
                    by_year.setdefault(d.date[0], []).append(d)
        for year, docs in by_year.items():
            seq = 0
            for d in sorted(docs, key=lambda d: (d.date, d.doc_id)):
                seq += rng.randint(1, 9)
                d.number = _number(package, d.doc_type, seq, rng)
    index = 0
    for f in files:
        f.docs.sort(key=lambda d: d.ordinal)
        for d in f.docs:
            d.index = index
            index += 1
    return files


# --------------------------------------------------------------------------- text


_OLD = re.compile(r"\b(" + "|".join(sorted(map(re.escape, V.OLD_STYLE), key=len, reverse=True)) + r")\b")


def old_style(text: str) -> str:
    return _OLD.sub(lambda m: V.OLD_STYLE[m.group(1)], text)


def _vn_int(n: int) -> str:
    return f"{n:,}".replace(",", ".")


class TextMaker:
    """Fills templates for one document."""

    def __init__(self, spec: DocSpec, package: PackageDef, seed: int):
        self.spec = spec
        self.package = package
        self.rng = random.Random(f"{seed}:{spec.doc_id}")
        self.pick = Picker(self.rng, seed)
        self.topic = TOPICS[spec.topic]
        self.topic2 = TOPICS[spec.topic2]
        self.year = spec.date[0]
        self.used: dict[str, int] = {}

    # -- slot values
    def date_before(self) -> tuple[int, int, int]:
        y, m, d = self.spec.date
        if self.rng.random() < 0.3:
            y -= 1
            m = self.rng.randint(1, 12)
        else:
            m = self.rng.randint(1, m)
        return y, m, self.rng.randint(1, 28)

    def fmt_date(self, ymd) -> str:
        y, m, d = ymd
        return f"{d:02d}/{m:02d}/{y}" if self.rng.random() < 0.5 else f"{d}/{m}/{y}"

    def money(self) -> str:
        if self.rng.random() < 0.5:
            return f"{_vn_int(self.rng.randint(50, 9500))} triệu đồng"
        return f"{self.rng.randint(1, 950)},{self.rng.randint(1, 99):02d} tỷ đồng"

    def person(self) -> str:
        titles = V.LEADER_TITLES_PARTY if self.package.system == "party" else V.LEADER_TITLES_STATE
        return f"đồng chí {self.pick(_people(), 1.05)}, {self.pick(titles)}"

    def agency(self) -> str:
        if self.package.system == "party" and self.rng.random() < 0.7:
            return self.pick(V.AGENCIES_PARTY)
        return self.pick(V.AGENCIES_STATE)

    def ref(self) -> str:
        """An earlier document of this archive, cited by type, number, date and issuer."""
        y, m, d = self.date_before()
        seq = self.rng.randint(1, 2400)
        party = self.package.system == "party" or self.rng.random() < 0.15
        kinds = [("Kế hoạch", "KH"), ("Công văn", "CV"), ("Nghị quyết", "NQ"), ("Chỉ thị", "CT"),
                 ("Kết luận", "KL"), ("Quyết định", "QĐ"), ("Thông báo", "TB")]
        kind, abbr = self.pick(kinds)
        if party:
            return f"{kind} số {seq}-{abbr}/TU ngày {self.fmt_date((y, m, d))} của Ban Thường vụ Tỉnh ủy"
        if kind == "Công văn":
            return f"Công văn số {seq}/UBND-{self.rng.choice(('KT', 'VX', 'NC', 'TH'))} ngày {self.fmt_date((y, m, d))} của UBND tỉnh"
        return f"{kind} số {seq}/{abbr}-UBND ngày {self.fmt_date((y, m, d))} của UBND tỉnh"

    def slot(self, name: str) -> str:
        r, pick, t, y = self.rng, self.pick, self.topic, self.year
        if name == "obj":
            return self.fill(pick(t.objects), cap=False)
        if name == "obj2":
            return self.fill(pick(self.topic2.objects), cap=False)
        if name == "term":
            self.last_term = self.fill(pick(t.terms), cap=False)
            return self.last_term
        if name == "term2":
            for _ in range(5):
                term = self.fill(pick(t.terms if r.random() < 0.7 else self.topic2.terms), cap=False)
                if term != getattr(self, "last_term", None):
                    break
            return term
        if name == "task":
            return self.fill(pick(t.tasks) if r.random() < 0.85 else pick(V.TASKS_GENERIC), cap=False)
        if name in ("agency", "agency2"):
            return self.agency()
        if name == "unit":
            return pick(V.UNITS)
        if name == "place":
            return _place(r, pick)
        if name == "district":
            return pick(V.DISTRICTS)
        if name == "province":
            return f"tỉnh {V.PROVINCE}"
        if name == "cite":
            return pick(t.cites) if r.random() < 0.6 else pick(V.CITES_GENERAL)
        if name == "ref":
            return self.ref()
        if name == "date":
            return self.fmt_date(self.date_before())
        if name == "deadline":
            m = min(12, self.spec.date[1] + r.randint(0, 3))
            return r.choice([f"trước ngày {r.choice((10, 15, 20, 25, 30))}/{m}/{y}", f"trong tháng {m}/{y}",
                             f"trước ngày 15/12/{y}"])
        if name == "year":
            return str(y)
        if name == "prev_year":
            return str(y - 1)
        if name == "next_year":
            return str(y + 1)
        if name == "year5":
            return str((2016 if y <= 2020 else 2021) + 4)
        if name == "period":
            return _period(r, y, pick)
        if name == "month":
            return str(r.randint(1, 12))
        if name == "n":
            return str(r.randint(2, 60))
        if name == "n2":
            return str(r.randint(3, 450))
        if name in ("big", "big2"):
            return _vn_int(int(r.paretovariate(1.2) * 800))
        if name == "pct":
            return f"{r.randint(35, 99)},{r.randint(0, 9)}%"
        if name == "money":
            return self.money()
        if name == "area":
            return f"{r.randint(1, 900)},{r.randint(10, 99)} ha"
        if name == "person":
            return self.person()
        if name == "name":
            return pick(_people(), 1.05)
        if name == "verb":
            return pick(V.VERBS)
        if name == "adv":
            return pick(V.ADVERBS)
        if name == "adv2":
            return pick(V.ADVERBS_RESULT)
        raise KeyError(name)

    def fill(self, template: str, cap: bool = True) -> str:
        """Fill every slot; capitalize the first letter (a sentence, a heading)."""
        text = re.sub(r"\{(\w+)\}", lambda m: self.slot(m.group(1)), template)
        return text[:1].upper() + text[1:] if cap else text

    def sentence(self) -> str:
        """One sentence; a template is used at most once per document until its pool runs
        dry, then at most twice, so pages do not repeat themselves."""
        for attempt in range(12):
            r = self.rng.random()
            if r < 0.33:
                pool = self.topic.sentences
            elif r < 0.40:
                pool = self.topic2.sentences
            elif r < 0.50 and self.package.system == "party":
                pool = V.PARTY_SENTENCES
            else:
                pool = V.GENERIC_SENTENCES
            template = self.pick(pool, 0.7)
            limit = 1 if attempt < 8 else 2
            if self.used.get(template, 0) < limit:
                break
        self.used[template] = self.used.get(template, 0) + 1
        return self.fill(template)

    def paragraph(self, sentences: tuple[int, int] = (2, 4)) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(*sentences)))

    # -- document parts
    def header(self) -> dict:
        s, p = self.spec, self.package
        y, m, d = s.date
        number = f"Số {s.number}" if p.system == "party" else f"Số: {s.number}"
        kwargs = dict(
            issuer=list(p.header), number=number, system=p.system,
            place_date=f"{p.place}, ngày {d:02d} tháng {m:02d} năm {y}",
            signer=list(s.signer_lines) + ["(Đã ký)", s.signer],
            recipients=["Nơi nhận:", "- Như trên;",
                        "- Thường trực Tỉnh ủy;" if p.system == "party" else "- TT Tỉnh ủy, TT HĐND tỉnh;",
                        f"- {self.agency()};", "- Lưu: VT."],
        )
        if s.doc_type == "Công văn":
            kwargs["subject"] = s.summary if s.summary.startswith("V/v") else f"V/v {s.summary[0].lower()}{s.summary[1:]}"
            kwargs["addressee"] = f"Kính gửi: {self.pick(V.UNITS)}"
        else:
            kwargs["title"] = [s.doc_type.upper(), s.summary]
        return kwargs

    def body(self, budget: list[int]) -> list[str]:
        """Paragraphs (with "\\f" page breaks) filling about ``budget[i]`` syllables on page i."""
        s = self.spec
        opening, sections, closing = self.structure()
        paragraphs: list[str] = []
        page, used = 0, 0
        stream = iter(opening + sections)
        while True:
            para = next(stream, None)
            if para is None:
                para = self.paragraph()
            words = len(para.split())
            if used + words > budget[page] and used > 0:
                page += 1
                if page == len(budget):
                    break
                paragraphs.append("\f")
                used = 0
            paragraphs.append(para)
            used += words
        paragraphs.extend(closing)
        if s.old_style:
            paragraphs = [old_style(p) for p in paragraphs]
        return paragraphs

    def structure(self) -> tuple[list[str], list[str], list[str]]:
        s = self.spec
        kind = s.doc_type
        fill, para = self.fill, self.paragraph
        if kind == "Quyết định":
            lead = ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SƠN HÀ" if self.package.abbr == "UBND"
                    else "BAN THƯỜNG VỤ TỈNH ỦY" if self.package.system == "party"
                    else f"GIÁM ĐỐC {self.package.header[-1]}")
            opening = [lead] + [fill("Căn cứ {cite};") for _ in range(self.rng.randint(2, 4))]
            opening += [fill("Theo đề nghị của {agency} tại Tờ trình số {n2}/TTr-SNV ngày {date}."), "QUYẾT ĐỊNH:",
                        fill("Điều 1. Phê duyệt nội dung về {obj}, cụ thể như sau:")]
            sections = [f"{i}. {para((1, 3))}" for i in range(1, 6)]
            sections += [fill("Điều 2. Tổ chức thực hiện. ") + para((2, 3))]
            closing = [fill("Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc {agency}, Chủ tịch UBND {district} và "
                            "thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.")]
        elif kind in ("Báo cáo", "Kết luận", "Biên bản"):
            opening = [fill("Thực hiện {ref}, {agency} báo cáo kết quả {obj} {period} như sau:")]
            heads = ["I. KẾT QUẢ ĐẠT ĐƯỢC", "1. Công tác lãnh đạo, chỉ đạo", "2. Kết quả thực hiện các nhiệm vụ",
                     "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
                     "IV. KIẾN NGHỊ, ĐỀ XUẤT"]
            sections = []
            for h in heads:
                sections += [h, para(), para()]
            closing = [fill("Trên đây là báo cáo kết quả {obj}, kính báo cáo {agency} xem xét, chỉ đạo./.")]
        elif kind in ("Kế hoạch", "Chương trình", "Hướng dẫn"):
            opening = [fill("Thực hiện {cite}; {ref}, {agency} ban hành Kế hoạch {obj} như sau:")]
            heads = ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG VÀ GIẢI PHÁP", "III. KINH PHÍ THỰC HIỆN",
                     "IV. TỔ CHỨC THỰC HIỆN"]
            sections = []
            for h in heads:
                sections += [h] + [f"{i}. {para((1, 3))}" for i in range(1, self.rng.randint(3, 5))]
            closing = [fill("Yêu cầu {unit} nghiêm túc triển khai thực hiện Kế hoạch này./.")]
        elif kind in ("Nghị quyết", "Chỉ thị"):
            opening = [para(), fill("Để tiếp tục {verb} {obj} trong thời gian tới, yêu cầu các cấp ủy, chính quyền tập trung thực hiện tốt các nhiệm vụ sau:")]
            sections = [f"{i}. {para()}" for i in range(1, 8)]
            closing = [fill("{agency} chủ trì, phối hợp với các cơ quan liên quan theo dõi, kiểm tra việc thực hiện, định kỳ báo cáo./.")]
        elif kind in ("Tờ trình",):
            opening = [fill("Căn cứ {cite};"), fill("Thực hiện {ref};"),
                       fill("{agency} kính trình {agency2} xem xét, phê duyệt {obj} với các nội dung chính như sau:")]
            heads = ["I. SỰ CẦN THIẾT", "II. NỘI DUNG ĐỀ NGHỊ", "III. KINH PHÍ VÀ NGUỒN VỐN"]
            sections = []
            for h in heads:
                sections += [h, para(), para()]
            closing = [fill("Kính trình {agency2} xem xét, quyết định./.")]
        else:  # Công văn, Thông báo
            opening = [fill("Thực hiện {cite}; {ref}, {agency} đề nghị {unit} {verb} một số nội dung sau:")]
            sections = [f"{i}. {para()}" for i in range(1, 7)]
            closing = [fill("Đề nghị {unit} quan tâm, phối hợp thực hiện./.")]
        return opening, sections, closing


def document_pages(spec: DocSpec, seed: int) -> list[str]:
    """The page strings of one document (pdfgen's layout conventions)."""
    import pdfgen

    package = next(p for p in PACKAGES if p.key == spec.package)
    maker = TextMaker(spec, package, seed)
    header = maker.header()
    budget = [230] + [400] * (spec.pages - 2) + [300]
    if spec.pages == 1:
        budget = [230]
    for _ in range(6):
        pages = pdfgen.official_document(body=maker.body(budget), **header)
        if len(pages) != spec.pages:
            budget = [b - 30 for b in budget]
            continue
        return [_nfc_or_nfd(p, spec.nfd) for p in pages]
    raise RuntimeError(f"cannot lay out {spec.doc_id} on {spec.pages} pages")


def _nfc_or_nfd(text: str, nfd: bool) -> str:
    return unicodedata.normalize("NFD" if nfd else "NFC", text)


def _make_pdf(job: tuple[dict, int, str]) -> tuple[str, str, int]:
    """Worker: write one document's PDF; return (doc_id, full text, page count)."""
    import pdfgen

    spec_dict, seed, out = job
    spec = DocSpec(**{**spec_dict, "date": tuple(spec_dict["date"]),
                      "signer_lines": tuple(spec_dict["signer_lines"])})
    pages = document_pages(spec, seed)
    path = Path(out) / "packages" / spec.package / spec.pdf_rel
    for attempt in range(4):
        try:
            pdfgen.write_text_pdf(path, pages, title=spec.summary, author=spec.signer)
            break
        except ValueError:  # a page does not fit even in small type: shorten the longest page
            longest = max(range(len(pages)), key=lambda i: len(pages[i]))
            lines = pages[longest].split("\n")
            body_lines = [i for i, line in enumerate(lines) if len(line) > 200]
            if not body_lines:
                raise
            del lines[body_lines[-1]]
            pages[longest] = "\n".join(lines)
    else:
        raise RuntimeError(f"{spec.doc_id}: pages do not fit")
    return spec.doc_id, "\n\f\n".join(pages), len(pages)


# --------------------------------------------------------------------------- sheets and files

FILE_HEADERS = ["Mã hồ sơ", "Mã phông", "Tên phông", "Mục lục số", "Hộp số", "Số và ký hiệu hồ sơ",
                "Tiêu đề hồ sơ", "Thời hạn bảo quản", "Chế độ sử dụng", "Ngôn ngữ", "Thời gian bắt đầu",
                "Thời gian kết thúc", "Tổng số tài liệu", "Số lượng trang", "Tình trạng vật lý", "Từ khóa"]
DOC_HEADERS = ["Mã định danh văn bản", "Mã hồ sơ", "Số thứ tự văn bản trong hồ sơ", "Số và ký hiệu",
               "Ngày, tháng, năm văn bản", "Tên loại văn bản", "Tên cơ quan, tổ chức ban hành",
               "Trích yếu nội dung", "Người ký", "Ngôn ngữ", "Số lượng trang", "Chế độ sử dụng",
               "Mức độ tin cậy", "Từ khóa", "Tệp tin"]


def _write_csv(path: Path, headers: list[str], rows: list[list]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        writer.writerows([[str(v) for v in row] for row in rows])


def write_project(files: list[FileSpec], page_counts: dict[str, int], root: Path) -> None:
    (root / "pages").mkdir(parents=True, exist_ok=True)
    (root / "catalog.toml").write_text(
        'title = "Kho lưu trữ số tỉnh Sơn Hà — dữ liệu tổng hợp để đo hiệu năng"\n'
        'title_en = "Son Ha province digital archive — synthetic benchmark data"\n'
        'organization = "Trung tâm Lưu trữ lịch sử tỉnh Sơn Hà"\n'
        'languages = ["vi", "en"]\ndefault_access = "public"\nnew_items = 10\n\n'
        '[editions.public]\ntiers = ["public"]\n', encoding="utf-8")
    (root / "pages" / "gioi-thieu.md").write_text(
        "---\ntitle: Giới thiệu\ntitle_en: About\norder: 1\n---\n\n"
        "Dữ liệu tổng hợp, sinh tự động để đo tốc độ và dung lượng của công cụ tìm kiếm. "
        "Các địa danh, cơ quan và nhân vật trong tài liệu là hư cấu.\n", encoding="utf-8")
    for package in PACKAGES:
        pdir = root / "packages" / package.key
        pfiles = [f for f in files if f.package == package.key]
        years = sorted({f.year for f in pfiles}) or [2025]
        (pdir / "package.toml").parent.mkdir(parents=True, exist_ok=True)
        (pdir / "package.toml").write_text(
            f'id = "{package.key}"\ntitle = "Tài liệu {package.fonds_name}, {years[0]}-{years[-1]}"\n'
            f'fonds_code = "{package.fonds_code}"\nfonds_name = "{package.fonds_name}"\n'
            f'agency = "{package.fonds_name}"\nhandover_date = "15/10/2025"\n'
            f'handed_over_by = "{package.fonds_name}"\nreceived_by = "Trung tâm Lưu trữ lịch sử tỉnh Sơn Hà"\n'
            f'description = "Gói tài liệu số hóa tổng hợp (dữ liệu thử nghiệm)."\n', encoding="utf-8")
        file_rows, doc_rows = [], []
        for box, f in enumerate(pfiles, 1):
            pages = sum(page_counts[d.doc_id] for d in f.docs)
            dates = sorted(d.date for d in f.docs)
            file_rows.append([
                f.file_code, package.fonds_code, package.fonds_name, f.year, (box + 9) // 10,
                f"{box:03d}", f.title, "01" if f.topic in ("xay_dung_dang", "so_hoa", "van_thu") else "02",
                "01", "Tiếng Việt", "{2:02d}/{1:02d}/{0}".format(*dates[0]), "{2:02d}/{1:02d}/{0}".format(*dates[-1]),
                len(f.docs), pages, "01", "; ".join(TOPICS[f.topic].keywords[:3]),
            ])
            for d in f.docs:
                doc_rows.append([
                    d.doc_id, d.file_code, d.ordinal, d.number, "{2:02d}/{1:02d}/{0}".format(*d.date), d.doc_type,
                    package.agency, d.summary, d.signer, "Tiếng Việt", page_counts[d.doc_id], "Công khai",
                    "01", d.keywords, d.pdf_rel,
                ])
        _write_csv(pdir / "ho_so.csv", FILE_HEADERS, file_rows)
        _write_csv(pdir / "tai_lieu.csv", DOC_HEADERS, doc_rows)


def code_digest() -> str:
    h = hashlib.sha256()
    for p in (HERE / "synthetic.py", HERE / "vocab_vi.py", ROOT / "scripts" / "pdfgen.py"):
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def params_for(n_docs: int, seed: int) -> dict:
    return {"docs": n_docs, "seed": seed, "version": GENERATOR_VERSION, "code": code_digest()}


def generate(n_docs: int = 10_000, seed: int = 2025, out: Path = DEFAULT_OUT, jobs: int = 2,
             force: bool = False, log=print) -> dict:
    """Make the project at ``out`` unless it exists with the same parameters. Returns stats."""
    out = Path(out).resolve()
    params_path = out.with_name(out.name + ".params.json")
    texts_path = out.with_name(out.name + ".texts.jsonl.gz")
    params = params_for(n_docs, seed)
    if not force and out.is_dir() and params_path.is_file() and texts_path.is_file():
        try:
            stored = json.loads(params_path.read_text())
        except ValueError:
            stored = {}
        if {k: stored.get(k) for k in params} == params:
            log(f"synthetic: {out} already holds {n_docs} documents (seed {seed}); not regenerated")
            return {**stored, "regenerated": False}
    started = time.monotonic()
    tmp = out.with_name(out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    files = plan(n_docs, seed)
    specs = [d for f in files for d in f.docs]
    log(f"synthetic: {len(specs)} documents in {len(files)} archival files, {len(PACKAGES)} packages; "
        f"writing PDFs with {jobs} processes")
    work = [(asdict(s), seed, str(tmp)) for s in specs]
    page_counts: dict[str, int] = {}
    texts: dict[str, str] = {}
    last = time.monotonic()
    with Pool(jobs) as pool:
        for i, (doc_id, text, n_pages) in enumerate(pool.imap(_make_pdf, work, chunksize=16), 1):
            page_counts[doc_id] = n_pages
            texts[doc_id] = text
            if time.monotonic() - last > 10 or i == len(work):
                last = time.monotonic()
                log(f"  {i}/{len(work)} PDFs ({time.monotonic() - started:.0f} s)")
    write_project(files, page_counts, tmp)
    file_titles = {f.file_code: f.title for f in files}
    with gzip.open(texts_path.with_suffix(".tmp"), "wt", encoding="utf-8") as handle:
        for s in specs:
            package = next(p for p in PACKAGES if p.key == s.package)
            meta = "\n".join((s.doc_type, package.agency, s.signer, s.keywords, s.file_code, package.fonds_code,
                              package.fonds_name, file_titles[s.file_code], "{2:02d}/{1:02d}/{0}".format(*s.date)))
            handle.write(json.dumps({"doc_id": s.doc_id, "number": s.number, "title": s.summary,
                                     "doc_type": s.doc_type, "topic": s.topic, "meta": meta,
                                     "text": texts[s.doc_id]}, ensure_ascii=False) + "\n")
    shutil.rmtree(out, ignore_errors=True)
    tmp.rename(out)
    texts_path.with_suffix(".tmp").replace(texts_path)
    pdf_bytes = sum(p.stat().st_size for p in out.rglob("*.pdf"))
    stats = {**params, "files": len(files), "pages": sum(page_counts.values()), "pdf_bytes": pdf_bytes,
             "seconds": round(time.monotonic() - started, 1), "regenerated": True}
    params_path.write_text(json.dumps(stats, indent=2))
    log(f"synthetic: {len(specs)} documents, {stats['pages']} pages, {pdf_bytes / 1e6:.0f} MB of PDF "
        f"in {stats['seconds']} s → {out}")
    return stats


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=10_000, help="number of documents (default 10000)")
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="project folder (default bench/out/synthetic)")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="worker processes (default 2)")
    ap.add_argument("--force", action="store_true", help="regenerate even if the parameters match")
    args = ap.parse_args(argv)
    generate(args.docs, args.seed, args.out, args.jobs, args.force)


if __name__ == "__main__":
    main()
