"""Intranet deployment against a real nginx on 127.0.0.1: releases, users, headers, atomic swaps.

A small project with a public and a restricted document is built as both editions (and
the public one twice, with another title, for a second release), deployed into a
temporary ROOT, and served by nginx with the configuration `catalog deploy --write-config`
writes, under a top-level nginx.conf of the test's own.
"""

from __future__ import annotations

import base64
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pdfgen
import pytest
from click.testing import CliRunner
from conftest import doc_page, file_page, tree_digest
from projects import DOC_HEADERS, write_catalog_toml, write_workbook

from catalog.build import BuildPaths, build
from catalog.cli import main
from catalog.config import load_config
from catalog.publish import DeployError
from catalog.publish.releases import deploy, live, releases, rollback
from catalog.publish.root import DeployRoot
from catalog.publish.server import CSP
from catalog.publish.users import read_users, verify

NGINX = "/usr/sbin/nginx"
APACHE = "/usr/sbin/apache2"  # apache2-bin: the server alone, no Debian service around it
APACHE_MODULES = ("mpm_event", "authn_core", "authn_file", "authz_core", "authz_user", "auth_basic", "alias",
                  "headers", "dir", "mime")
FILE_HEADERS = ["Mã hồ sơ", "Tên phông", "Tiêu đề hồ sơ", "Chế độ sử dụng", "Mã phông"]
PASSWORD = "mat-khau-thu-nghiem"
RESTRICTED_CANARY = "qzxnoibo"


def _doc(doc_id, file_code, access, summary):
    return [doc_id, file_code, 1, f"1-CV/{doc_id}", "05/01/2020", "Công văn", summary, access, "", 1, ""]


def _project(folder: Path, title: str) -> Path:
    content = folder / "content"
    package = content / "packages" / "P1"
    write_catalog_toml(content, title=title)
    with open(content / "catalog.toml", "a", encoding="utf-8") as handle:
        handle.write('[editions.public]\ntiers = ["public"]\n[editions.restricted]\ntiers = ["public", "restricted"]\n')
    package.mkdir(parents=True)
    (package / "package.toml").write_text('id = "P1"\nfonds_code = "F1"\n', encoding="utf-8")
    pdfgen.write_text_pdf(package / "data" / "HS01.pdf", ["Trang công khai."])
    pdfgen.write_text_pdf(package / "data" / "HS02.pdf", [f"Trang nội bộ {RESTRICTED_CANARY}."])
    files = [["HS01", "Phông thử", "Hồ sơ công khai", "01", "F1"], ["HS02", "Phông thử", "Hồ sơ nội bộ", "02", "F1"]]
    docs = [_doc("D1", "HS01", "01", "Văn bản công khai"), _doc("D2", "HS02", "02", f"Văn bản nội bộ {RESTRICTED_CANARY}")]
    write_workbook(package / "ho_so_tai_lieu.xlsx", files, docs, file_headers=FILE_HEADERS, doc_headers=DOC_HEADERS)
    return content


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_nginx(tmp: Path, site_conf: Path, port: int) -> subprocess.Popen:
    for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (tmp / "temp" / name).mkdir(parents=True, exist_ok=True)
    temps = "".join(f"    {name}_temp_path {tmp}/temp/{name.split('_')[0]};\n"
                    for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (tmp / "nginx.conf").write_text(
        f"user root;\nworker_processes 1;\nevents {{ worker_connections 64; }}\n"
        f"http {{\n    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n"
        f"    access_log off;\n{temps}    include {site_conf};\n}}\n", encoding="utf-8")
    process = subprocess.Popen(
        [NGINX, "-p", str(tmp), "-c", str(tmp / "nginx.conf"),
         "-g", f"daemon off; pid {tmp}/nginx.pid; error_log {tmp}/error.log;"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return _wait_for(process, port, "nginx")


def _wait_for(process: subprocess.Popen, port: int, name: str) -> subprocess.Popen:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"{name} did not start: {process.stdout.read().decode()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise AssertionError(f"{name} did not listen within 10 s")


def _start_apache(tmp: Path, site_conf: Path, port: int) -> subprocess.Popen:
    """The generated apache.conf inside a minimal main configuration, as a Debian admin would include it."""
    modules = "".join(f"LoadModule {m}_module /usr/lib/apache2/modules/mod_{m}.so\n" for m in APACHE_MODULES)
    (tmp / "httpd.conf").write_text(
        f"ServerRoot {tmp}\nPidFile {tmp}/httpd.pid\nErrorLog {tmp}/error.log\nListen 127.0.0.1:{port}\n{modules}"
        f"User nobody\nGroup root\nServerName localhost\nServerTokens Prod\nServerSignature Off\n"
        f"TypesConfig /etc/mime.types\nInclude {site_conf}\n", encoding="utf-8")
    check = subprocess.run([APACHE, "-t", "-f", str(tmp / "httpd.conf")], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    process = subprocess.Popen([APACHE, "-DFOREGROUND", "-f", str(tmp / "httpd.conf")],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return _wait_for(process, port, "apache")


class Server:
    def __init__(self, port: int):
        self.port = port

    def get(self, path: str, user: str | None = None, password: str | None = None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        headers = {}
        if user is not None:
            headers["Authorization"] = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            connection.close()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    if not Path(NGINX).exists():
        pytest.fail(f"{NGINX} is missing: run `bash scripts/setup.sh --test`")
    tmp = tmp_path_factory.mktemp("deploy")
    sites = {}
    for key, title, edition in (("public", "Kho thử A", "public"), ("restricted", "Kho thử A", "restricted"),
                                ("public2", "Kho thử B", "public")):
        content = _project(tmp / key, title)
        out = tmp / key / "build" / "site"
        build(load_config(content), BuildPaths.for_output(out), edition)
        sites[key] = out
    root = DeployRoot(tmp / "srv")
    runner = CliRunner()
    digest_before = tree_digest(sites["public"])
    for edition in ("public", "restricted"):
        result = runner.invoke(main, ["deploy", "--edition", edition, "--site", str(sites[edition]), "--root", str(root.path)])
        assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["users", "add", "hoa", "--root", str(root.path), "--password-env", "CATALOG_TEST_PW"],
                           env={"CATALOG_TEST_PW": PASSWORD})
    assert result.exit_code == 0, result.output
    port = _free_port()
    result = runner.invoke(main, ["deploy", "--write-config", "--root", str(root.path),
                                  "--listen", f"127.0.0.1:{port}", "--server-name", "localhost"])
    assert result.exit_code == 0, result.output
    process = _start_nginx(tmp, root.server_dir / "nginx.conf", port)
    try:
        yield {"tmp": tmp, "root": root, "sites": sites, "server": Server(port), "digest_before": digest_before}
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_public_is_open_and_restricted_needs_a_password(served):
    server = served["server"]
    status, headers, body = server.get("/")
    assert status == 200 and "Kho thử A".encode() in body
    assert server.get("/" + doc_page("D1"))[0] == 200
    assert server.get("/noi-bo/")[0] == 401
    assert server.get("/noi-bo/" + doc_page("D2"))[0] == 401
    assert server.get("/noi-bo/" + doc_page("D2"), "hoa", "sai-mat-khau")[0] == 401
    assert server.get("/noi-bo/" + doc_page("D2"), "ai-do", PASSWORD)[0] == 401
    status, _, body = server.get("/noi-bo/" + doc_page("D2"), "hoa", PASSWORD)
    assert status == 200 and RESTRICTED_CANARY.encode() in body
    assert server.get("/noi-bo", "hoa", PASSWORD)[0] == 301


def test_a_restricted_document_is_not_under_the_public_prefix(served):
    server = served["server"]
    assert server.get("/" + doc_page("D2"))[0] == 404
    assert server.get("/" + file_page("HS02"))[0] == 404
    for path in ("/", "/search.html", "/" + doc_page("D1")):
        assert RESTRICTED_CANARY.encode() not in server.get(path)[2]


def test_security_headers_on_every_answer(served):
    server = served["server"]
    for path, auth in (("/", ()), ("/nothing-here.html", ()), ("/noi-bo/", ()), ("/noi-bo/", ("hoa", PASSWORD))):
        status, headers, _ = server.get(path, *auth)
        assert headers["content-security-policy"] == CSP, (path, status)
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["server"] == "nginx", headers["server"]  # no version
    assert "private" in server.get("/noi-bo/", "hoa", PASSWORD)[1]["cache-control"]


def test_no_listing_no_dot_files_and_nothing_outside_the_editions(served):
    server = served["server"]
    site = served["sites"]["public"]
    folder = next(p for p in site.rglob("*") if p.is_dir() and not (p / "index.html").exists() and any(p.iterdir()))
    rel = folder.relative_to(site).as_posix()
    status, _, body = server.get(f"/{rel}/")
    assert status in (403, 404)
    assert not any(child.name.encode() in body for child in folder.iterdir())
    assert server.get("/.catalog-site")[0] == 404
    assert server.get("/noi-bo/.catalog-site", "hoa", PASSWORD)[0] == 404
    assert server.get("/users.htpasswd")[0] == 404
    assert server.get("/../users.htpasswd")[0] in (400, 404)


def test_the_site_satisfies_the_csp(served):
    """No inline script, event handler, style attribute or javascript: URL; scripts only from the site."""
    for key in ("public", "restricted"):
        for page in served["sites"][key].rglob("*.html"):
            html = page.read_text(encoding="utf-8")
            assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), page
            assert not re.search(r"""\son[a-z]+\s*=|javascript:|\sstyle\s*=|<style""", html, re.I), page
            for src in re.findall(r'<script[^>]*\bsrc="([^"]+)"', html):
                assert not re.match(r"[a-z]+:|//", src), (page, src)
            assert "<iframe" not in html and "<embed" not in html  # scans are <object>: object-src 'self'


def test_htpasswd_is_bcrypt_outside_the_served_folders_and_never_in_clear(served):
    root = served["root"]
    users = read_users(root.users_file)
    assert list(users) == ["hoa"] and users["hoa"].startswith("$2y$10$")
    assert PASSWORD not in root.users_file.read_text(encoding="utf-8")
    assert verify(root.users_file, "hoa", PASSWORD)
    assert oct(root.users_file.stat().st_mode & 0o777) == "0o640"
    for edition in ("public", "restricted"):
        assert not root.users_file.resolve().is_relative_to(root.current(edition).resolve())
    config = (root.server_dir / "nginx.conf").read_text(encoding="utf-8")
    assert f"root {root.current('public')};" in config and str(root.users_file) in config
    assert PASSWORD not in config


def test_users_commands(served, tmp_path):
    root = str(served["root"].path)
    runner = CliRunner()
    result = runner.invoke(main, ["users", "add", "lan", "--root", root], input="ngan\nngan\n")
    assert result.exit_code == 1 and "quá ngắn" in result.output and "too short" in result.output
    result = runner.invoke(main, ["users", "add", "lan", "--root", root], input="mot-mat-khau\nkhac-mat-khau\n"
                           "mot-mat-khau\nmot-mat-khau\n")
    assert result.exit_code == 0, result.output
    assert runner.invoke(main, ["users", "list", "--root", root]).output.split() == ["hoa", "lan"]
    assert served["server"].get("/noi-bo/", "lan", "mot-mat-khau")[0] == 200
    assert runner.invoke(main, ["users", "remove", "lan", "--root", root]).exit_code == 0
    assert served["server"].get("/noi-bo/", "lan", "mot-mat-khau")[0] == 401
    result = runner.invoke(main, ["users", "remove", "lan", "--root", root])
    assert result.exit_code == 1 and "Không có người dùng" in result.output and "There is no user" in result.output
    result = runner.invoke(main, ["users", "add", "a:b", "--root", root], env={"PW": PASSWORD})
    assert result.exit_code == 1 and "không hợp lệ" in result.output
    result = runner.invoke(main, ["users", "list", "--root", str(tmp_path / "nowhere")])
    assert result.exit_code == 1 and "Nothing is deployed" in result.output


def test_a_root_that_is_not_ours_is_refused(served, tmp_path):
    foreign = tmp_path / "srv"
    foreign.mkdir()
    (foreign / "keep-me.txt").write_text("x", encoding="utf-8")
    with pytest.raises(DeployError, match="không do catalog tạo.*not made by catalog"):
        deploy(served["sites"]["public"], DeployRoot(foreign), "public")
    assert [p.name for p in foreign.iterdir()] == ["keep-me.txt"]
    with pytest.raises(DeployError, match='built for the edition "restricted"'):
        deploy(served["sites"]["restricted"], DeployRoot(tmp_path / "new"), "public")
    with pytest.raises(DeployError, match="not a site built by catalog"):
        deploy(tmp_path, DeployRoot(tmp_path / "new"), "public")


def test_keep_and_rollback(served, tmp_path):
    root = DeployRoot(tmp_path / "srv")
    with pytest.raises(DeployError, match="Nothing is deployed"):
        rollback(root, "public")
    site = served["sites"]["public"]
    first = deploy(site, root, "public", keep=2)
    with pytest.raises(DeployError, match="Không có bản phát hành nào trước.*There is no release before"):
        rollback(root, "public")
    second = deploy(site, root, "public", keep=2)
    assert rollback(root, "public").release == first.release  # live: the first
    third = deploy(site, root, "public", keep=1)
    assert releases(root, "public") == [third.release] and live(root, "public") == third.release
    assert set(third.removed) == {first.release, second.release}
    # The live one stays even when it is older than the kept ones.
    fourth = deploy(site, root, "public", keep=5)
    rollback(root, "public")
    from catalog.publish.releases import prune

    assert prune(root, "public", 1) == ()  # keeps the newest (fourth) and the live one (third)
    assert releases(root, "public") == [third.release, fourth.release]
    assert third.linked > 0 and third.copied == 0  # hard links on the same file system
    assert tree_digest(site) == served["digest_before"]  # the built site is untouched


# --- atomicity under load ------------------------------------------------------------


def _visit_paths(old: Path, new: Path) -> list[str]:
    """Pages of both builds that differ between them (each tells which build it came from)."""
    names = sorted(p.relative_to(old).as_posix() for p in old.rglob("*.html") if p.name != "404.html")  # deployed with a <base>
    differing = [n for n in names if (new / n).is_file() and (new / n).read_bytes() != (old / n).read_bytes()]
    return differing[:10]


def _label(body: bytes, path: str, builds: dict[str, Path]) -> str | None:
    for label, site in builds.items():
        if (site / path).read_bytes() == body:
            return label
    return None


def _visits(server: Server, paths: list[str], builds: dict[str, Path], stop: threading.Event, order: int):
    """Visit the pages again and again; record (start, end, [label per page]) or the error met."""
    found = []
    sequence = paths if order > 0 else paths[::-1]
    while not stop.is_set():
        start = time.monotonic()
        labels = []
        for path in sequence:
            status, _, body = server.get("/" + path)
            label = _label(body, path, builds) if status == 200 else None
            labels.append(label if label else f"error {status} at {path}")
        found.append((start, time.monotonic(), labels))
    return found


def check_visits(visits, windows: list[tuple[float, float, str, str]], first: str) -> list[str]:
    """What went wrong: an error answer, or a visit whose pages are not old* then new* for the swap it met.

    ``windows`` are (start, end, old, new) of each swap, in time order, at least 0.3 s apart.
    A copy in place shows pages of the new build before pages of the old one in one visit.
    """
    problems = []
    for start, end, labels in visits:
        bad = [label for label in labels if label.startswith("error")]
        if bad:
            problems.append(f"visit at {start:.3f}: {bad[0]}")
            continue
        live_before = first
        expected = None
        for w_start, w_end, old, new in windows:
            if end < w_start:
                break
            if start > w_end:
                live_before = new
                continue
            expected = (old, new)  # the visit overlaps this swap
            break
        if expected is None:
            allowed = [live_before] * len(labels)
            if labels != allowed:
                problems.append(f"visit at {start:.3f}: {labels}, expected all {live_before}")
            continue
        old, new = expected
        switch = labels.index(new) if new in labels else len(labels)
        if labels != [old] * switch + [new] * (len(labels) - switch):
            problems.append(f"visit at {start:.3f} during {old}→{new}: {labels}")
    return problems


def test_the_checker_catches_a_copy_in_place():
    windows = [(1.0, 2.0, "A", "B")]
    assert check_visits([(0.1, 0.2, ["A", "A"]), (1.1, 1.2, ["A", "B"]), (2.5, 2.6, ["B", "B"])], windows, "A") == []
    assert check_visits([(1.1, 1.2, ["B", "A"])], windows, "A")  # new then old: files swapped one by one
    assert check_visits([(2.5, 2.6, ["B", "A"])], windows, "A")
    assert check_visits([(0.1, 0.2, ["A", "error 404 at x.html"])], windows, "A")


def _load(served, action, settle=0.3):
    server, sites = served["server"], served["sites"]
    builds = {"A": sites["public"], "B": sites["public2"]}
    paths = _visit_paths(builds["A"], builds["B"])
    assert len(paths) >= 3, paths
    stop = threading.Event()
    results: dict[int, list] = {}
    threads = [threading.Thread(target=lambda o=o: results.__setitem__(o, _visits(server, paths, builds, stop, o)))
               for o in (1, -1)]
    for thread in threads:
        thread.start()
    try:
        time.sleep(settle)
        windows = action()
        time.sleep(settle)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=10)
    visits = results[1] + results[-1]
    return visits, windows


def test_deploy_and_rollback_under_load_serve_whole_releases(served):
    root, sites = served["root"], served["sites"]

    def swaps():
        t0 = time.monotonic()
        deploy(sites["public2"], root, "public")
        t1 = time.monotonic()
        time.sleep(0.4)
        t2 = time.monotonic()
        rollback(root, "public")
        t3 = time.monotonic()
        return [(t0, t1, "A", "B"), (t2, t3, "B", "A")]

    visits, windows = _load(served, swaps)
    assert len(visits) > 20
    assert check_visits(visits, windows, "A") == []
    assert any("B" in labels for _, _, labels in visits)  # the new release was seen


def test_a_copy_in_place_would_be_caught_under_load(served, tmp_path):
    """The same load against a non-atomic deploy (files replaced one by one in the live folder) fails the check."""
    root, sites = served["root"], served["sites"]
    paths = _visit_paths(sites["public"], sites["public2"])
    live_folder = root.current("public").resolve()
    backup = {p: (live_folder / p).read_bytes() for p in paths}

    def copy_in_place():
        t0 = time.monotonic()
        for path in paths:  # each file whole (a rename), but the set not at once
            temp = tmp_path / "x"
            temp.write_bytes((sites["public2"] / path).read_bytes())
            os.replace(temp, live_folder / path)
            time.sleep(0.03)
        t1 = time.monotonic()
        return [(t0, t1, "A", "B")]

    try:
        visits, windows = _load(served, copy_in_place, settle=0.1)
        assert check_visits(visits, windows, "A") != []
    finally:
        for path, data in backup.items():
            (tmp_path / "x").write_bytes(data)
            os.replace(tmp_path / "x", live_folder / path)


def test_deploy_command_messages(served, tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["deploy", "--root", str(tmp_path / "srv")])
    assert result.exit_code == 1 and "--write-config" in result.output
    result = runner.invoke(main, ["deploy", "--edition", "public", "--rollback", "--root", str(tmp_path / "srv")])
    assert result.exit_code == 1 and "Nothing is deployed" in result.output
    result = runner.invoke(main, ["deploy", "--write-config", "--root", str(tmp_path / "srv"), "--listen", "80; x"])
    assert result.exit_code == 1 and "is not valid" in result.output
    result = runner.invoke(main, ["deploy", "--edition", "server", "--site", str(served["sites"]["public"]),
                                  "--root", str(tmp_path / "srv")])
    assert result.exit_code == 1 and "cannot be a folder name" in result.output
    marker = json.loads((served["root"].current("restricted") / ".catalog-release").read_text(encoding="utf-8"))
    assert marker["edition"] == "restricted" and marker["generator"] == "catalog"


def test_a_site_is_never_deployed_as_another_edition_than_it_was_built_as(served, tmp_path):
    site = tmp_path / "copy" / "site"
    shutil.copytree(served["sites"]["public"], site)  # no report beside it: only the site's marker says
    assert "edition: public" in (site / ".catalog-site").read_text(encoding="utf-8")
    with pytest.raises(DeployError, match='"public"'):
        deploy(site, DeployRoot(tmp_path / "srv"), "restricted")


def test_an_offline_bundle_is_never_deployed(served, tmp_path):
    """Over plain http its sealed part cannot open; on a server the server controls access."""
    site = tmp_path / "copy" / "site"
    shutil.copytree(served["sites"]["public"], site)
    (site / "vault").mkdir()
    with pytest.raises(DeployError, match="offline bundle"):
        deploy(site, DeployRoot(tmp_path / "srv"), "public")
    assert not (tmp_path / "srv").exists()


def test_a_missing_page_gets_the_catalogs_404_page_with_working_links(served):
    server = served["server"]
    for prefix, user in (("/", None), ("/noi-bo/", "hoa")):
        status, _, body = server.get(f"{prefix}khong/co/trang-nay.html", user, PASSWORD if user else None)
        assert status == 404
        page = body.decode("utf-8")
        assert "Không tìm thấy trang" in page and f'<base href="{prefix}">' in page
        stylesheet = re.search(r'href="([^"]*site\.css)"', page).group(1)
        assert server.get(prefix + stylesheet, user, PASSWORD if user else None)[0] == 200  # resolved from the base
    built = (served["sites"]["public"] / "404.html").read_text(encoding="utf-8")
    assert "<base" not in built  # the built site is left as it was


@pytest.fixture(scope="module")
def apache(served):
    """The same two editions deployed afresh and served by a real Apache with the generated apache.conf.

    Apache will not serve as root: its workers run as nobody with group root, so the
    deployment lives in a folder of its own that the group may read (pytest's are private).
    """
    if not Path(APACHE).exists():
        pytest.fail(f"{APACHE} is missing: run `bash scripts/setup.sh --test`")
    tmp = Path(tempfile.mkdtemp(prefix="catalog-apache-"))
    try:
        os.chmod(tmp, 0o750)
        root = DeployRoot(tmp / "srv")
        for edition in ("public", "restricted"):
            deploy(served["sites"][edition], root, edition)
        users_written = CliRunner().invoke(main, ["users", "add", "hoa", "--root", str(root.path), "--password-env",
                                                  "CATALOG_TEST_PW"], env={"CATALOG_TEST_PW": PASSWORD})
        assert users_written.exit_code == 0, users_written.output
        port = _free_port()
        written = CliRunner().invoke(main, ["deploy", "--write-config", "--root", str(root.path),
                                            "--listen", f"127.0.0.1:{port}", "--server-name", "localhost"])
        assert written.exit_code == 0, written.output
        process = _start_apache(tmp, root.server_dir / "apache.conf", port)
        try:
            yield Server(port)
        finally:
            process.terminate()
            process.wait(timeout=10)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def test_apache_serves_public_openly_and_restricted_behind_the_password(apache):
    status, headers, body = apache.get("/")
    assert status == 200 and "Kho thử A".encode() in body
    assert apache.get("/" + doc_page("D1"))[0] == 200
    assert apache.get("/" + doc_page("D2"))[0] == 404
    assert apache.get("/noi-bo/")[0] == 401
    assert apache.get("/noi-bo/" + doc_page("D2"), "hoa", "sai-mat-khau")[0] == 401
    status, _, body = apache.get("/noi-bo/" + doc_page("D2"), "hoa", PASSWORD)
    assert status == 200 and RESTRICTED_CANARY.encode() in body
    assert apache.get("/noi-bo", "hoa", PASSWORD)[0] == 301


def test_apache_sends_the_security_headers_and_no_version_listing_or_dot_file(apache):
    for path, auth in (("/", ()), ("/nothing-here.html", ()), ("/noi-bo/", ()), ("/noi-bo/", ("hoa", PASSWORD))):
        status, headers, _ = apache.get(path, *auth)
        assert headers["content-security-policy"] == CSP, (path, status)
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["server"] == "Apache", headers["server"]  # no version
    assert "private" in apache.get("/noi-bo/", "hoa", PASSWORD)[1]["cache-control"]
    assert apache.get("/static/")[0] in (403, 404)
    assert apache.get("/.catalog-site")[0] == 404
    assert apache.get("/noi-bo/.catalog-site", "hoa", PASSWORD)[0] == 404
    status, _, body = apache.get("/nothing-here.html")
    assert status == 404 and "<base" in body.decode("utf-8")  # the catalog's own 404 page
