"""The command line: thin wrappers that load the config and call one stage.

Heavy imports happen inside the commands so that ``catalog --help`` is instant.
"""

from __future__ import annotations

import dataclasses
import json
import re
import sys
from pathlib import Path

import click

DEFAULT_OUT = Path("build/site")
CONTENT_ARG = click.argument(
    "content_dir", required=False, default="content", type=click.Path(file_okay=False, path_type=Path)
)
OUT_OPTION = click.option(
    "--out", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUT, show_default=True,
    help="Thư mục trang web / Site output folder.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="catalog")
def main() -> None:
    """Danh mục tài liệu lưu trữ số — build an offline, searchable catalog of digitized archives."""


@main.command()
@CONTENT_ARG
@OUT_OPTION
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Báo cáo JSON, ngoài trang và dự án / JSON report, outside the site and the project "
                   "(default: report.json beside the site).")
@click.option("--edition", default=None, help='Ấn bản cần dựng / Edition to build (default "public").')
@click.option("--strict", is_flag=True, help="Thoát với mã 1 nếu có vấn đề / Exit 1 if any problem was found.")
@click.option("--ocr", "ocr_mode", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Nhận dạng chữ trang quét: auto = trang không có lớp chữ thật; always = mọi trang "
                   "/ OCR: auto = pages without a real text layer; always = every page.")
@click.option("--ocr-pdf", "ocr_pdf", is_flag=True,
              help="Công bố bản quét kèm lớp chữ ẩn để tìm trong trình xem PDF (bản gốc không đổi) "
                   "/ Publish scans with an invisible OCR text layer, searchable in a PDF viewer (originals unchanged).")
@click.option("--jobs", type=click.IntRange(0, 256), default=0,
              help="Số tiến trình đọc PDF, OCR và lập chỉ mục (0 = mỗi lõi một) / Worker processes for PDFs, OCR and the search index (0 = one per core).")
@click.option("--scheduler", default="", metavar="tcp://HOST:8786", callback=lambda c, p, v: _scheduler_address(v),
              help="Đọc và OCR bản quét trên cụm máy Dask (xem README); không có thì làm trên máy này / Read and OCR the scans on a Dask cluster "
                   "(see the README); without it, on this machine.")
@click.option("--full", is_flag=True, help="Dựng lại toàn bộ, không dùng lại trang của lần trước "
                                           "/ Rebuild every page, reusing nothing of the previous build.")
def build(content_dir: Path, out: Path, report_path: Path | None, edition: str | None, strict: bool,
          ocr_mode: str, ocr_pdf: bool, jobs: int, scheduler: str, full: bool) -> None:
    """Dựng trang danh mục từ CONTENT_DIR / Build the catalog site from CONTENT_DIR (default: content/)."""
    from catalog.build import BuildPaths
    from catalog.build import build as run_build
    from catalog.config import load_config
    from catalog.progress import Console

    config = load_config(content_dir)
    passphrases = _passphrases(config.edition(edition))
    console = Console()
    ocr = dataclasses.replace(config.ocr, mode=ocr_mode, jobs=jobs, scheduler=scheduler, pdf_layers=ocr_pdf)
    result = run_build(config, BuildPaths.for_output(out, report_path), edition, console, ocr, passphrases, full)
    console.close()
    if result.unchanged:
        click.echo("Không có gì thay đổi; trang và báo cáo vẫn là của lần dựng trước. "
                   "/ Nothing changed; the site and the report are those of the previous build.")
    _print_summary(result.report, result.paths)
    if strict and result.report.problems:
        sys.exit(1)


@main.command()
@click.argument("where", nargs=-1, required=True, metavar="[CONTENT_DIR] PACKAGE")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Thư mục ghi biên bản, ngoài dự án và trang / Folder for the record, outside the project and the "
                   "site (default: build/handover/<package id>).")
def handover(where: tuple[str, ...], out: Path | None) -> None:
    """Lập biên bản giao nhận một gói (HTML, CSV, XLSX) / Write the handover record of a package."""
    from catalog.build import check as run_check
    from catalog.config import load_config
    from catalog.records.handover import find_package, handover_record
    from catalog.records.output import record_folder, write_record

    content_dir, package = _content_and_package(where)
    config = load_config(content_dir)
    report, catalog, raw_packages = run_check(config)
    raw = find_package(raw_packages, package)
    folder = record_folder(out, raw.package.id, config.root)  # refused before any scan is read
    for path in write_record(handover_record(raw, catalog, raw_packages, report), folder):
        click.echo(f"Đã ghi / wrote: {path}")


@main.command()
@click.argument("where", nargs=-1, required=True, metavar="[CONTENT_DIR] PACKAGE")
@OUT_OPTION
def fixity(where: tuple[str, ...], out: Path) -> None:
    """Lịch sử toàn vẹn của một gói / The fixity history of a package: each PDF's SHA-256 when received, and events."""
    from catalog.errors import CatalogError
    from catalog.output_paths import BuildPaths
    from catalog.read.fixity_history import HistoryError, UnknownPackage, history_lines, read_history

    content_dir, package = _content_and_package(where)
    history = BuildPaths.for_output(out).fixity_history
    build_first = f"catalog build {content_dir} --out {out}"
    if not history.is_file():
        raise CatalogError(f"Chưa có lịch sử toàn vẹn ở {history}: dựng trước ({build_first}). "
                           f"/ No fixity history at {history} yet: build first ({build_first}).")
    try:
        found = read_history(history, package)
    except UnknownPackage as exc:
        folders = sorted(p.name for p in (content_dir / "packages").glob("*") if p.is_dir())
        unbuilt = ", ".join(name for name in folders if name not in exc.known)
        extra = f" Chưa có lịch sử / no history yet: {unbuilt} ({build_first})." if unbuilt else ""
        raise CatalogError(f"{exc}{extra}") from None
    except HistoryError as exc:
        raise CatalogError(str(exc)) from None
    for line in history_lines(found):
        click.echo(line)


def _scheduler_address(value: str) -> str:
    """``tcp://HOST:PORT`` (or ``tls://``), said before anything is read."""
    if value and not re.fullmatch(r"(tcp|tls)://[^\s:/]+:\d{1,5}", value):
        raise click.BadParameter(f'"{value}" không phải địa chỉ bộ điều phối Dask; viết dạng tcp://MÁY:8786 '
                                 f'/ is not a Dask scheduler address; write it as tcp://HOST:8786')
    return value


def _content_and_package(where: tuple[str, ...]) -> tuple[Path, str]:
    """``[CONTENT_DIR] PACKAGE``: click cannot make the first of two arguments optional."""
    if len(where) > 2:
        raise click.UsageError("Cần [CONTENT_DIR] PACKAGE. / Expected [CONTENT_DIR] PACKAGE.")
    return (Path(where[0]) if len(where) == 2 else Path("content")), where[-1]


def _passphrases(edition) -> dict:
    """The passphrase of each tier the edition seals: from its environment variable, or asked for.

    Never from a file: a passphrase kept beside the archive protects nothing.
    """
    import os

    from catalog.access.sealing import passphrase_variable

    found = {}
    for tier in sorted(edition.sealed):
        value = os.environ.get(passphrase_variable(tier))
        if value is None and sys.stdin.isatty():
            value = click.prompt(f"Mật khẩu cho mức {tier.label_vi} / Passphrase for the {tier.label_en.lower()} tier",
                                 hide_input=True, confirmation_prompt=True)
        if value is not None:
            found[tier] = value
    return found


@main.command()
@CONTENT_ARG
@click.option("--json", "as_json", is_flag=True, help="In báo cáo dạng JSON / Print the report as JSON.")
@click.option("--jobs", type=click.IntRange(0, 256), default=0,
              help="Số tiến trình mở PDF (0 = mỗi lõi một) / Worker processes opening PDFs (0 = one per core).")
def check(content_dir: Path, as_json: bool, jobs: int) -> None:
    """Kiểm tra dữ liệu, không dựng trang / Validate the packages without building. Exit 1 on errors."""
    from catalog.build import check as run_check
    from catalog.config import load_config
    from catalog.progress import Console, Silent

    # JSON is for scripts, which may read stderr with stdout: progress only on a terminal.
    console = Console(sys.stderr) if not as_json or sys.stderr.isatty() else None
    report, catalog, _ = run_check(load_config(content_dir), console or Silent(), pdf_jobs=jobs)
    if console:
        console.close()
    report.counts = {**report.counts, "files": len(catalog.files), "documents": len(catalog.documents),
                     "withheld_secret": len(catalog.withheld_secret)}
    report.withheld_secret = list(catalog.withheld_secret)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_problems(report)
        click.echo(f"{len(catalog.documents)} tài liệu hợp lệ / valid documents, {len(report.problems)} vấn đề / problems.")
    if report.errors:
        sys.exit(1)


@main.command()
@click.argument("query")
@OUT_OPTION
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
@click.option("--json", "as_json", is_flag=True, help="Kết quả dạng JSON / Results as JSON.")
def search(query: str, out: Path, limit: int, as_json: bool) -> None:
    """Tìm trong chỉ mục của bản dựng ở --out / Search the index of the build at --out.

    QUERY: từ có dấu hoặc không dấu, "cụm từ", số ký hiệu, OR giữa các vế, -từ để loại trừ
    (câu tìm bắt đầu bằng "-": đặt -- trước nó) / words with or without diacritics,
    "phrases", document numbers, OR between sides, -word to exclude (a query starting
    with "-": put -- before it).
    """
    from catalog.output_paths import published_index
    from catalog.search.query import IndexMissing, search_results

    try:
        # The generation named by the site's marker: the index that matches the pages at --out.
        result = search_results(published_index(out), query, limit=limit)
    except IndexMissing as exc:
        raise click.ClickException(str(exc)) from None
    hits = result.hits
    if as_json:
        rows = [{"doc_id": h.doc_id, "title": h.title, "score": round(h.score, 4), "number": h.number,
                 "date": h.date_text, "url": h.url, "pages": list(h.pages), "exact": h.exact} for h in hits]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    click.echo(_search_summary(query, result))
    for rank, hit in enumerate(hits, 1):
        head = " · ".join(p for p in (hit.number, hit.date_text) if p)
        click.echo(f"{rank:>3}. [{hit.doc_id}] {hit.title}" + (f" ({head})" if head else ""))


def _search_summary(query: str, result) -> str:
    """The line above the hits: the no-exact-match notice, or the exact and approximate counts."""
    typed = " ".join(query.split())
    if result.only_exclusions:
        return "Truy vấn chỉ có từ loại trừ (-từ): hãy thêm từ cần tìm. / The query only excludes (-word): add words to find."
    if not result.total:
        return "Không tìm thấy / No results."
    if result.no_exact:
        return (f"Không có kết quả đúng dấu cho “{typed}”; kết quả gần đúng: "
                f"/ No exact match for “{typed}” with its diacritics; approximate matches:")
    if result.accented:
        return (f"{result.exact} kết quả đúng dấu, {result.approximate} gần đúng "
                f"/ {result.exact} exact, {result.approximate} approximate")
    return f"{result.total} kết quả / {result.total} results"


@main.command()
@OUT_OPTION
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
def serve(out: Path, port: int) -> None:
    """Xem thử trang qua HTTP tại 127.0.0.1 / Preview the built site over HTTP on 127.0.0.1."""
    from catalog.site.serve import serve_site

    serve_site(out, port)


@main.command()
@CONTENT_ARG
@OUT_OPTION
@click.option("--edition", default=None, help='Ấn bản cần dựng / Edition to build (default "public").')
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--poll", is_flag=True, help="Dò thay đổi định kỳ (ổ mạng, USB) thay vì nhận thông báo của hệ thống "
                                           "/ Poll for changes (network and USB drives) instead of system notifications.")
def watch(content_dir: Path, out: Path, edition: str | None, port: int, poll: bool) -> None:
    """Dựng lại khi CONTENT_DIR thay đổi, xem thử, tự tải lại trang / Rebuild on changes, preview with live reload."""
    from catalog.build import BuildPaths
    from catalog.build import build as run_build
    from catalog.config import load_config
    from catalog.site.watch import watch_and_serve

    passphrases: dict = {}  # of a sealed edition: asked once, not at every rebuild

    def rebuild(progress):
        config = load_config(content_dir)  # again each time: catalog.toml is one of the files watched
        if not passphrases:
            passphrases.update(_passphrases(config.edition(edition)))
        return run_build(config, BuildPaths.for_output(out), edition, progress, None, passphrases)

    watch_and_serve(content_dir, out, rebuild, port, poll)


ROOT_OPTION = click.option(
    "--root", "root", required=True, type=click.Path(file_okay=False, path_type=Path),
    help="Thư mục triển khai của máy chủ, ví dụ /srv/catalog / Deployment root of the server, e.g. /srv/catalog.",
)


@main.command()
@ROOT_OPTION
@click.option("--edition", default=None, help="Ấn bản cần triển khai / Edition to deploy or roll back (public, restricted).")
@click.option("--site", type=click.Path(file_okay=False, path_type=Path),
              help="Trang đã dựng bằng `catalog build --edition` / The site `catalog build --edition` wrote.")
@click.option("--rollback", is_flag=True, help="Quay lại bản phát hành trước / Point the edition back to the previous release.")
@click.option("--keep", default=5, show_default=True, type=click.IntRange(1, 1000),
              help="Số bản phát hành giữ lại / Releases kept (the live one always).")
@click.option("--write-config", is_flag=True,
              help="Ghi cấu hình nginx và Apache vào ROOT/server/ / Write the nginx and Apache configurations into ROOT/server/.")
@click.option("--listen", default="80", show_default=True, help="Cổng hoặc IP:cổng / Port or IP:port (with --write-config).")
@click.option("--server-name", default="_", show_default=True, help="Tên máy / Host names (with --write-config).")
def deploy(root: Path, edition: str | None, site: Path | None, rollback: bool, keep: int, write_config: bool,
           listen: str, server_name: str) -> None:
    """Xuất bản trang lên máy chủ nội bộ / Publish a built site to the intranet server's deployment root."""
    from catalog.publish import DeployError
    from catalog.publish.releases import deploy as run_deploy
    from catalog.publish.releases import rollback as run_rollback
    from catalog.publish.root import DeployRoot
    from catalog.publish.server import write_configs

    if (site is not None) + rollback > 1 or ((site is not None or rollback) and not edition) or not (
            site is not None or rollback or write_config):
        raise DeployError(
            "Dùng --edition NAME --site DIR để triển khai, --edition NAME --rollback để quay lại, hoặc --write-config. "
            "/ Use --edition NAME --site DIR to deploy, --edition NAME --rollback to roll back, or --write-config."
        )
    target = DeployRoot(root)
    if site is not None:
        done = run_deploy(site, target, edition, keep)
        how = f"{done.linked} liên kết cứng, {done.copied} bản sao / {done.linked} hard links, {done.copied} copies"
        click.echo(f"Đã triển khai {edition}: {done.release} ({how}) / Deployed {edition}: {done.release}")
        if done.removed:
            click.echo(f"Đã xóa bản cũ / removed old releases: {', '.join(done.removed)}")
    elif rollback:
        done = run_rollback(target, edition)
        click.echo(f"Đã quay lại {edition}: {done.previous} → {done.release} / Rolled back {edition}: "
                   f"{done.previous} → {done.release}")
    if write_config:
        for path in write_configs(target, listen, server_name):
            click.echo(f"Đã ghi cấu hình / wrote configuration: {path}")


@main.group()
def users() -> None:
    """Người dùng của ấn bản hạn chế / Users of the restricted edition (bcrypt htpasswd in ROOT)."""


@users.command("add")
@click.argument("name")
@ROOT_OPTION
@click.option("--password-env", metavar="VAR",
              help="Đọc mật khẩu từ biến môi trường VAR (cho script) / Read the password from the environment variable VAR "
                   "(for scripts); otherwise it is asked twice.")
def users_add(name: str, root: Path, password_env: str | None) -> None:
    """Thêm người dùng hoặc đổi mật khẩu / Add a user, or change their password."""
    import os

    from catalog.publish import DeployError
    from catalog.publish.root import DeployRoot
    from catalog.publish.users import add_user, check_name

    check_name(name)
    if password_env:
        password = os.environ.get(password_env, "")
        if not password:
            raise DeployError(
                f"Biến môi trường {password_env} trống hoặc chưa đặt. Đặt nó trước khi chạy lệnh. "
                f"/ The environment variable {password_env} is empty or not set. Set it before running the command."
            )
    else:
        password = click.prompt("Mật khẩu / Password", hide_input=True, confirmation_prompt=
                                "Nhập lại mật khẩu / Repeat the password")
    new = add_user(DeployRoot(root), name, password)
    click.echo(f"Đã thêm {name} / Added {name}" if new else f"Đã đổi mật khẩu của {name} / Changed the password of {name}")


@users.command("remove")
@click.argument("name")
@ROOT_OPTION
def users_remove(name: str, root: Path) -> None:
    """Xóa người dùng / Remove a user."""
    from catalog.publish.root import DeployRoot
    from catalog.publish.users import remove_user

    remove_user(DeployRoot(root), name)
    click.echo(f"Đã xóa {name} / Removed {name}")


@users.command("list")
@ROOT_OPTION
def users_list(root: Path) -> None:
    """Liệt kê người dùng / List the users."""
    from catalog.publish.root import DeployRoot
    from catalog.publish.users import list_users

    for name in list_users(DeployRoot(root)):
        click.echo(name)


def _print_summary(report, paths) -> None:
    counts = report.counts
    _print_problems(report)
    click.echo(
        f"Đã dựng {counts.get('documents', 0)} tài liệu, {counts.get('files', 0)} hồ sơ vào {paths.site} "
        f"/ Built {counts.get('documents', 0)} documents, {counts.get('files', 0)} files into {paths.site}"
    )
    if counts.get("pages_kept"):
        click.echo(f"Trang: dựng lại {counts['pages_made']}, giữ nguyên {counts['pages_kept']} "
                   f"/ pages: {counts['pages_made']} made, {counts['pages_kept']} kept from the previous build")
    if "documents_sealed" in counts:
        click.echo(f"Thêm {counts['documents_sealed']} tài liệu hạn chế được mã hoá, mở bằng mật khẩu "
                   f"/ plus {counts['documents_sealed']} restricted documents sealed, opened with the passphrase")
        click.echo(f"Chỉ chép {paths.site} lên USB; phần còn lại của {paths.site.parent} chứa bản rõ. "
                   f"/ Copy only {paths.site} to the stick; the rest of {paths.site.parent} holds plain copies.")
    if report.problems:
        errors = len(report.errors)
        click.echo(
            f"{len(report.problems)} vấn đề ({errors} lỗi, {len(report.problems) - errors} chú ý) "
            f"/ {len(report.problems)} problems ({errors} errors, {len(report.problems) - errors} warnings)"
        )
    if counts.get("withheld_secret"):
        click.echo(f"Tài liệu mật không xuất bản / secret items withheld: {counts['withheld_secret']}")
    click.echo(f"Báo cáo / report: {paths.report}")
    if paths.report_html.is_file():
        click.echo(f"Báo cáo cho người lưu trữ / archivist's report: {paths.report_html}")


def _print_problems(report, limit: int = 30) -> None:
    for problem in report.problems[:limit]:
        mark = "LỖI/ERROR" if problem.severity == "error" else "CHÚ Ý/WARNING"
        click.echo(f"{mark}: {problem.where()}" + (f" [{problem.doc_id}]" if problem.doc_id else ""), err=True)
        click.echo(f"    {problem.message}", err=True)
    if len(report.problems) > limit:
        click.echo(f"… và {len(report.problems) - limit} vấn đề khác / and {len(report.problems) - limit} more.", err=True)


if __name__ == "__main__":
    main()
