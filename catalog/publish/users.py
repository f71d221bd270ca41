"""The restricted edition's users: a bcrypt htpasswd file, ``ROOT/users.htpasswd``.

Each line is ``name:$2y$<cost>$<salt+hash>``, which nginx (through the system's
``crypt()``) and Apache 2.4 both check. The file is replaced in one step, with mode 0640
and the group it had (``chgrp www-data`` it once, so the server may read it); the lock of
the deployment root keeps two changes from losing one another. No password is stored in
clear, nor passed on a command line: the CLI reads it from a prompt or an environment
variable.
"""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path

import bcrypt

from catalog.publish import DeployError
from catalog.publish.root import DeployRoot

MIN_PASSWORD = 8
MAX_PASSWORD_BYTES = 72  # bcrypt reads no further: a longer one would be cut without a word
COST = 10  # checked on every request of the restricted edition: ~50 ms, not ~200 ms at 12
_NAME = re.compile(r"[A-Za-z0-9._@-]{1,64}")
_LINE = re.compile(r"([^:\s]+):(\S+)")


def check_name(name: str) -> None:
    if not _NAME.fullmatch(name):
        raise DeployError(
            f'Tên người dùng "{name}" không hợp lệ: chỉ chữ cái không dấu, số, ".", "_", "@", "-", tối đa 64 ký tự. '
            f'Chọn tên khác, ví dụ nguyen.van.a. / The user name "{name}" is not valid: ASCII letters, digits, ".", '
            f'"_", "@", "-" only, at most 64 characters. Choose another, e.g. nguyen.van.a.'
        )


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise DeployError(
            f"Mật khẩu quá ngắn: cần ít nhất {MIN_PASSWORD} ký tự. Nhập mật khẩu dài hơn. "
            f"/ The password is too short: it needs at least {MIN_PASSWORD} characters. Enter a longer one."
        )
    if len(password.encode("utf-8")) > MAX_PASSWORD_BYTES:
        raise DeployError(
            f"Mật khẩu quá dài: bcrypt chỉ đọc {MAX_PASSWORD_BYTES} byte đầu. Nhập mật khẩu ngắn hơn. "
            f"/ The password is too long: bcrypt reads only its first {MAX_PASSWORD_BYTES} bytes. Enter a shorter one."
        )
    if any(ord(c) < 32 or ord(c) == 127 for c in password):
        raise DeployError(
            "Mật khẩu có ký tự điều khiển. Nhập mật khẩu khác. / The password contains control characters. Enter another."
        )


def hash_password(password: str) -> str:
    hashed = bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(COST)).decode("ascii")
    # $2b$ and $2y$ are the same algorithm; older Apache (APR) knows only $2y$ and $2a$.
    return "$2y$" + hashed[4:]


def read_users(path: Path) -> dict[str, str]:
    """name → hash, in the file's order."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    users = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        match = _LINE.fullmatch(line.strip())
        if not match:
            raise DeployError(
                f"Dòng {number} của {path} không đúng dạng tên:mã-băm. Sửa hoặc xóa dòng đó. "
                f"/ Line {number} of {path} is not name:hash. Fix or delete that line."
            )
        users[match[1]] = match[2]
    return users


def verify(path: Path, name: str, password: str) -> bool:
    hashed = read_users(path).get(name)
    if not hashed:
        return False
    return bcrypt.checkpw(password.encode("utf-8"), ("$2b$" + hashed[4:]).encode("ascii"))


def add_user(root: DeployRoot, name: str, password: str) -> bool:
    """Add ``name`` or change its password; True if it was new."""
    check_name(name)
    check_password(password)
    root.prepare()
    with root.locked():
        users = read_users(root.users_file)
        new = name not in users
        users[name] = hash_password(password)
        _write(root.users_file, users)
    return new


def remove_user(root: DeployRoot, name: str) -> None:
    root.require_ours()
    with root.locked():
        users = read_users(root.users_file)
        if name not in users:
            raise DeployError(
                f'Không có người dùng "{name}" trong {root.users_file}. Xem danh sách bằng `catalog users list`. '
                f'/ There is no user "{name}" in {root.users_file}. See the list with `catalog users list`.'
            )
        del users[name]
        _write(root.users_file, users)


def list_users(root: DeployRoot) -> list[str]:
    root.require_ours()
    return list(read_users(root.users_file))


def _write(path: Path, users: dict[str, str]) -> None:
    text = "".join(f"{name}:{hashed}\n" for name, hashed in users.items())
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o640)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            old = path.stat()
            os.chown(tmp, -1, old.st_gid)  # keep the group the server reads it as
        except (FileNotFoundError, PermissionError):
            pass
        os.chmod(tmp, 0o640)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
