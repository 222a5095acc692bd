"""``reportgen edit``: a page on this machine where a clerk fills, checks and renders a report.

Starlette and uvicorn are imported only here, when the page is asked for, so no other command
pays for them. The page's files (``static/``) ship inside the package: it works with no network.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportgen.errors import UsageError


def prepare(file: Path | None, kind: str | None, root: Path, registry: Any) -> str | None:
    """The file the page opens first, relative to ``root``: a new scaffold when ``file`` does
    not exist yet and ``kind`` is given. None: the page starts on its list of files."""
    from reportgen import api

    if file is None:
        return None
    path = (root / file).resolve()
    if not path.is_relative_to(root):
        raise UsageError.at(
            "只能编辑当前文件夹（及其子文件夹）中的文件",
            file,
            hint="先 cd 到报告所在的文件夹，再运行 reportgen edit",
        )
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise UsageError.at(
            "reportgen edit 打开的是 YAML 文件",
            file,
            hint="Word 或文本草稿请在网页上“打开”，会先导入为 YAML",
        )
    if not path.exists():
        if not kind:
            raise UsageError.at(
                "文件不存在", file, hint="新建时请用 --kind 指定报告类型，如 --kind yixue-cugan"
            )
        api.new_scaffold(kind, path, registry=registry)
    return path.relative_to(root).as_posix()


def serve(
    file: Path | None,
    *,
    kind: str | None,
    port: int,
    open_browser: bool,
    registry: Any,
    announce: Callable[[str], None],
) -> None:
    """Serve the page on 127.0.0.1 until it is closed or Ctrl-C is pressed."""
    import secrets
    import socket
    import threading
    import time
    import webbrowser

    import uvicorn

    from reportgen.edit.server import Session, create_app

    if kind is not None:
        registry.get(kind)
    root = Path.cwd().resolve()
    initial = prepare(file, kind, root, registry)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        listener.bind(("127.0.0.1", port))
    except OSError:
        listener.close()
        raise UsageError.at(
            f"端口 {port} 已被占用", hint="换一个 --port，或不给 --port 让程序自选"
        ) from None
    session = Session(
        root,
        secrets.token_urlsafe(24),
        listener.getsockname()[1],
        registry,
        initial,
        kind,
    )
    server = uvicorn.Server(
        uvicorn.Config(create_app(session), log_level="warning", lifespan="off")
    )

    def stop_when_closed() -> None:
        while not server.should_exit:
            time.sleep(0.5)
            if session.idle():
                server.should_exit = True

    threading.Thread(target=stop_when_closed, daemon=True).start()
    announce(session.url)
    if open_browser:
        webbrowser.open(session.url)
    try:
        server.run(sockets=[listener])
    finally:
        if session.work is not None:
            import shutil

            shutil.rmtree(session.work, ignore_errors=True)
