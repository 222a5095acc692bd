"""The command line: parses options, calls :mod:`reportgen.api`, prints. No logic lives here.

Every :class:`~reportgen.errors.ReportgenError` becomes a message and an exit code in ``main``,
the one place where errors meet the user.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from typer import _click as click  # typer's own copy of click: the types it raises and passes
from typer._click import exceptions as click_errors
from typer.core import TyperCommand, TyperGroup

from reportgen.cli import commands
from reportgen.errors import ReportgenError

# typer vendors click and keeps its HelpFormatter under a private module: reach it through
# the public Context instead, typed Any.
_HelpFormatter: Any = typer.Context.formatter_class
_HELP_WORDS = {
    "Options": "选项",
    "Arguments": "参数",
    "Commands": "命令",
    "Show this message and exit.": "显示本帮助并退出。",
}


class _ChineseHelp(_HelpFormatter):  # type: ignore[misc]
    """The help page's frame (usage line, section titles, the --help line) in Chinese, as
    everything else a clerk reads."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        args = args.replace("[OPTIONS]", "[选项]").replace("COMMAND [ARGS]", "命令 [参数]")
        super().write_usage(prog, args, prefix="用法：" if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{_HELP_WORDS.get(heading, heading)}：\n")

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [(term, self._translate(text)) for term, text in rows]
        super().write_dl(rows, col_max, col_spacing)

    def _translate(self, text: str) -> str:
        text = _HELP_WORDS.get(text, text).replace("[required]", "［必填］")
        return (
            text.replace("[default: ", "［默认：").replace("]", "］")
            if "［默认：" in text or "[default: " in text
            else text
        )


class _Context(typer.Context):
    formatter_class = _ChineseHelp


class _UnknownCommand(click_errors.UsageError):
    """``reportgen NAME`` where no command is called NAME."""

    def __init__(self, name: str, ctx: click.Context) -> None:
        super().__init__(f"No such command {name!r}.", ctx)
        self.name = name


#: The commands, as the message for an unknown one lists them.
_COMMANDS = "kinds、new、render、lint、schema、import、edit、check、fonts"


class _Group(TyperGroup):
    context_class = _Context

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0] if args else ""
        if name[:1].isalnum() and not ctx.resilient_parsing and not self.get_command(ctx, name):
            raise _UnknownCommand(name, ctx)
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as exc:  # typer would end silently with 130; main says 已中止
            raise typer.Abort() from exc


class _Command(TyperCommand):
    context_class = _Context


app = typer.Typer(
    name="reportgen",
    help="公文汇报起草助手：reportgen new 生成模板 → 填写 YAML → reportgen render 生成国标版式 Word；"
    "reportgen lint 检查草稿中未填的数据和常见差错。",
    cls=_Group,
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        from reportgen.version import __version__

        typer.echo(f"reportgen {__version__}")
        raise typer.Exit()


@app.callback()
def _top_level(
    version: Annotated[
        bool,
        typer.Option("--version", help="显示版本号并退出。", is_eager=True, callback=_show_version),
    ] = False,
) -> None:
    pass


def _option(*flags: str, help: str, metavar: str | None = None) -> Any:
    """An option whose help text says what it defaults to, so typer need not print a default."""
    return typer.Option(*flags, help=help, metavar=metavar, show_default=False)


KindsOption = Annotated[
    Optional[list[Path]],  # noqa: UP045
    _option("--kinds", help="自定义报告类型文件所在文件夹（可多次给出）", metavar="DIR"),
]


_registry = commands.registry
_err = commands.err


@app.command("kinds", cls=_Command)
def kinds_command(kinds: KindsOption = None) -> None:
    """列出可用的报告类型：编号、中文名、何时使用。"""
    commands.kinds(kinds)


@app.command("new", cls=_Command)
def new_command(
    kind: Annotated[
        str,
        typer.Argument(help="报告类型编号，见 reportgen kinds", metavar="KIND", show_default=False),
    ],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="写入的文件", metavar="FILE")
    ] = Path("report.yaml"),
    force: Annotated[bool, typer.Option("--force", help="文件已存在时覆盖")] = False,
    kinds: KindsOption = None,
) -> None:
    """生成某类报告的 YAML 模板，每个字段都有填写说明。"""
    commands.new(kind, output, force=force, kind_dirs=kinds)


@app.command("render", cls=_Command)
def render_command(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="填好的 YAML 文件（可多个，或文件夹）", metavar="FILE...", show_default=False
        ),
    ],
    output: Annotated[
        Optional[Path],  # noqa: UP045
        _option(
            "-o", "--output", help="输出的 .docx；多份时为文件夹。默认与 YAML 同名", metavar="FILE"
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="有未填数据时报错，不生成文件")] = False,
    template: Annotated[
        Optional[Path],  # noqa: UP045
        _option("--template", help="参考样式 .docx（可在 Word 中修改后使用）", metavar="FILE"),
    ] = None,
    figures: Annotated[
        Optional[Path],  # noqa: UP045
        _option(
            "--figures", help="数据表（.csv/.xlsx，列：名称、数值），填入 figures", metavar="TABLE"
        ),
    ] = None,
    batch: Annotated[
        Optional[Path],  # noqa: UP045
        _option(
            "--batch", help="批量表（.csv/.xlsx）：每行一个单位，各出一份报告", metavar="TABLE"
        ),
    ] = None,
    jobs: Annotated[
        Optional[int],  # noqa: UP045
        _option("--jobs", "-j", help="并行进程数，默认用满全部 CPU 核", metavar="N"),
    ] = None,
    kinds: KindsOption = None,
    letterhead: Annotated[
        str,
        _option(
            "--letterhead",
            help="printed：印出红头；preprinted：用已印好红头的公文纸，版头留空",
            metavar="MODE",
        ),
    ] = "printed",
    check: Annotated[
        bool, typer.Option("--check", help="生成后用 reportgen check 核验版式（单份时）")
    ] = False,
) -> None:
    """校验 YAML 并生成国标版式的 Word 文档；未填数据会黄色高亮并列出。"""
    from reportgen import api

    if not api.is_batch(files, batch):
        written = commands.render_one(
            files[0],
            output,
            strict=strict,
            template=template,
            kind_dirs=kinds,
            figures=figures,
            letterhead=letterhead,
        )
        if check and written is not None:
            _run_check([written], "text")
        return
    code = commands.render_batch(
        files,
        output,
        table=batch,
        strict=strict,
        template=template,
        figures=figures,
        kind_dirs=kinds,
        jobs=jobs,
        letterhead=letterhead,
    )
    raise typer.Exit(code)


@app.command("lint", cls=_Command)
def lint_command(
    paths: Annotated[
        list[str],
        typer.Argument(help="要检查的文件或文件夹", metavar="PATH...", show_default=False),
    ],
    format: Annotated[
        str, typer.Option("--format", help="输出格式：text、json、sarif、github", metavar="FORMAT")
    ] = "text",
    select: Annotated[
        Optional[list[str]],  # noqa: UP045
        _option("--select", help="只检查这些规则（可多次给出或用逗号分隔）", metavar="RULE"),
    ] = None,
    ignore: Annotated[
        Optional[list[str]],  # noqa: UP045
        _option("--ignore", help="不检查这些规则", metavar="RULE"),
    ] = None,
    fail_on: Annotated[
        Optional[str],  # noqa: UP045
        _option("--fail-on", help="达到此级别即返回 1：error、warning、info", metavar="LEVEL"),
    ] = None,
    annotate: Annotated[
        Optional[Path],  # noqa: UP045
        _option("--annotate", help="另存一份带批注和高亮的 .docx", metavar="FILE"),
    ] = None,
    fix: Annotated[
        bool, typer.Option("--fix", help="把机械性差错（标点、数字、序号等）改好另存，须配 -o")
    ] = False,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        _option(
            "-o", "--output", help="--fix 改好的文件写到这里（不覆盖已有文件）", metavar="FILE"
        ),
    ] = None,
) -> None:
    """检查草稿（.docx、.txt、.md、.yaml 或文件夹）中未填的数据和常见差错。

    \b
    级别：错误（error）印发前必须改，如未填的数据；警告（warning）很可能是差错，
    请逐条核对；提示（info）供参考。
    退出码：0 没有达到 --fail-on 级别（默认 error）的问题；1 有；
    2 有文件没能检查（路径不存在、.doc/.wps 等格式）或用法有误，这时不能当作检查通过。
    """
    code = commands.lint(
        paths,
        format=format,
        select=select,
        ignore=ignore,
        fail_on=fail_on,
        annotate=annotate,
        fix=fix,
        output=output,
    )
    raise typer.Exit(code)


@app.command("import", cls=_Command)
def import_command(
    draft: Annotated[
        Path,
        typer.Argument(help="已有的草稿：.docx、.txt 或 .md", metavar="DRAFT", show_default=False),
    ],
    kind: Annotated[
        Optional[str],  # noqa: UP045
        _option("--kind", help="导入为哪种报告；不给时自动推荐", metavar="KIND"),
    ] = None,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        _option("-o", "--output", help="写入的 YAML，默认与草稿同名", metavar="FILE"),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="文件已存在时覆盖")] = False,
    format: Annotated[
        str,
        _option(
            "--format",
            help="text：在终端列出导入时的判断（默认）；json：把这些判断作为一个 JSON 对象打印到标准输出",
            metavar="text|json",
        ),
    ] = "text",
    kinds: KindsOption = None,
) -> None:
    """把已有草稿导入为某类报告的 YAML，文字和占位符一个不丢，并列出导入时的判断供核对。"""
    import json

    from reportgen.errors import UsageError
    from reportgen.importer import import_draft
    from reportgen.importer.report import as_json, as_text

    if format not in ("text", "json"):
        raise UsageError.at(f"不支持的格式“{format}”", draft, hint="--format 只能是 text 或 json")
    result = import_draft(draft, kind=kind, output=output, force=force, registry=_registry(kinds))
    if format == "json":
        sys.stdout.write(json.dumps(as_json(result), ensure_ascii=False, indent=2) + "\n")
    else:
        for line in as_text(result):
            _err(line)
    _err(
        f"已生成 {result.output}，类型 {result.kind}。下一步：核对后运行 reportgen render {result.output}"
    )


@app.command("schema", cls=_Command)
def schema_command(
    kind: Annotated[str, typer.Argument(help="报告类型编号", metavar="KIND", show_default=False)],
    kinds: KindsOption = None,
) -> None:
    """把某类报告 YAML 的 JSON Schema 打印到标准输出（供编辑器补全和校验）。"""
    from reportgen import api

    sys.stdout.write(api.schema(_registry(kinds).get(kind)))


@app.command("edit", cls=_Command)
def edit_command(
    file: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Argument(
            help="要填写的 YAML；不存在时按 --kind 新建", metavar="FILE", show_default=False
        ),
    ] = None,
    kind: Annotated[
        Optional[str],  # noqa: UP045
        _option("--kind", help="新建时的报告类型", metavar="KIND"),
    ] = None,
    port: Annotated[int, _option("--port", help="端口，默认自动选择", metavar="N")] = 0,
    no_browser: Annotated[bool, typer.Option("--no-browser", help="不自动打开浏览器")] = False,
    kinds: KindsOption = None,
) -> None:
    """在浏览器中填写、检查、预览报告并生成 Word；只在本机运行，数据不出本机。"""
    from reportgen.edit import serve

    def announce(url: str) -> None:
        typer.echo(f"请在浏览器中打开：{url}", err=True)
        typer.echo(url)
        _err("关闭网页或按 Ctrl-C 即停止。")

    serve(
        file,
        kind=kind,
        port=port,
        open_browser=not no_browser,
        registry=_registry(kinds),
        announce=announce,
    )
    _err("已停止")


@app.command("check", cls=_Command)
def check_command(
    files: Annotated[
        list[Path],
        typer.Argument(help="要核验的 .docx（可多个）", metavar="FILE.docx...", show_default=False),
    ],
    format: Annotated[
        str, typer.Option("--format", help="输出格式：text、json", metavar="FORMAT")
    ] = "text",
    profile: Annotated[
        str,
        typer.Option(
            "--profile", help="版式规范：gbt9704-2012（默认）或版式规范文件的路径", metavar="P"
        ),
    ] = "gbt9704-2012",
) -> None:
    """核验 .docx 是否符合国标公文版式：检查结构，并用 LibreOffice 实际排版后测量。"""
    from reportgen.errors import UsageError

    if format not in ("text", "json"):
        raise UsageError.at(f"没有输出格式“{format}”。", hint="可用：text、json")
    chosen = None if profile == "gbt9704-2012" else Path(profile)
    _run_check(files, format, chosen)


def _run_check(files: list[Path], format: str, profile: Path | None = None) -> None:
    from reportgen.check import check_files, exit_code, format_json, format_text

    results = check_files(files, profile=profile)
    sys.stdout.write(format_json(results) if format == "json" else format_text(results))
    raise typer.Exit(exit_code(results))


@app.command("fonts", cls=_Command)
def fonts_command() -> None:
    """列出本机有哪些官方公文字体，缺少时各用什么代替、怎么办。"""
    from reportgen.check.fonts import font_report, format_report

    sys.stdout.write(format_report(font_report()))


def top_level_help() -> str:
    """The page ``reportgen --help`` prints, as typer lays it out (see :mod:`reportgen.cli.launcher`)."""
    command = typer.main.get_command(app)
    with command.make_context("reportgen", [], resilient_parsing=True) as context:
        return context.get_help() + "\n"


def main() -> None:
    commands.catch_signals()
    try:
        code = app(standalone_mode=False)
    except ReportgenError as exc:
        sys.exit(commands.failed(exc))
    except click_errors.NoArgsIsHelpError as exc:  # plain `reportgen`: the help page
        typer.echo(exc.format_message())
        sys.exit(0)
    except typer.TyperException as exc:  # typer's own usage errors, said again in Chinese
        _err(_usage_message(exc))
        sys.exit(2)
    except typer.Abort:
        sys.exit(commands.failed(KeyboardInterrupt()))
    except Exception as exc:  # a defect of ours: said plainly, the traceback kept for debugging
        sys.exit(commands.failed(exc))
    except KeyboardInterrupt as exc:
        sys.exit(commands.failed(exc))
    sys.exit(code if isinstance(code, int) else 0)


def _usage_message(exc: typer.TyperException) -> str:
    context = exc.ctx if isinstance(exc, click_errors.UsageError) else None
    see = f"用 {context.command_path if context else 'reportgen'} --help 查看用法"
    if isinstance(exc, _UnknownCommand):
        return f"错误：没有命令“{exc.name}”。可用命令：{_COMMANDS}"
    if isinstance(exc, click_errors.NoSuchOption):
        return f"错误：没有选项 {exc.option_name}。{see}"
    if isinstance(exc, click_errors.MissingParameter):
        param = exc.param
        name = str((param.metavar or param.name or "") if param else "").upper()
        return f"错误：缺少参数 {name}。{see}"
    if isinstance(exc, click_errors.BadParameter):
        return f"错误：参数不对（{exc.format_message()}）。{see}"
    return f"用法错误：{exc.format_message()}。{see}"
