"""Preview a built site over HTTP, bound to 127.0.0.1 only (never to the network)."""

from __future__ import annotations

import functools
import http.server
from pathlib import Path

import click


def serve_site(out: Path, port: int) -> None:
    if not (out / "index.html").is_file():
        raise click.ClickException(
            f"Chưa có trang ở {out}; chạy `catalog build` trước. / No site at {out}; run `catalog build` first."
        )
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        host, bound = server.server_address[:2]
        click.echo(f"Đang phục vụ / Serving {out} at http://{host}:{bound}/ (Ctrl+C để dừng / to stop)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            click.echo("Đã dừng / Stopped.")
