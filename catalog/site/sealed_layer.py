"""The sealed layers of the offline bundle: a tier's own version of the site, encrypted.

A bundle is written in layers. The plain layer is the site of the tiers shown plainly;
each sealed tier's layer is the site as its reader sees it (the plain tiers and the
sealed ones up to it), rendered the same way. Every file of that layer that the plain
layer does not hold byte for byte (a file page that lists a restricted document, a
restricted document's page, scan and thumbnails, the whole search index) is sealed
into ``vault/<tier>/<ab>/<name>.js``: a script, so the browser loads it from file://,
named by an HMAC of its path (``access.sealing``), so no name reveals what it holds.
Nothing of a sealed layer is ever written plainly: a file is either identical to the
plain layer's or sealed.

The layer's manifest (its paths, their sizes, whether a plain file shares the path, their
sealed names: the viewer's addresses name a page by it, so no history keeps an identifier)
is sealed too, at the fixed name ``vault/<tier>/manifest.js``; opening it is how the
browser checks a passphrase. ``vault/tiers.js`` lists each tier's public parameters.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

from catalog.access.sealing import TierKey
from catalog.access.tiers import Tier
from catalog.site.write import SiteWriter

FOLDER = "vault"
LOADER = "catalogVaultLoad"  # defined by site_templates/static/vault.js
MANIFEST_PATH = ":manifest"  # the manifest's path as associated data: no site file has a colon first


def vault_script(name: str, data) -> str:
    return f"{LOADER}({json.dumps(name)},{json.dumps(data, ensure_ascii=False, separators=(',', ':'))});\n"


class SealingWriter:
    """Takes a layer's files like a SiteWriter; seals into ``plain`` every one the plain layer lacks."""

    def __init__(self, plain: SiteWriter, key: TierKey):
        self.plain = plain
        self.key = key
        self.manifest: dict[str, list] = {}  # path → [size, a plain file has the same path, sealed name]

    def write_text(self, rel: str, text: str) -> None:
        self.write_bytes(rel, text.encode("utf-8"))

    def write_bytes(self, rel: str, data: bytes) -> None:
        shown = self.plain.written(rel)
        if shown is not None and shown.stat().st_size == len(data) and shown.read_bytes() == data:
            return
        self._seal(rel, data, shown is not None)

    def copy_file(self, rel: str, source: Path | str) -> None:
        if self.plain.sources.get(rel) == source:
            return  # the plain layer copied the same input there
        self.write_bytes(rel, Path(source).read_bytes())

    link_cached = copy_file  # sealed or not, a cached file is the same bytes

    def copy_tree(self, rel: str, source: Path) -> None:
        for path in sorted(source.rglob("*")):
            if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts:
                self.write_bytes(f"{rel}/{path.relative_to(source).as_posix()}", path.read_bytes())

    def _seal(self, rel: str, data: bytes, shares_path: bool) -> None:
        name = self.key.name_of(rel)
        self._write(f"{name[:2]}/{name}.js", name, self.key.seal(rel, data))
        self.manifest[rel] = [len(data), shares_path, name]

    def finish(self) -> int:
        """Seal the manifest; returns the number of files sealed."""
        listing = json.dumps(self.manifest, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        self._write("manifest.js", "manifest", self.key.seal(MANIFEST_PATH, listing.encode("utf-8")))
        return len(self.manifest)

    def _write(self, rel: str, name: str, sealed: bytes) -> None:
        text = vault_script(f"{self.key.tier}/{name}", base64.b64encode(sealed).decode("ascii"))
        self.plain.write_text(f"{FOLDER}/{self.key.tier}/{rel}", text)


def write_tiers(writer: SiteWriter, keys: list[TierKey]) -> None:
    """``vault/tiers.js``: each sealed tier's public parameters and its name in both languages, lowest first."""
    def label(name: str) -> dict[str, str]:
        tier = Tier.from_name(name)
        return {"vi": tier.label_vi, "en": tier.label_en}

    tiers = [{**key.public_parameters(), "label": label(key.tier)} for key in keys]
    writer.write_text(f"{FOLDER}/tiers.js", vault_script("tiers", tiers))


def _vault_arguments(path: Path) -> list:
    """The (name, data) a vault script hands to its loader: the inverse of ``vault_script``."""
    text = path.read_text(encoding="utf-8")
    return json.loads("[" + text[len(LOADER) + 1: text.rindex(")")] + "]")


def tier_key(site: Path, passphrase: str, index: int = 0) -> TierKey:
    """The key of a built site's ``index``-th sealed tier, derived from its public parameters."""
    tier = _vault_arguments(site / FOLDER / "tiers.js")[1][index]
    return TierKey.derive(tier["tier"], passphrase, base64.b64decode(tier["salt"]), tier["iterations"])


def read_sealed(site: Path, key: TierKey) -> dict[str, bytes]:
    """Every file of ``key``'s sealed layer in a built site, opened: for checks and tests."""
    def opened(rel: str, name: str, path: str) -> bytes:
        payload = _vault_arguments(site / FOLDER / key.tier / rel)
        assert payload[0] == f"{key.tier}/{name}", f"{rel} names {payload[0]}"
        return key.open(path, base64.b64decode(payload[1]))

    manifest = json.loads(opened("manifest.js", "manifest", MANIFEST_PATH))
    return {rel: opened(f"{key.name_of(rel)[:2]}/{key.name_of(rel)}.js", key.name_of(rel), rel) for rel in manifest}
