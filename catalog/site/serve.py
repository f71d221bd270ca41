"""Preview a built site over HTTP, bound to 127.0.0.1 only (never to the network).

With live reload (``catalog watch``) every HTML page, and every error page, is served
with one ``<script src>`` of the preview server's own added to it. That script asks the
server every second which build the site is (the build id its ``.catalog-site`` marker
names) and reloads the page once another build was swapped in. It is never written into
the site, and nothing is inline: the site's Content-Security-Policy (``script-src
'self'``, as the intranet server sends it) holds in the preview too.
"""

from __future__ import annotations

import errno
import functools
import http.server
import urllib.parse
from pathlib import Path

import click

from catalog.output_paths import published_build

LIVE_PREFIX = "/__catalog__/"  # no page of a site has this address: the site's folders are Vietnamese words
LIVE_SCRIPT = LIVE_PREFIX + "live-reload.js"
LIVE_BUILD = LIVE_PREFIX + "build"

LIVE_RELOAD_JS = """\
// catalog watch: reload this page once the preview server publishes another build.
(function () {
  "use strict";
  var shown = new URL(document.currentScript.src).searchParams.get("build") || "";
  function ask() {
    fetch("%s", {cache: "no-store"})
      .then(function (answer) { return answer.ok ? answer.text() : shown; })
      .then(function (build) {
        if (build && build !== shown) { location.reload(); } else { setTimeout(ask, 1000); }
      }, function () { setTimeout(ask, 2000); });  // the preview stopped or is restarting: keep asking
  }
  setTimeout(ask, 1000);
})();
""" % LIVE_BUILD


def serve_site(out: Path, port: int) -> None:
    if not (out / "index.html").is_file():
        raise click.ClickException(
            f"Chưa có trang ở {out}; chạy `catalog build` trước. / No site at {out}; run `catalog build` first."
        )
    with preview_server(out, port) as server:
        click.echo(f"Đang phục vụ / Serving {out} at {preview_address(server)} (Ctrl+C để dừng / to stop)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            click.echo("Đã dừng / Stopped.")


def preview_server(site: Path, port: int, live_reload: bool = False) -> http.server.ThreadingHTTPServer:
    """A server of ``site`` bound to 127.0.0.1:``port`` (0: any free port), not yet serving."""
    handler = functools.partial(PreviewHandler, directory=str(site), live_reload=live_reload)
    try:
        return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            raise
        raise click.ClickException(f"Cổng {port} đang được dùng; chọn cổng khác bằng --port. "
                                   f"/ Port {port} is in use; choose another with --port.") from None


def preview_address(server: http.server.HTTPServer) -> str:
    host, port = server.server_address[:2]
    return f"http://{host}:{port}/"


def with_live_reload(html: bytes, build: str | None) -> bytes:
    """``html`` with the live-reload script in its head (or at the end of a page without one)."""
    tag = live_reload_tag(build).encode()
    lower = html.lower()
    at = next((i for i in (lower.find(b"</head>"), lower.find(b"</body>")) if i >= 0), len(html))
    return html[:at] + tag + html[at:]


def live_reload_tag(build: str | None) -> str:
    # The page says which build it is part of: one swapped in before the script's first question still counts.
    return f'<script src="{LIVE_SCRIPT}?build={build or ""}" defer></script>'


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    """The site's files as they are; with ``live_reload``, HTML pages carry the live-reload script."""

    def __init__(self, *args, live_reload: bool = False, **kwargs):
        self.live_reload = live_reload  # before the base class, which answers the request in __init__
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        if not (self.live_reload and self._answer_live(send_body=True)):
            super().do_GET()

    def do_HEAD(self) -> None:
        if not (self.live_reload and self._answer_live(send_body=False)):
            super().do_HEAD()

    def _answer_live(self, send_body: bool) -> bool:
        """Answer what live reload changes (its script, the build id, HTML pages); False for the rest."""
        address = urllib.parse.urlsplit(self.path).path
        if address == LIVE_SCRIPT:
            self._send("text/javascript; charset=utf-8", LIVE_RELOAD_JS.encode(), send_body)
        elif address == LIVE_BUILD:
            self._send("text/plain; charset=utf-8", (self._build() or "").encode(), send_body)
        elif (page := self._page_file(address)) is not None:
            build = self._build()  # before the page: a swap in between costs one more reload, never a missed one
            try:
                html = page.read_bytes()
            except OSError:
                return False  # gone meanwhile: the base class answers 404
            self._send("text/html; charset=utf-8", with_live_reload(html, build), send_body)
        else:
            return False
        return True

    def _page_file(self, address: str) -> Path | None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not address.endswith("/"):
                return None  # the base class first redirects to the folder's address with a slash
            path = path / "index.html"
        return path if path.suffix.lower() in (".html", ".htm") and path.is_file() else None

    def _build(self) -> str | None:
        return published_build(Path(self.directory))

    def _send(self, content_type: str, payload: bytes, send_body: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Cache-Control", "no-store")  # a reload must show the new build, never a cached page
        self.end_headers()
        if send_body:
            self.wfile.write(payload)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if self.live_reload:  # a page not built yet reloads once a build has made it
            tag = live_reload_tag(self._build()).replace("%", "%%")
            self.error_message_format = http.server.DEFAULT_ERROR_MESSAGE.replace("</head>", tag + "</head>", 1)
        super().send_error(code, message, explain)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        if not (self.live_reload and self.path.startswith(LIVE_PREFIX)):  # asked every second: would drown the log
            super().log_request(code, size)
