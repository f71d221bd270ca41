"""Releases: copy a built site in aside, then make it live with one rename.

A deploy copies the site into ``releases/.<id>.partial`` (hard links where the file
system allows, so the built site is untouched and nothing is duplicated), renames it to
``releases/<id>`` once complete, and points ``current`` at it: a new symlink is made
beside ``current`` and renamed over it, which POSIX ``rename()`` does in one step. A
request resolves ``current`` once when it opens its file, so every response comes whole
from one release, and a reader never meets a missing or half-copied file.

Release ids are ``<number>-<UTC time>``: the number orders them (a clock set back does
not), the time says when. The ``keep`` newest releases stay, and the live one always;
``rollback`` points ``current`` at the release before the live one.
"""

from __future__ import annotations

import errno
import json
import os
import re
import secrets
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from catalog.atomic import remove_tree
from catalog.output_paths import SITE_MARKER, published_build, published_edition
from catalog.publish import DeployError
from catalog.publish.root import RELEASE_MARKER, DeployRoot, check_edition_name
from catalog.publish.server import URL_PREFIXES

_RELEASE = re.compile(r"(\d{6})-(\d{8}T\d{6}Z)")
_PARTIAL = re.compile(r"\.\d{6}-\d{8}T\d{6}Z\.[0-9a-f]{8}\.partial")
_LINK_TEMP = re.compile(r"\.current\.[0-9a-f]{8}\.new")
_LINK_ERRORS = {errno.EXDEV, errno.EPERM, errno.EACCES, errno.EMLINK, errno.ENOTSUP, errno.EOPNOTSUPP}


@dataclass(frozen=True)
class Deployed:
    edition: str
    release: str  # the id now live
    previous: str | None  # the id that was live before, if any
    removed: tuple[str, ...] = ()  # releases pruned by --keep
    linked: int = 0  # files hard-linked from the site
    copied: int = 0  # files copied (another file system, or links refused)


def releases(root: DeployRoot, edition: str) -> list[str]:
    """The complete releases of ``edition``, oldest first."""
    folder = root.releases_dir(edition)
    if not folder.is_dir():
        return []
    names = [e.name for e in folder.iterdir() if _RELEASE.fullmatch(e.name) and e.is_dir() and not e.is_symlink()]
    return sorted(names, key=lambda name: int(name[:6]))


def live(root: DeployRoot, edition: str) -> str | None:
    """The id of the release ``current`` points at, or None."""
    link = root.current(edition)
    if not link.is_symlink():
        return None
    target = Path(os.readlink(link))
    if target.parent != Path("releases") or not _RELEASE.fullmatch(target.name):
        return None
    return target.name


def deploy(site: Path, root: DeployRoot, edition: str, keep: int = 5) -> Deployed:
    """Copy the built site at ``site`` into a new release of ``edition`` and make it live."""
    site = Path(os.path.abspath(site))
    check_edition_name(edition)
    _check_site(site, root, edition)
    root.prepare()
    with root.locked():
        folder = root.releases_dir(edition)
        _refuse_foreign_edition_dir(root, edition)
        folder.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(root, edition)
        existing = releases(root, edition)
        number = int(existing[-1][:6]) + 1 if existing else 1
        release = f"{number:06d}-{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}"
        partial = folder / f".{release}.{secrets.token_hex(4)}.partial"
        try:
            linked, copied = _copy_tree(site, partial)
            _place_404_pages(partial, URL_PREFIXES.get(edition))
            marker = {"generator": "catalog", "edition": edition, "release": release, "site": str(site),
                      "site_build": published_build(site), "deployed": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
            (partial / RELEASE_MARKER).write_text(json.dumps(marker, indent=1) + "\n", encoding="utf-8")
            os.rename(partial, folder / release)  # complete, under its final name
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise
        previous = live(root, edition)
        _point_current(root, edition, release)
        removed = prune(root, edition, keep)
        return Deployed(edition, release, previous, removed, linked, copied)


def _place_404_pages(release: Path, prefix: str | None) -> None:
    """The server shows 404.html at any URL depth, where the page's relative links would
    miss: the release's copy gets a ``<base>`` naming where its edition is served. The
    hard link to the built site is replaced by a file of its own: the site stays as built."""
    if prefix is None:
        return
    for rel, base in (("404.html", prefix), ("en/404.html", prefix + "en/")):
        page = release / rel
        if not page.is_file():
            continue
        text = page.read_text(encoding="utf-8")
        page.unlink()
        page.write_text(text.replace("<head>", f'<head>\n<base href="{base}">', 1), encoding="utf-8")


def rollback(root: DeployRoot, edition: str) -> Deployed:
    """Point ``current`` at the release before the live one."""
    root.require_ours()
    with root.locked():
        now = live(root, edition)
        if now is None:
            raise DeployError(
                f'Ấn bản "{edition}" chưa được triển khai ở {root.path}; không có gì để quay lại. Triển khai trước bằng '
                f'`catalog deploy --edition {edition} --site DIR --root {root.path}`. / The edition "{edition}" is not '
                f'deployed at {root.path}; there is nothing to roll back. Deploy it first with '
                f'`catalog deploy --edition {edition} --site DIR --root {root.path}`.'
            )
        existing = releases(root, edition)
        older = [name for name in existing if int(name[:6]) < int(now[:6])]
        if not older:
            raise DeployError(
                f'Không có bản phát hành nào trước bản đang chạy {now} của ấn bản "{edition}"; không đổi gì. '
                f'Triển khai lại một bản dựng cũ bằng `catalog deploy --site DIR`. / There is no release before the '
                f'live release {now} of the edition "{edition}"; nothing was changed. Deploy an older build again with '
                f'`catalog deploy --site DIR`.'
            )
        _point_current(root, edition, older[-1])
        return Deployed(edition, older[-1], now)


def prune(root: DeployRoot, edition: str, keep: int) -> tuple[str, ...]:
    """Remove all but the ``keep`` newest releases; never the live one."""
    now = live(root, edition)
    existing = releases(root, edition)
    kept = set(existing[-keep:]) if keep > 0 else set()
    removed = [name for name in existing if name not in kept and name != now]
    for name in removed:
        remove_tree(root.releases_dir(edition) / name, RELEASE_MARKER)
    return tuple(removed)


def _point_current(root: DeployRoot, edition: str, release: str) -> None:
    """Make ``current`` point at ``releases/<release>`` in one rename (relative, so ROOT may move)."""
    current = root.current(edition)
    if os.path.lexists(current) and not current.is_symlink():
        raise DeployError(
            f"{current} không phải liên kết do catalog tạo; không ghi đè. Xem lại rồi tự chuyển hoặc xóa nó. "
            f"/ {current} is not a link made by catalog; it is not overwritten. Look at it, then move or delete it yourself."
        )
    temp = current.with_name(f".current.{secrets.token_hex(4)}.new")
    os.symlink(f"releases/{release}", temp)
    try:
        os.replace(temp, current)  # atomic: readers see the old target or the new one, never nothing
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_dir(current.parent)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _copy_tree(site: Path, target: Path) -> tuple[int, int]:
    """Hard-link (or copy) every file of ``site`` into the new folder ``target``; the site is only read."""
    linked = copied = 0
    try_links = True
    target.mkdir()
    for folder, dirs, files in os.walk(site):
        rel = Path(folder).relative_to(site)
        for name in dirs:
            if (Path(folder) / name).is_symlink():
                raise _symlink_error(site, rel / name)
            (target / rel / name).mkdir()
        for name in files:
            source, dest = Path(folder) / name, target / rel / name
            if source.is_symlink():
                raise _symlink_error(site, rel / name)
            if try_links:
                try:
                    os.link(source, dest, follow_symlinks=False)
                    linked += 1
                    continue
                except OSError as exc:
                    if exc.errno not in _LINK_ERRORS:
                        raise
                    try_links = False  # another file system, or links refused: copy the rest
            shutil.copy2(source, dest, follow_symlinks=False)
            copied += 1
    return linked, copied


def _symlink_error(site: Path, rel: Path) -> DeployError:
    return DeployError(
        f"Trang {site} có liên kết tượng trưng {rel}; trang do catalog dựng không có liên kết nên không triển khai "
        f"(liên kết có thể trỏ ra ngoài trang). Dựng lại trang bằng `catalog build`. / The site {site} contains the "
        f"symbolic link {rel}; a site built by catalog has none, so it is not deployed (a link may point outside the "
        f"site). Build the site again with `catalog build`."
    )


def _check_site(site: Path, root: DeployRoot, edition: str) -> None:
    if not (site.is_dir() and (site / SITE_MARKER).is_file()):
        raise DeployError(
            f"{site} không phải trang do catalog dựng (không có tệp đánh dấu {SITE_MARKER}). Dựng trước bằng "
            f"`catalog build --edition {edition} --out DIR` rồi đưa DIR vào --site. / {site} is not a site built by "
            f"catalog (it has no {SITE_MARKER} marker). Build it first with `catalog build --edition {edition} "
            f"--out DIR`, then give that DIR to --site."
        )
    resolved_site, resolved_root = site.resolve(), root.path.resolve()
    if resolved_site.is_relative_to(resolved_root) or resolved_root.is_relative_to(resolved_site):
        raise DeployError(
            f"Trang {site} và thư mục triển khai {root.path} lồng nhau. Dựng trang ở nơi khác (ví dụ build/site) và "
            f"chọn --root riêng (ví dụ /srv/catalog). / The site {site} and the deployment root {root.path} overlap. "
            f"Build the site elsewhere (e.g. build/site) and choose a separate --root (e.g. /srv/catalog)."
        )
    if (site / "vault").is_dir():
        raise DeployError(
            f"Trang {site} là bản mang theo có phần mã hoá: trên http thường trình duyệt không giải mã được, và máy chủ "
            f"mới là nơi kiểm soát truy cập. Triển khai ấn bản restricted (`catalog build --edition restricted`). "
            f"/ The site {site} is an offline bundle with sealed tiers: over plain http the browser cannot decrypt them, "
            f"and on a server the server controls access. Deploy the restricted edition (`catalog build --edition "
            f"restricted`)."
        )
    built_as = _edition_of(site)
    if built_as is not None and built_as != edition:
        raise DeployError(
            f'Trang {site} được dựng cho ấn bản "{built_as}" (theo tệp đánh dấu của trang), không phải "{edition}"; '
            f'không triển khai. Dựng lại bằng `catalog build --edition {edition}` hoặc dùng --edition {built_as}. '
            f'/ The site {site} was built for the edition "{built_as}" (says its marker), not "{edition}"; '
            f'it is not deployed. Build it with `catalog build --edition {edition}`, or use --edition {built_as}.'
        )


def _edition_of(site: Path) -> str | None:
    """The edition the site's marker names; for a site built before markers said, the report beside it."""
    marked = published_edition(site)
    if marked is not None:
        return marked
    report = site.parent / "report.json"
    try:
        data = json.loads(report.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if isinstance(data, dict) and data.get("generator") == "catalog" and isinstance(data.get("edition"), str):
        return data["edition"]
    return None


def _refuse_foreign_edition_dir(root: DeployRoot, edition: str) -> None:
    folder = root.edition_dir(edition)
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise DeployError(
            f"{folder} không phải thư mục do catalog tạo; không ghi đè. Xem lại rồi tự chuyển hoặc xóa nó. "
            f"/ {folder} is not a folder made by catalog; it is not overwritten. Look at it, then move or delete it yourself."
        )


def _remove_leftovers(root: DeployRoot, edition: str) -> None:
    """What a killed deploy left: a partial copy, a link never renamed over ``current``."""
    for entry in root.releases_dir(edition).iterdir():
        if _PARTIAL.fullmatch(entry.name) and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
    for entry in root.edition_dir(edition).iterdir():
        if _LINK_TEMP.fullmatch(entry.name) and entry.is_symlink():
            entry.unlink()
