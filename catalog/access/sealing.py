"""Sealing a tier's files for the offline bundle: AES-256-GCM under a passphrase.

Each sealed tier has its own passphrase and its own keys, so a further tier is one more
entry, never a change of format. The passphrase gives, through PBKDF2-SHA256 with a
random salt and at least ``ITERATIONS`` rounds (OWASP's figure for 2023), a master
secret; HKDF-SHA256 derives from it the AES-256-GCM key and the HMAC key that names the
sealed files, so a file's name reveals neither its path nor a document's identifier. The
path is bound to each file as associated data: a sealed file moved to another name does
not open. The browser does the same with WebCrypto (``site_templates/static/vault.js``).

The passphrase is never written anywhere; the salt and the number of rounds are public.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from collections.abc import Mapping
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from catalog.access.tiers import Edition, Tier
from catalog.errors import BuildError

ITERATIONS = 600_000
SALT_BYTES = 16
NONCE_BYTES = 12
NAME_HEX = 32  # 128 bits of HMAC-SHA256: names never collide in practice
MIN_PASSPHRASE = 12  # characters; a short passphrase falls to a guessing attack despite PBKDF2
# HKDF "info" strings: one key per purpose (vault.js uses the same)
AES_INFO = b"catalog vault aes-256-gcm"
NAME_INFO = b"catalog vault file names"


class WrongPassphrase(Exception):
    """A sealed file did not open: the passphrase (or the file) is not the one it was sealed with."""


@dataclass(frozen=True)
class TierKey:
    tier: str  # "restricted"
    salt: bytes
    iterations: int
    aes_key: bytes
    name_key: bytes

    @classmethod
    def derive(cls, tier: str, passphrase: str, salt: bytes | None = None, iterations: int = ITERATIONS) -> "TierKey":
        salt = os.urandom(SALT_BYTES) if salt is None else salt
        master = PBKDF2HMAC(hashes.SHA256(), 32, salt, iterations).derive(passphrase.encode("utf-8"))
        return cls(tier, salt, iterations, _expand(master, AES_INFO), _expand(master, NAME_INFO))

    def name_of(self, path: str) -> str:
        """The sealed file's name: an HMAC of the site path, in hex."""
        return hmac.new(self.name_key, path.encode("utf-8"), hashlib.sha256).hexdigest()[:NAME_HEX]

    def seal(self, path: str, data: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return nonce + AESGCM(self.aes_key).encrypt(nonce, data, self._associated(path))

    def open(self, path: str, sealed: bytes) -> bytes:
        try:
            return AESGCM(self.aes_key).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], self._associated(path))
        except InvalidTag:
            raise WrongPassphrase(path) from None

    def _associated(self, path: str) -> bytes:
        return f"{self.tier}\0{path}".encode("utf-8")

    def public_parameters(self) -> dict:
        """What the browser needs to derive the keys from the passphrase: nothing secret."""
        return {"tier": self.tier, "salt": base64.b64encode(self.salt).decode("ascii"),
                "iterations": self.iterations, "kdf": "PBKDF2-SHA256", "cipher": "AES-256-GCM"}


def _expand(master: bytes, info: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=None, info=info).derive(master)


def passphrase_problem(passphrase: str) -> str | None:
    """Why a passphrase may not seal a tier, in both languages; None if it may."""
    if len(passphrase.strip()) < MIN_PASSPHRASE:
        return (f"Mật khẩu quá ngắn: cần ít nhất {MIN_PASSPHRASE} ký tự (nên dùng một câu dài). "
                f"/ The passphrase is too short: at least {MIN_PASSPHRASE} characters (a long sentence is best).")
    return None


def passphrase_variable(tier: Tier) -> str:
    """The environment variable that gives a tier's passphrase: ``CATALOG_PASSPHRASE_RESTRICTED``."""
    return f"CATALOG_PASSPHRASE_{tier.name}"


def keys_for(edition: Edition, passphrases: Mapping[Tier, str]) -> list[TierKey]:
    """A fresh key (new salt) for each tier the edition seals, lowest tier first.

    Every missing or too short passphrase is reported at once, before anything is built.
    """
    problems = []
    for tier in sorted(edition.sealed):
        passphrase = passphrases.get(tier)
        if passphrase is None:
            problems.append(f'Ấn bản "{edition.name}" mã hoá mức "{tier.name.lower()}": đặt mật khẩu trong biến môi '
                            f'trường {passphrase_variable(tier)} hoặc nhập khi được hỏi. / Edition "{edition.name}" '
                            f'seals tier "{tier.name.lower()}": give its passphrase in the environment variable '
                            f"{passphrase_variable(tier)} or type it when asked.")
        elif problem := passphrase_problem(passphrase):
            problems.append(f"{passphrase_variable(tier)}: {problem}")
    if problems:
        raise BuildError("Không mã hoá được / Cannot seal:\n" + "\n".join(f"  - {p}" for p in problems))
    return [TierKey.derive(tier.name.lower(), passphrases[tier]) for tier in sorted(edition.sealed)]
