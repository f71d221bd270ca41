"""The deployment root: its layout, its marker, and the lock every change takes.

::

    ROOT/.catalog-deploy                  marker: this folder is ours
    ROOT/<edition>/releases/<id>/         one release per deploy (a copy of a built site)
    ROOT/<edition>/current -> releases/<id>   what the server serves
    ROOT/users.htpasswd                   bcrypt hashes of the restricted edition's users
    ROOT/server/nginx.conf, apache.conf   written by ``catalog deploy --write-config``

Only ``ROOT/<edition>/current`` is ever served, so the htpasswd file and the markers lie
outside every served folder.
"""

from __future__ import annotations

import fcntl
import os
import re
from contextlib import contextmanager
from pathlib import Path

from catalog.publish import DeployError

ROOT_MARKER = ".catalog-deploy"
RELEASE_MARKER = ".catalog-release"
LOCK_NAME = ".catalog-deploy.lock"
USERS_FILE = "users.htpasswd"
SERVER_DIR = "server"
_EDITION_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")
_RESERVED = {SERVER_DIR, "releases", "current"}
# Characters that would need quoting in an nginx or Apache configuration: refused in ROOT.
_UNSAFE_PATH = re.compile(r"[\s;{}\"'$#\\`]")


class DeployRoot:
    def __init__(self, root: Path):
        self.path = Path(os.path.abspath(root))

    @property
    def users_file(self) -> Path:
        return self.path / USERS_FILE

    @property
    def server_dir(self) -> Path:
        return self.path / SERVER_DIR

    def edition_dir(self, edition: str) -> Path:
        check_edition_name(edition)
        return self.path / edition

    def releases_dir(self, edition: str) -> Path:
        return self.edition_dir(edition) / "releases"

    def current(self, edition: str) -> Path:
        return self.edition_dir(edition) / "current"

    def is_ours(self) -> bool:
        return self.path.is_dir() and not self.path.is_symlink() and (self.path / ROOT_MARKER).is_file()

    def refuse_foreign(self) -> None:
        """Refuse a ROOT that exists, is not empty and has no marker, or whose path a server config cannot hold."""
        if _UNSAFE_PATH.search(str(self.path)):
            raise DeployError(
                f"Đường dẫn thư mục triển khai {self.path} có dấu cách hoặc ký tự đặc biệt mà cấu hình máy chủ "
                f"không ghi được. Chọn --root khác, ví dụ /srv/catalog. / The deployment root {self.path} contains "
                f"spaces or special characters a server configuration cannot hold. Choose another --root, e.g. /srv/catalog."
            )
        if not os.path.lexists(self.path) or self.is_ours():
            return
        if self.path.is_dir() and not self.path.is_symlink() and not any(self.path.iterdir()):
            return
        raise DeployError(
            f"Thư mục triển khai {self.path} đã có dữ liệu khác, không do catalog tạo (không có tệp đánh dấu "
            f"{ROOT_MARKER}); không ghi, không xóa gì. Chọn thư mục trống hoặc chưa có bằng --root. "
            f"/ The deployment root {self.path} holds other data, not made by catalog (it has no {ROOT_MARKER} "
            f"marker); nothing is written or deleted. Choose an empty or new folder with --root."
        )

    def require_ours(self) -> None:
        """For commands that only change an existing deployment (rollback, users)."""
        self.refuse_foreign()
        if not self.is_ours():
            raise DeployError(
                f"Chưa có bản triển khai nào ở {self.path}. Triển khai trước bằng "
                f"`catalog deploy --edition NAME --site DIR --root {self.path}`. / Nothing is deployed at {self.path}. "
                f"Deploy first with `catalog deploy --edition NAME --site DIR --root {self.path}`."
            )

    def prepare(self) -> None:
        self.refuse_foreign()
        self.path.mkdir(parents=True, exist_ok=True)
        marker = self.path / ROOT_MARKER
        if not marker.exists():
            marker.write_text("made by catalog deploy: releases of the catalog's editions; see README.md\n",
                              encoding="utf-8")

    @contextmanager
    def locked(self):
        """One change at a time: two deploys, or a deploy and `users add`, never interleave."""
        with open(self.path / LOCK_NAME, "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


def check_edition_name(edition: str) -> None:
    if not _EDITION_NAME.fullmatch(edition) or edition in _RESERVED:
        raise DeployError(
            f'Tên ấn bản "{edition}" không dùng được làm tên thư mục (chỉ chữ thường không dấu, số, "-", "_"; '
            f'không phải {", ".join(sorted(_RESERVED))}). Dùng tên ấn bản trong catalog.toml, ví dụ public. '
            f'/ The edition name "{edition}" cannot be a folder name (lowercase ASCII letters, digits, "-", "_" only; '
            f'not {", ".join(sorted(_RESERVED))}). Use the edition name of catalog.toml, e.g. public.'
        )
