"""The one place that decides which edition may show a scan.

A scan shows every document whose pages it holds, so it may be published in an edition
only if the edition admits every row that names it or lies inside it: a ``Tệp tin`` path,
the naming convention ``<mã hồ sơ>.<số thứ tự>.pdf``, or the whole archival file's
``<mã hồ sơ>.pdf``. Every row claims its scans, including rows that are never published
(secret, damaged, without an id, a duplicate, of an unknown file), at the strictest tier
its cells suggest. A scan nobody claimed is secret: nothing is let through by default.

Scans are told apart by the file they are on disk (device and inode), so a second name
for the same file (a link inside the package) never publishes what the first name hides.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from catalog.access.tiers import Edition, Tier

ScanIdentity = tuple[int, int]  # (st_dev, st_ino)


def scan_identity(path: Path) -> ScanIdentity | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino)


@dataclass
class ScanAccess:
    """The strictest tier of the rows each scan shows, gathered while the rows are read."""

    tiers: dict[ScanIdentity, Tier] = field(default_factory=dict)

    def claim(self, path: Path, tier: Tier) -> None:
        identity = scan_identity(path)
        if identity is not None:
            self.tiers[identity] = max(tier, self.tiers.get(identity, Tier.PUBLIC))

    def tier_of(self, path: Path) -> Tier:
        identity = scan_identity(path)
        return self.tiers.get(identity, Tier.SECRET) if identity is not None else Tier.SECRET

    def admits(self, edition: Edition, path: Path) -> bool:
        return edition.admits(self.tier_of(path))
