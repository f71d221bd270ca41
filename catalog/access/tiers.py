"""Access tiers and editions: who may see what.

The rules come from the input contract (package-format.md, "Access"): a document takes
the stricter of its own tier and its archival file's; secret items are never published
in any edition (Law 29/2018/QH14 Art. 5(5)); an edition publishes a fixed set of tiers.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Tier(enum.IntEnum):
    """Ordered so that ``max()`` gives the stricter tier."""

    PUBLIC = 0
    RESTRICTED = 1
    SECRET = 2

    @property
    def label_vi(self) -> str:
        return {0: "Công khai", 1: "Sử dụng có điều kiện", 2: "Mật"}[self.value]

    @property
    def label_en(self) -> str:
        return {0: "Public", 1: "Restricted", 2: "Secret"}[self.value]

    @classmethod
    def from_name(cls, name: str) -> "Tier":
        return cls[name.strip().upper()]


def stricter(*tiers: Tier | None) -> Tier | None:
    """The strictest of the given tiers, ignoring unknown (None) ones."""
    known = [t for t in tiers if t is not None]
    return max(known) if known else None


@dataclass(frozen=True)
class Edition:
    """A published variant of the catalog: its name, the tiers it shows and those it seals.

    ``sealed`` tiers are in the edition encrypted, each under its own passphrase (the
    offline bundle, see ``access.sealing``); ``admits`` speaks of what is shown plainly.
    ``SECRET`` can never be part of an edition, plain or sealed; the config loader refuses it.
    """

    name: str
    tiers: frozenset[Tier]
    sealed: frozenset[Tier] = frozenset()

    def admits(self, tier: Tier) -> bool:
        return tier is not Tier.SECRET and tier in self.tiers

    @property
    def scope(self) -> "Edition":
        """Everything the edition holds, plain or sealed: what its build reads."""
        return Edition(self.name, self.tiers | self.sealed)

    def unsealed_by(self, tier: Tier) -> "Edition":
        """What a reader holding the key of ``tier`` sees: the plain tiers and the sealed ones up to it."""
        return Edition(self.name, self.tiers | {t for t in self.sealed if t <= tier})


PUBLIC_EDITION = Edition("public", frozenset({Tier.PUBLIC}))
RESTRICTED_EDITION = Edition("restricted", frozenset({Tier.PUBLIC, Tier.RESTRICTED}))
# For a USB stick: public records plain, restricted ones sealed under a passphrase.
BUNDLE_EDITION = Edition("bundle", frozenset({Tier.PUBLIC}), frozenset({Tier.RESTRICTED}))
# What every catalog has without a word of configuration; catalog.toml may rename,
# add or narrow editions (an edition named "public" must remain).
DEFAULT_EDITIONS = {"public": PUBLIC_EDITION, "restricted": RESTRICTED_EDITION, "bundle": BUNDLE_EDITION}
