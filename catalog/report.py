"""Problems found while reading and building, with their exact locations.

One broken row or PDF never stops a build: it becomes a ``Problem`` here, and the
build carries on. The report is written as JSON beside the site (never inside it).
Secret records are counted by identifier only: no title, text or path of a secret
record may enter a problem message.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from catalog import atomic
from catalog.model import Location

ERROR = "error"
WARNING = "warning"
GENERATOR = "catalog"  # written into the report: a later build overwrites only a report that says this


@dataclass(frozen=True)
class Problem:
    code: str  # machine-readable kind, e.g. "duplicate-id", "bad-date", "pdf-missing"
    message: str  # "<Vietnamese>. / <English>." — says what is wrong and what to do
    path: str = ""
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    doc_id: str | None = None
    severity: str = ERROR

    def where(self) -> str:
        """Human-readable location: ``packages/A/ho_so.xlsx, sheet "Hồ sơ", row 7, column "Ngày"``."""
        return Location(self.path, self.sheet, self.row, self.column).where()


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    withheld_secret: list[str] = field(default_factory=list)
    edition: str = ""

    def add(
        self,
        code: str,
        message: str,
        location: Location | None = None,
        *,
        doc_id: str | None = None,
        severity: str = ERROR,
    ) -> Problem:
        loc = location or Location("")
        problem = Problem(code, message, loc.path, loc.sheet, loc.row, loc.column, doc_id, severity)
        self.problems.append(problem)
        return problem

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    def forget(self, doc_ids: set[str]) -> None:
        """Drop the problems about these documents: they turned out secret, and are named nowhere."""
        self.problems = [p for p in self.problems if p.doc_id not in doc_ids]

    def by_code(self) -> Counter:
        return Counter(p.code for p in self.problems)

    def to_dict(self) -> dict:
        return {
            "edition": self.edition,
            "counts": dict(self.counts),
            "withheld": {"secret": len(self.withheld_secret), "secret_rows": sorted(self.withheld_secret)},
            "problem_count": len(self.problems),
            "problems": [asdict(p) for p in self.problems],
        }

    @classmethod
    def read_json(cls, path: Path) -> "Report":
        """The report a build wrote at ``path`` (for a rebuild that found nothing changed)."""
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(problems=[Problem(**p) for p in data["problems"]], edition=data.get("edition", ""),
                   counts=data.get("counts", {}), withheld_secret=data["withheld"]["secret_rows"])

    def write_json(self, path: Path) -> None:
        """Replace the report at ``path`` in one step (the build checked first that it is ours)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"generator": GENERATOR, **self.to_dict()}
        atomic.write_text(path, json.dumps(data, ensure_ascii=False, indent=2))
