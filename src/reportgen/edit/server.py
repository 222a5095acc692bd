"""The page's server: a small JSON API over :mod:`reportgen.api`, and the page's own files.

The page holds the report as plain data and sends it whole with each call; the server keeps no
copy, so what the clerk typed lives in the page until it is saved, and a save that does not
validate is written all the same (the errors are shown beside their fields, nothing is lost).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from reportgen import api
from reportgen.edit import preview, yamldoc
from reportgen.edit.guard import Guard, Refused, inside
from reportgen.errors import Problem, ReportgenError

YAML_SUFFIXES = (".yaml", ".yml")
DRAFT_SUFFIXES = (".docx", ".txt", ".md")
_ASSETS = {"app.js": "text/javascript", "app.css": "text/css"}


@dataclass
class Session:
    root: Path
    token: str
    port: int
    registry: Any
    initial: str | None = None
    kind: str | None = None
    #: Seconds without a heartbeat after which the server stops (the page was closed).
    idle_timeout: float = 90.0
    last_seen: float = field(default_factory=time.monotonic)
    work: Path | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/{self.token}/"

    def idle(self) -> bool:
        return time.monotonic() - self.last_seen > self.idle_timeout


def create_app(session: Session) -> Any:
    from starlette.applications import Starlette
    from starlette.routing import Mount, Route

    handlers = _Handlers(session)
    routes = [
        Route("/", handlers.index),
        Route("/static/{name}", handlers.asset),
        Route("/api/session", handlers.session),
        Route("/api/files", handlers.files),
        Route("/api/download", handlers.download),
        *(
            Route(f"/api/{name}", getattr(handlers, name), methods=["POST"])
            for name in ("open", "new", "import", "check", "save", "render", "pages")
        ),
        Route("/api/alive", handlers.alive, methods=["POST"]),
        Route("/api/bye", handlers.bye, methods=["POST"]),
    ]
    app = Starlette(routes=[Mount(f"/{session.token}", routes=routes)])
    return Guard(app, session.token, session.port)


class _Handlers:
    def __init__(self, session: Session) -> None:
        self.s = session
        # `import` is a keyword: the route's handler is found by name.
        setattr(self, "import", self.import_draft)

    # -- the page -----------------------------------------------------------------------------

    async def index(self, request: Any) -> Any:
        from starlette.responses import HTMLResponse

        return HTMLResponse(_asset_text("index.html"))

    async def asset(self, request: Any) -> Any:
        from starlette.responses import PlainTextResponse, Response

        name = request.path_params["name"]
        if name not in _ASSETS:
            return PlainTextResponse("没有这个文件", status_code=404)
        return Response(_asset_text(name), media_type=_ASSETS[name])

    async def session(self, request: Any) -> Any:
        kinds = [
            {"id": kind.id, "name": kind.spec.name, "summary": kind.spec.summary}
            for kind in self.s.registry
        ]
        return _json(
            {
                "folder": str(self.s.root),
                "file": self.s.initial,
                "kind": self.s.kind,
                "kinds": kinds,
                "pages": preview.can_lay_out(),
            }
        )

    async def files(self, request: Any) -> Any:
        names = sorted(
            path.name
            for path in self.s.root.iterdir()
            if path.is_file()
            and path.suffix.lower() in YAML_SUFFIXES + DRAFT_SUFFIXES
            and not path.name.startswith((".", "~$"))
            and not path.name.endswith(".schema.json")
        )
        return _json({"files": names})

    # -- reports ------------------------------------------------------------------------------

    async def open(self, request: Any) -> Any:
        body = await request.json()
        return await self._run(self._open, str(body.get("file", "")))

    def _open(self, name: str) -> dict[str, Any]:
        from reportgen.textio import read_text

        path = inside(self.s.root, name, YAML_SUFFIXES)
        text = read_text(path, name)
        try:
            data = yamldoc.plain(yamldoc.load(text))
        except Exception:
            data = None
        loaded_kind = data.get("kind") if isinstance(data, dict) else None
        if not isinstance(loaded_kind, str) or loaded_kind not in self.s.registry.ids():
            checked = api.check_text(text, name, self.s.registry)
            problems = checked.problems or (
                Problem("这不是 reportgen 的报告文件（缺少 kind）", name, 1, 1),
            )
            raise ReportgenError(*problems)
        form = _describe(self.s.registry.get(loaded_kind))
        return {"file": name, "form": form, "data": data, **self._state(name, text)}

    async def new(self, request: Any) -> Any:
        body = await request.json()
        return await self._run(self._new, str(body.get("kind", "")), str(body.get("file", "")))

    def _new(self, kind: str, name: str) -> dict[str, Any]:
        path = inside(self.s.root, name, YAML_SUFFIXES)
        api.new_scaffold(kind, path, registry=self.s.registry)
        return self._open(name)

    async def import_draft(self, request: Any) -> Any:
        body = await request.json()
        return await self._run(self._import, str(body.get("file", "")))

    def _import(self, name: str) -> dict[str, Any]:
        path = inside(self.s.root, name, DRAFT_SUFFIXES)
        out = _free_name(path)
        result = api.import_draft(path, output=out, registry=self.s.registry)
        opened = self._open(out.name)
        opened["messages"] = [f"已从 {name} 导入为 {out.name}（{result.reason}）", *result.warnings]
        return opened

    async def check(self, request: Any) -> Any:
        body = await request.json()
        return await self._run(self._check, str(body.get("file", "")), body.get("data"))

    def _check(self, name: str, data: Any) -> dict[str, Any]:
        return self._state(name, self._merged(name, data))

    async def save(self, request: Any) -> Any:
        body = await request.json()
        return await self._run(self._save, str(body.get("file", "")), body.get("data"))

    def _save(self, name: str, data: Any) -> dict[str, Any]:
        from reportgen.outputs import write_atomically

        text = self._merged(name, data)
        write_atomically(inside(self.s.root, name, YAML_SUFFIXES), text.encode("utf-8"))
        return {"saved": name, **self._state(name, text)}

    async def render(self, request: Any) -> Any:
        body = await request.json()
        return await self._run(self._render, str(body.get("file", "")), body.get("data"))

    def _render(self, name: str, data: Any) -> dict[str, Any]:
        state = self._save(name, data)
        if state["problems"]:
            return {**state, "rendered": None}
        path = inside(self.s.root, name, YAML_SUFFIXES)
        result = api.render(path, registry=self.s.registry)
        assert result.output is not None
        rendered = result.output.relative_to(self.s.root).as_posix()
        return {**state, "rendered": rendered, "unfilled_count": len(result.unfilled)}

    async def pages(self, request: Any) -> Any:
        body = await request.json()
        return await self._run(self._pages, str(body.get("file", "")), body.get("data"))

    def _pages(self, name: str, data: Any) -> dict[str, Any]:
        if not preview.can_lay_out():
            return {"pages": [], "problems": []}
        text = self._merged(name, data)
        if self.s.work is None:
            self.s.work = preview.workspace()
        source = self.s.work / "预览.yaml"
        source.write_text(text, encoding="utf-8")
        try:
            result = api.render(source, self.s.work / "预览.docx", registry=self.s.registry)
        except ReportgenError:
            return {"pages": [], "problems": ["内容还有错误，改正后才能排版预览"]}
        assert result.output is not None
        return {"pages": preview.pages(result.output, self.s.work), "problems": []}

    async def download(self, request: Any) -> Any:
        from urllib.parse import quote

        from starlette.responses import FileResponse, PlainTextResponse

        try:
            path = inside(self.s.root, request.query_params.get("file", ""), (".docx",))
        except Refused as refused:
            return PlainTextResponse(refused.message, status_code=refused.status)
        except ReportgenError as error:
            return PlainTextResponse(str(error), status_code=400)
        if not path.is_file():
            return PlainTextResponse("文件不存在", status_code=404)
        disposition = f"attachment; filename*=UTF-8''{quote(path.name)}"
        return FileResponse(path, headers={"content-disposition": disposition})

    # -- the page's heartbeat -----------------------------------------------------------------

    async def alive(self, request: Any) -> Any:
        from starlette.responses import Response

        self.s.last_seen = time.monotonic()
        return Response(status_code=204)

    async def bye(self, request: Any) -> Any:
        """The page was closed: stop in a few seconds unless it comes back (a reload)."""
        from starlette.responses import Response

        self.s.last_seen = time.monotonic() - self.s.idle_timeout + 5
        return Response(status_code=204)

    # -- helpers ------------------------------------------------------------------------------

    def _merged(self, name: str, data: Any) -> str:
        from reportgen.textio import read_text

        if not isinstance(data, dict):
            raise Refused(400, "请求中没有报告内容")
        path = inside(self.s.root, name, YAML_SUFFIXES)
        return yamldoc.merged(read_text(path, name) if path.exists() else "", data)

    def _state(self, name: str, text: str) -> dict[str, Any]:
        """The checks of ``text``, each placed at the field it comes from, and the sketch."""
        checked = api.check_text(text, name, self.s.registry)
        try:
            table = yamldoc.places(text)
        except Exception:
            table = []
        notes = [
            _note(table, p.line, p.column, "error", p.message, p.hint, "校验")
            for p in checked.problems
        ]
        notes += [
            _note(table, f.line, f.column, f.severity, f.message, None, f.rule)
            for f in checked.findings
        ]
        # Lint already names each unfilled figure where the text refers to it; the figures
        # table gets a note on the row to fill.
        for item in checked.unfilled:
            if item.figure and not item.is_field:
                figure = [(0, 0, ("figures", item.figure, "value"))]
                notes.append(_note(figure, 0, 0, "info", "尚未填写数值", None, "unfilled"))
        sketch = preview.sketch(checked.document) if checked.document else ""
        return {
            "problems": [n for n in notes if n["rule"] == "校验"],
            "notes": _unique(notes),
            "sketch": sketch,
            "unfilled": len(checked.unfilled),
        }

    async def _run(self, work: Any, *args: Any) -> Any:
        from starlette.concurrency import run_in_threadpool

        try:
            return _json(await run_in_threadpool(work, *args))
        except Refused as refused:
            return _json({"error": refused.message}, refused.status)
        except ReportgenError as error:
            problems = [
                {"message": p.message, "line": p.line, "column": p.column, "hint": p.hint}
                for p in error.problems
            ]
            return _json({"error": str(error), "problems": problems}, 400)


def _note(
    table: list[Any],
    line: int | None,
    column: int | None,
    severity: str,
    message: str,
    hint: str | None,
    rule: str,
) -> dict[str, Any]:
    return {
        "loc": list(yamldoc.loc_at(table, line, column)),
        "line": line,
        "severity": severity,
        "message": message,
        "hint": hint,
        "rule": rule,
    }


def _unique(notes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[tuple[str, str]] = set()
    kept = []
    for note in notes:
        key = (repr(note["loc"]), note["message"])
        if key not in seen:
            seen.add(key)
            kept.append(note)
    return kept


def _describe(kind: Any) -> dict[str, Any]:
    from reportgen.edit.form import describe

    return describe(kind)


def _free_name(draft: Path) -> Path:
    """``草稿.yaml`` beside ``草稿.docx``, or ``草稿-导入2.yaml`` … when that is taken."""
    candidate = draft.with_suffix(".yaml")
    number = 1
    while candidate.exists():
        number += 1
        candidate = draft.with_name(f"{draft.stem}-导入{number}.yaml")
    return candidate


def _asset_text(name: str) -> str:
    return (resources.files("reportgen.edit") / "static" / name).read_text(encoding="utf-8")


def _json(data: Any, status: int = 200) -> Any:
    from starlette.responses import JSONResponse

    return JSONResponse(data, status_code=status)
