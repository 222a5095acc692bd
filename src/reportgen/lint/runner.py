"""``reportgen lint``: check files with the selected rules and format what was found."""

from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from reportgen.errors import Problem, ReportgenError, UsageError
from reportgen.lint.config import LintConfig, config_for, forget_configs
from reportgen.lint.findings import SEVERITIES, SEVERITY_RANK, Finding
from reportgen.lint.readers import collect_files, read_source
from reportgen.lint.rules import DEFAULT_RULES, RULES, Rule
from reportgen.lint.rules.base import Hit
from reportgen.lint.source import Source, line_anchors

FORMATS = ("text", "json", "sarif", "github")
_EXCERPT = 120


class LintOptions(NamedTuple):
    format: str = "text"
    select: list[str] | None = None
    ignore: list[str] | None = None
    fail_on: str | None = None
    annotate: Path | None = None
    color: bool = False
    fix: bool = False
    output: Path | None = None  # where --fix writes the fixed copy


class LintRun(NamedTuple):
    findings: list[Finding]
    problems: list[Problem]  # files that could not be read
    exit_code: int
    output: str  # the formatted findings, for stdout
    notes: list[str]  # for stderr: findings counted, not listed


def run_lint(paths: list[str], options: LintOptions) -> LintRun:
    """Check ``paths`` (files and folders) and return the findings, formatted, and the exit code.

    Raises :class:`UsageError` for a wrong call (unknown rule or format, bad --annotate, a
    broken configuration file). A file that cannot be read does not stop the others: it is a
    problem in the result and makes the exit code 2.
    """
    _check_options(options)
    forget_configs()
    if options.fix:
        return _run_fix(paths, options)
    files, problems = collect_files(paths)
    if options.annotate is not None:
        _check_annotate(files, problems, options.annotate)
    findings: list[Finding] = []
    excerpts: dict[Finding, tuple[str, int]] = {}
    failing = False
    checked = 0
    omitted: list[str] = []
    for path, shown in files:
        settings = _settings(path, options)
        try:
            source = read_source(path, shown)
        except ReportgenError as error:
            problems.extend(error.problems)
            continue
        checked += 1
        rules = [RULES[rule_id] for rule_id in settings.select or DEFAULT_RULES if rule_id in RULES]
        rules = [rule for rule in rules if rule.id not in settings.ignore]
        if source.kind_problems is not None:
            rules = [rule for rule in rules if rule.id == "kind-file"]
        threshold = SEVERITY_RANK[settings.fail_on or "error"]
        listed, count, severities, hit = _check_within_limits(source, rules)
        del source  # a long document's text is not needed while the output is formatted
        failing = failing or any(SEVERITY_RANK[s] >= threshold for s in severities)
        note = _omitted_note(shown, count - len(listed), hit)
        if note:
            omitted.append(note)
        for finding, excerpt in listed:
            findings.append(finding)
            excerpts[finding] = excerpt
    if options.annotate is not None and not problems:
        _annotate(files[0][0], options.annotate, findings)
    summary = _summary(findings, checked, problems)
    exit_code = 2 if problems else 1 if failing else 0
    output = _format(findings, summary, excerpts, options)
    return LintRun(findings, problems, exit_code, output, omitted)


def _key(line: int, column: int, rule: int, order: int) -> int:
    """A finding's place in the order findings are listed (line, column, rule's rank among
    the rule ids, order found) as one integer: a draft of 300,000 placeholders holds 300,000
    of these, not as many tuples."""
    return (((line << 32 | column) << 16 | rule) << 32) | order


_ORDER = 0xFFFFFFFF  # the order found, in a key's last 32 bits


def _within_limits(keys: list[int]) -> tuple[set[int], set[str]]:
    """Which findings (by order found) one file lists within ``findings_per_line`` and
    ``findings_per_file``, and the names of the limits that left some out."""
    from reportgen.limits import current

    limits = current()
    per_line: Counter[int] = Counter()
    listed: set[int] = set()
    hit: set[str] = set()
    keys.sort()
    for key in keys:
        line, order = key >> 80, key & _ORDER
        if per_line[line] >= limits.findings_per_line:
            hit.add("findings_per_line")
        elif len(listed) >= limits.findings_per_file:
            hit.add("findings_per_file")
        else:
            per_line[line] += 1
            listed.add(order)
    return listed, hit


def _omitted_note(shown: str, omitted: int, hit: set[str]) -> str | None:
    """The note that counts the findings not listed (they are never dropped silently)."""
    from reportgen.limits import WHAT, current

    if not hit:
        return None
    limits = current()
    names = "、".join(
        f"{WHAT[name]}上限 {getattr(limits, name):,}（{name}）" for name in sorted(hit)
    )
    return (
        f"{shown}: 另有 {omitted:,} 处问题未逐一列出（超过{names}）"
        "。提示：先改正已列出的问题；如需全部列出，可在 .reportgen.toml 的 [limits] 中调高"
    )


def _check_within_limits(
    source: Source, rules: list[Rule]
) -> tuple[list[tuple[Finding, tuple[str, int]]], int, set[str], set[str]]:
    """:func:`check_source` within the limits, bounded while it runs: the findings listed (in
    order), how many were found, their severities and the limits hit. Each finding's place is
    kept as a key, and only the ``findings_per_file`` first in listing order are built, so a
    draft of 100,000 placeholders is never held as findings. Those are the ones listed unless a
    line's own limit (``findings_per_line``) left some of them out; then the rules run a second
    time to build the ones listed in their place."""
    import heapq

    from reportgen.limits import current

    per_file = current().findings_per_file
    first: list[tuple[int, tuple[Finding, tuple[str, int]]]] = []  # (-key, finding): a max-heap
    keys: list[int] = []
    severities: set[str] = set()
    builder = _FindingBuilder(source)
    rank = {rule_id: index for index, rule_id in enumerate(sorted(r.id for r in rules))}
    for order, (rule, hit) in enumerate(_hits(source, rules)):
        severities.add(rule.severity)
        key = _key(*source.line_column(hit.start), rank[rule.id], order)
        keys.append(key)
        if len(first) < per_file:
            heapq.heappush(first, (-key, builder.build(rule, hit)))
        elif key < -first[0][0]:
            heapq.heapreplace(first, (-key, builder.build(rule, hit)))
    listed, limits_hit = _within_limits(keys)
    if len(first) == len(listed) and all((-key & _ORDER) in listed for key, _ in first):
        built = [pair for _, pair in first]
    else:
        hits = enumerate(_hits(source, rules))
        built = [builder.build(rule, hit) for order, (rule, hit) in hits if order in listed]
    built.sort(key=lambda pair: (pair[0].line, pair[0].column, pair[0].rule))  # ties: as found
    return built, len(keys), severities, limits_hit


def _run_fix(paths: list[str], options: LintOptions) -> LintRun:
    """``--fix -o OUT``: write the fixed copy, list the changes; the exit code is what lint
    gives on the copy (what is left needs judgement)."""
    from reportgen.lint.fix import check_fix_call, fix_file, format_changes

    source = check_fix_call(paths, options.output)
    assert options.output is not None
    settings = _settings(source, options)
    select = settings.select
    if select is not None or settings.ignore:
        chosen = select or DEFAULT_RULES
        select = tuple(rule for rule in chosen if rule not in settings.ignore)
    changes = fix_file(source, paths[0], options.output, select)
    after = run_lint([str(options.output)], options._replace(fix=False, format="json"))
    output = format_changes(changes, options.output, len(after.findings))
    return LintRun(after.findings, after.problems, after.exit_code, output, [])


def check_source(source: Source, rules: Iterable[Rule]) -> list[tuple[Finding, tuple[str, int]]]:
    """Run ``rules`` over one source; each finding comes with its text line and offset in it."""
    builder = _FindingBuilder(source)
    results = [builder.build(rule, hit) for rule, hit in _hits(source, rules)]
    results.sort(key=lambda pair: (pair[0].line, pair[0].column, pair[0].rule))
    return results


def _hits(source: Source, rules: Iterable[Rule]) -> Iterator[tuple[Rule, Hit]]:
    for rule in rules:
        for hit in rule.check(source):
            yield rule, hit


class _FindingBuilder:
    """Findings of one source, each with its text line and its offset in that line."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.lines: dict[tuple[int, int], str] = {}  # one copy of a line however many findings

    def build(self, rule: Rule, hit: Hit) -> tuple[Finding, tuple[str, int]]:
        source, text = self.source, self.source.text
        start = source.place(hit.start)
        last = source.place(max(hit.start, hit.end - 1))
        # The excerpt is the line around the hit, at most _EXCERPT characters either side:
        # a line of 40,000 placeholders must not be searched or copied once per finding.
        window = max(0, hit.start - _EXCERPT)
        line_start = text.rfind("\n", window, hit.start) + 1 or window
        line_end = text.find("\n", hit.start, hit.end + _EXCERPT)
        line_stop = line_end if line_end >= 0 else hit.end + _EXCERPT
        line_text = self.lines.get((line_start, line_stop))
        if line_text is None:
            line_text = self.lines[line_start, line_stop] = text[line_start:line_stop]
        finding = Finding(
            path=source.path,
            line=start.line,
            column=start.column,
            end_line=last.line,
            end_column=last.column + (1 if hit.end > hit.start else 0),
            rule=rule.id,
            severity=rule.severity,
            match=text[hit.start : hit.end],
            message=hit.message,
            location=start.location,
            context=start.context,
        )
        return finding, (line_text, hit.start - line_start)


def lint_text(
    text: str,
    path: str,
    *,
    line: int = 1,
    column: int = 1,
    select: Iterable[str] | None = None,
) -> list[Finding]:
    """Check one plain string that starts at ``line``:``column`` of ``path`` (for render).

    Further lines of ``text`` start at column 1 of the following lines. ``select`` limits the
    rules (default: all).
    """
    source = Source(path)
    source.add_unit(text, line_anchors(text, line, column))
    rules = [RULES[rule_id] for rule_id in (select or DEFAULT_RULES)]
    return [finding for finding, _ in check_source(source.finish(), rules)]


class _Settings(NamedTuple):
    select: tuple[str, ...] | None
    ignore: tuple[str, ...]
    fail_on: str | None


def _settings(path: Path, options: LintOptions) -> _Settings:
    config = config_for(path)
    _check_rule_ids(config.select or (), "select", config)
    _check_rule_ids(config.ignore, "ignore", config)
    select = tuple(options.select) if options.select is not None else config.select
    ignore = tuple(options.ignore) if options.ignore is not None else config.ignore
    return _Settings(select, ignore, options.fail_on or config.fail_on)


def _check_options(options: LintOptions) -> None:
    if options.format not in FORMATS:
        raise UsageError.at(f"未知的输出格式“{options.format}”", hint=f"可选：{'、'.join(FORMATS)}")
    if options.fail_on is not None and options.fail_on not in SEVERITIES:
        raise UsageError.at(
            f"--fail-on 的取值“{options.fail_on}”无效", hint="可选：error、warning、info"
        )
    _check_rule_ids(options.select or (), "--select", None)
    _check_rule_ids(options.ignore or (), "--ignore", None)


def _check_rule_ids(rule_ids: Iterable[str], option: str, config: LintConfig | None) -> None:
    unknown = [rule_id for rule_id in rule_ids if rule_id not in RULES]
    if unknown:
        where = config.origin if config is not None else None
        raise UsageError.at(
            f"{option} 中有未知的规则：{'、'.join(unknown)}",
            where,
            hint=f"可用的规则：{'、'.join(RULES)}",
        )


def _check_annotate(files: list[tuple[Path, str]], problems: list[Problem], out: Path) -> None:
    if problems or len(files) != 1 or files[0][0].suffix.lower() != ".docx":
        raise UsageError.at(
            "--annotate 只能用于检查单个 .docx 文件",
            hint="请只给出一个 .docx 文件，例如：reportgen lint 草稿.docx --annotate 批注.docx",
        )
    if out.suffix.lower() != ".docx":
        raise UsageError.at("--annotate 的输出文件应以 .docx 结尾", str(out))
    if out.exists():
        raise UsageError.at(
            "--annotate 的输出文件已存在，未覆盖", str(out), hint="请换一个文件名，或先删除该文件"
        )
    if out.resolve() == files[0][0].resolve():
        raise UsageError.at("--annotate 的输出文件不能是被检查的文件本身", str(out))


def _annotate(source: Path, out: Path, findings: list[Finding]) -> None:
    from reportgen.docx import Mark, annotate_docx

    marks = [
        Mark(
            paragraph=finding.line,
            start=finding.column - 1,
            end=finding.end_column - 1 if finding.end_line == finding.line else finding.column,
            message=finding.message,
            rule=finding.rule,
        )
        for finding in findings
    ]
    annotate_docx(source, out, marks)


def _summary(findings: list[Finding], checked: int, problems: list[Problem]) -> dict[str, object]:
    severities = Counter(finding.severity for finding in findings)
    rules = Counter(finding.rule for finding in findings)
    return {
        "files": checked,
        "unreadable": len({problem.path for problem in problems}),
        "unreadable_files": sorted({problem.path or "" for problem in problems}),
        "findings": len(findings),
        "by_severity": {name: severities.get(name, 0) for name in SEVERITIES},
        "by_rule": dict(sorted(rules.items())),
    }


def _format(
    findings: list[Finding],
    summary: dict[str, object],
    excerpts: dict[Finding, tuple[str, int]],
    options: LintOptions,
) -> str:
    if options.format == "json":
        from reportgen.lint.format_json import format_json

        return format_json(findings, summary)
    if options.format == "sarif":
        from reportgen.lint.format_sarif import format_sarif

        return format_sarif(findings)
    if options.format == "github":
        from reportgen.lint.format_github import format_github

        return format_github(findings)
    from reportgen.lint.format_text import format_text

    return format_text(findings, summary, excerpts, color=options.color)
