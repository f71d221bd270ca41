"""Server configurations for an intranet: nginx and Apache 2.4 (both checked by the tests against the real servers).

URL layout: the public edition at ``/``, the restricted edition at ``/noi-bo/`` behind
HTTP basic authentication (bcrypt htpasswd). The site's links are all relative, so each
edition works under its prefix unchanged; the public site has no link into ``/noi-bo/``.

Both serve only ``ROOT/public/current`` and ``ROOT/restricted/current`` (absolute
paths), never list a folder, hide dot files (the markers), say no server version, and
send these headers on every answer, errors included. The site loads only its own
scripts (``static/``, ``search/``), has no inline script, event handler or style
attribute, and shows scans in ``<object>``: hence the Content-Security-Policy.
"""

from __future__ import annotations

import re
from pathlib import Path

from catalog.atomic import write_text
from catalog.publish import DeployError
from catalog.publish.root import SERVER_DIR, DeployRoot

PUBLIC_EDITION = "public"
RESTRICTED_EDITION = "restricted"
RESTRICTED_PREFIX = "/noi-bo/"
URL_PREFIXES = {"public": "/", "restricted": RESTRICTED_PREFIX}  # where each edition is served
REALM = "Kho luu tru - noi bo / Restricted catalog"

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'self'; "
       "frame-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'self'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # a restricted page's address never leaves in a Referer
    "X-Frame-Options": "SAMEORIGIN",
}
RESTRICTED_HEADERS = {**HEADERS, "Cache-Control": "private, no-cache"}  # no shared proxy keeps restricted pages

_LISTEN = re.compile(r"(?:(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9A-Fa-f:.]+\]|\*):)?(\d{1,5})")
_SERVER_NAME = re.compile(r"[A-Za-z0-9*_.-]{1,253}")


def check_listen(listen: str) -> tuple[str, int]:
    match = _LISTEN.fullmatch(listen)
    if not match or not 0 < int(match[1]) < 65536:
        raise DeployError(
            f'--listen "{listen}" không hợp lệ: dùng CỔNG hoặc ĐỊA-CHỈ-IP:CỔNG, ví dụ 80 hoặc 10.0.0.5:8080. '
            f'/ --listen "{listen}" is not valid: use PORT or IP-ADDRESS:PORT, e.g. 80 or 10.0.0.5:8080.'
        )
    host = listen.rpartition(":")[0] or "*"
    return host, int(match[1])


def check_server_names(names: str) -> list[str]:
    parts = names.split()
    if not parts or not all(_SERVER_NAME.fullmatch(p) for p in parts):
        raise DeployError(
            f'--server-name "{names}" không hợp lệ: một hay nhiều tên máy cách nhau bằng dấu cách, ví dụ '
            f'"luutru.so-ha.local". / --server-name "{names}" is not valid: one or more host names separated by '
            f'spaces, e.g. "luutru.so-ha.local".'
        )
    return parts


def nginx_config(root: DeployRoot, listen: str = "80", server_name: str = "_") -> str:
    check_listen(listen)
    names = " ".join(check_server_names(server_name))
    public = root.current(PUBLIC_EDITION)
    restricted = root.current(RESTRICTED_EDITION)

    def headers(table: dict[str, str], indent: str) -> str:
        return "".join(f'{indent}add_header {name} "{value}" always;\n' for name, value in table.items())

    return f"""\
# Catalog intranet site, written by `catalog deploy --write-config --root {root.path}`.
# Install: cp this file /etc/nginx/sites-available/catalog, link it into sites-enabled,
# `nginx -t && systemctl reload nginx`. Written again by the same command; do not edit.
#
#   /         the public edition      {public}
#   /noi-bo/  the restricted edition  {restricted} (basic authentication)
#
# `current` is a symlink a deploy renames in one step; nginx resolves it for each request.
# Do not enable open_file_cache for these paths (it would keep serving the old release).

server {{
    listen {listen};
    server_name {names};

    server_tokens off;
    autoindex off;
    absolute_redirect off;
    charset utf-8;
    charset_types text/css text/plain application/javascript application/json image/svg+xml;
    index index.html;
    root {public};
    error_page 404 /404.html;
{headers(HEADERS, "    ")}
    location / {{
        try_files $uri $uri/ =404;
        location ~ /\\. {{ return 404; }}
    }}

    location = {RESTRICTED_PREFIX.rstrip("/")} {{
        return 301 {RESTRICTED_PREFIX};
    }}

    location {RESTRICTED_PREFIX} {{
        alias {restricted}/;
        auth_basic "{REALM}";
        auth_basic_user_file {root.users_file};
        error_page 404 {RESTRICTED_PREFIX}404.html;
{headers(RESTRICTED_HEADERS, "        ")}
        location ~ /\\. {{ return 404; }}
    }}
}}
"""


def apache_config(root: DeployRoot, listen: str = "80", server_name: str = "_") -> str:
    host, port = check_listen(listen)
    names = check_server_names(server_name)
    public = root.current(PUBLIC_EDITION)
    restricted = root.current(RESTRICTED_EDITION)
    server_lines = "" if names == ["_"] else f"    ServerName {names[0]}\n" + "".join(
        f"    ServerAlias {n}\n" for n in names[1:])
    header_lines = "".join(f'    Header always set {k} "{v}"\n' for k, v in HEADERS.items())
    return f"""\
# Catalog intranet site for Apache 2.4, written by `catalog deploy --write-config --root {root.path}`.
# An alternative to nginx.conf beside it (the test suite checks both against the real servers).
# Needs: a2enmod headers auth_basic authn_file alias; and in the main configuration
# (e.g. /etc/apache2/conf-enabled/security.conf): ServerTokens Prod, ServerSignature Off.
# Install: cp this file /etc/apache2/sites-available/catalog.conf, a2ensite catalog,
# `apachectl configtest && systemctl reload apache2`. Add `Listen {port}` if not yet listened on.
#
#   /         the public edition      {public}
#   /noi-bo/  the restricted edition  {restricted} (basic authentication)

<VirtualHost {host}:{port}>
{server_lines}    ServerSignature Off
    DocumentRoot "{public}"
    DirectoryIndex index.html
    AddDefaultCharset utf-8
    ErrorDocument 404 /404.html
{header_lines}
    <Directory "{root.path}">
        Options -Indexes +FollowSymLinks
        AllowOverride None
        Require all denied
    </Directory>

    <Directory "{public}">
        Require all granted
    </Directory>

    RedirectMatch 301 "^{RESTRICTED_PREFIX.rstrip("/")}$" "{RESTRICTED_PREFIX}"
    Alias "{RESTRICTED_PREFIX}" "{restricted}/"
    <Directory "{restricted}">
        AuthType Basic
        AuthName "{REALM}"
        AuthBasicProvider file
        AuthUserFile "{root.users_file}"
        Require valid-user
        ErrorDocument 404 {RESTRICTED_PREFIX}404.html
        Header always set Cache-Control "{RESTRICTED_HEADERS['Cache-Control']}"
    </Directory>

    # Dot files (the markers) are not served.
    RedirectMatch 404 "/\\."
</VirtualHost>
"""


def write_configs(root: DeployRoot, listen: str = "80", server_name: str = "_") -> list[Path]:
    """Write ROOT/server/nginx.conf and apache.conf; return their paths."""
    texts = {"nginx.conf": nginx_config(root, listen, server_name), "apache.conf": apache_config(root, listen, server_name)}
    root.prepare()
    folder = root.path / SERVER_DIR
    folder.mkdir(exist_ok=True)
    paths = []
    for name, text in texts.items():
        write_text(folder / name, text)
        paths.append(folder / name)
    return paths
