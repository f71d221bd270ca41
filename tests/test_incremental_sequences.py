"""Random sequences of an archivist's changes, each followed by a rebuild and a full build.

From a small project, every step applies one change chosen by a seeded random generator
— add, delete or rename a package; add, change or delete a row; replace a scan's content
or rename it (and its row) — then rebuilds into the same folder and builds the same
inputs afresh into another: the two sites must be the same file for file, and
``catalog search`` must give the same hits in the same order.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pdfgen
import pytest
from projects import DOC_HEADERS, FILE_HEADERS, edit_csv, read_csv, write_catalog_toml, write_csv
from test_incremental import _answers, _site_files

from catalog.build import BuildPaths, build
from catalog.config import load_config
from catalog.search.browser import reader as browser_index
from catalog.state import build_state

WORDS = ("lưu trữ", "số hóa", "văn thư", "kiểm tra", "hồ sơ", "quyết định", "biên bản", "tổng kết",
         "chuyển đổi số", "ngân sách", "đất đai", "cán bộ")
QUERIES = ("lưu trữ", "so hoa", "kiểm tra", '"chuyển đổi số"', "biên bản", "ngân sách", "can bo", "tổng kết")
FILE_COLUMN = DOC_HEADERS.index("Tệp tin")
SUMMARY_COLUMN = DOC_HEADERS.index("Trích yếu nội dung")


@pytest.fixture(autouse=True)
def settled_files(monkeypatch):
    monkeypatch.setattr(build_state, "RACY_SECONDS", 0)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")


class Project:
    """A project on disk that the steps change; names come from counters, text from the generator."""

    def __init__(self, root: Path, rng: random.Random):
        self.root, self.rng, self.counter = root, rng, 0
        write_catalog_toml(root, default_access="public")
        (root / "packages").mkdir()
        for _ in range(2):
            self.add_package()

    def packages(self) -> list[Path]:
        return sorted(p for p in (self.root / "packages").iterdir() if p.is_dir())

    def _next(self) -> int:
        self.counter += 1
        return self.counter

    def _text(self) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(4, 12)))

    def _doc_row(self, package: Path, file_code: str) -> list:
        n = self._next()
        name = f"data/{file_code}.{n}.pdf"
        pdfgen.write_text_pdf(package / name, [f"Trang về {self._text()}.", f"Phần hai: {self._text()}."])
        return [f"{file_code}.{n}", file_code, n, f"{n}-CV/VP", f"{1 + n % 28:02d}/0{1 + n % 9}/2021", "Công văn",
                f"Về việc {self._text()}", self.rng.choice(["01", "01", "02"]), "", 2, name]

    def add_package(self) -> None:
        n = self._next()
        package = self.root / "packages" / f"P{n}"
        package.mkdir()
        (package / "package.toml").write_text(f'id = "P{n}"\nfonds_code = "F{n % 2}"\nfonds_name = "Phông {n % 2}"\n',
                                              encoding="utf-8")
        codes = [f"H{n}.{k}" for k in range(1, self.rng.randint(2, 3))]
        write_csv(package / "ho_so.csv", FILE_HEADERS, [[c, f"Phông {n % 2}", f"Hồ sơ {self._text()}", "01"] for c in codes])
        rows = [self._doc_row(package, self.rng.choice(codes)) for _ in range(self.rng.randint(2, 4))]
        write_csv(package / "tai_lieu.csv", DOC_HEADERS, rows)

    def delete_package(self) -> None:
        if len(self.packages()) > 1:
            shutil.rmtree(self.rng.choice(self.packages()))

    def rename_package(self) -> None:
        package = self.rng.choice(self.packages())
        package.rename(package.with_name(f"{package.name}-doi-ten-{self._next()}"))

    def add_row(self) -> None:
        package = self.rng.choice(self.packages())
        codes = [row[0] for row in read_csv(package / "ho_so.csv")[1:]]
        row = self._doc_row(package, self.rng.choice(codes))
        edit_csv(package / "tai_lieu.csv", lambda rows: rows + [[str(v) for v in row]])

    def change_row(self) -> None:
        summary = f"Về việc {self._text()}"
        self._edit_one_row(lambda row: row.__setitem__(SUMMARY_COLUMN, summary) or row)

    def delete_row(self) -> None:
        self._edit_one_row(lambda row: None)

    def replace_pdf(self) -> None:
        package = self.rng.choice(self.packages())
        row = self.rng.choice(read_csv(package / "tai_lieu.csv")[1:] or [None])
        if row:
            pdfgen.write_text_pdf(package / row[FILE_COLUMN], [f"Bản quét mới: {self._text()}."])

    def rename_pdf(self) -> None:
        package = self.rng.choice(self.packages())
        new_name = f"data/doi-ten-{self._next()}.pdf"

        def rename(row):
            (package / row[FILE_COLUMN]).rename(package / new_name)
            row[FILE_COLUMN] = new_name
            return row
        self._edit_one_row(rename, package)

    def _edit_one_row(self, change, package: Path | None = None) -> None:
        package = package or self.rng.choice(self.packages())
        rows = read_csv(package / "tai_lieu.csv")
        if len(rows) < 2:
            return
        chosen = self.rng.randrange(1, len(rows))

        def edit(rows):
            changed = change(rows[chosen])
            return rows[:chosen] + ([changed] if changed is not None else []) + rows[chosen + 1:]
        edit_csv(package / "tai_lieu.csv", edit)


STEPS = ("add_package", "delete_package", "rename_package", "add_row", "change_row", "delete_row",
         "replace_pdf", "rename_pdf")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_changes_rebuild_to_the_site_a_full_build_makes(tmp_path, seed):
    rng = random.Random(seed)
    project = Project(tmp_path / "content", rng)
    site = tmp_path / "build" / "site"
    build(load_config(project.root), BuildPaths.for_output(site))
    for step in range(6):
        name = rng.choice(STEPS)
        getattr(project, name)()
        build(load_config(project.root), BuildPaths.for_output(site))
        fresh = tmp_path / f"fresh-{step}" / "site"
        build(load_config(project.root), BuildPaths.for_output(fresh), full=True)
        assert _site_files(site) == _site_files(fresh), f"seed {seed}, step {step}: {name}"
        assert browser_index.contents(site) == browser_index.contents(fresh), f"seed {seed}, step {step}: {name}"
        for query in QUERIES:
            assert _answers(site, query) == _answers(fresh, query), f"seed {seed}, step {step}: {name}, {query!r}"
        shutil.rmtree(fresh.parent)
