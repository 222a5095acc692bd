"""What keeps the page private to the clerk who started it.

The server listens on 127.0.0.1 only. Each request must name the session's random token as the
first part of its path (another program or web page on the machine does not know it), and must
come with this server's own Host (a DNS-rebinding page arrives with its own host name) and, when
the browser says where it comes from, this server's own Origin (a page of another site or port is
refused). Files are only those inside the folder the server was started in.
"""

from __future__ import annotations

import hmac
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

from reportgen.errors import UsageError

#: Headers on every answer: nothing cached, the page never framed, no address leaked onwards.
SECURITY_HEADERS = [
    (b"cache-control", b"no-store"),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'",
    ),
]


class Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def refusal(scope: dict[str, Any], token: str, port: int) -> Refused | None:
    """Why the request of ``scope`` is refused, or None when it may go on."""
    headers = {name.decode("latin-1"): value.decode("latin-1") for name, value in scope["headers"]}
    hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
    if headers.get("host", "").lower() not in hosts:
        return Refused(403, "拒绝访问：请求的主机名不是本机（只接受 127.0.0.1 的访问）")
    origin = headers.get("origin")
    if origin is not None and origin.lower() not in {f"http://{host}" for host in hosts}:
        return Refused(403, "拒绝访问：请求来自其他网页")
    if headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return Refused(403, "拒绝访问：请求来自其他网页")
    first = scope["path"].lstrip("/").split("/", 1)[0]
    if not hmac.compare_digest(first.encode("utf-8"), token.encode("utf-8")):
        return Refused(403, "链接不对或已过期：请用 reportgen edit 显示的完整地址打开")
    method = scope["method"]
    if method == "POST" and not scope["path"].endswith(("/api/alive", "/api/bye")):
        kind = headers.get("content-type", "").split(";")[0].strip().lower()
        if kind != "application/json":
            return Refused(415, "只接受 JSON 请求")
    return None


class Guard:
    """ASGI middleware: every request passes :func:`refusal` before it reaches the app."""

    def __init__(self, app: Any, token: str, port: int) -> None:
        self.app, self.token, self.port = app, token, port

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refused = refusal(scope, self.token, self.port)

        async def send_with_headers(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *SECURITY_HEADERS]}
            await send(message)

        if refused is None:
            await self.app(scope, receive, send_with_headers)
            return
        from starlette.responses import PlainTextResponse

        response = PlainTextResponse(refused.message, status_code=refused.status)
        await response(scope, receive, send_with_headers)


def inside(root: Path, name: str, suffixes: tuple[str, ...]) -> Path:
    """The file ``name`` of the folder ``root``; anything that leads outside it is refused."""
    if not name or "\x00" in name:
        raise Refused(400, "没有给出文件名")
    path = (root / name).resolve()
    if path == root or not path.is_relative_to(root):
        raise Refused(403, "只能打开启动 reportgen edit 时所在文件夹里的文件")
    if path.suffix.lower() not in suffixes:
        raise UsageError.at(f"这里只能用 {'、'.join(suffixes)} 文件", name)
    return path
