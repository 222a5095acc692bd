"""Turning paragraph text into spans: figures filled in, placeholders marked for highlighting.

Paragraphs may refer to figures as ``{{ 名称 }}``. They are rendered by Jinja2 in a sandbox with
strict undefined, so text that happens to contain ``{{ … }}`` can never run code, and an
undeclared name is an error; only the loop-free report language of
:mod:`reportgen.report.textlang` is accepted, so no paragraph can run away. Text without braces never reaches Jinja2, and neither does text
whose only markup is plain ``{{ 名称 }}`` references: for those the substitution is done here,
with the same result and the same error, and the import of Jinja2 (a tenth of a command's
start-up) is saved.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any, NamedTuple

from reportgen.errors import InputError, Problem
from reportgen.gongwen.placeholders import find_placeholders
from reportgen.kinds.figuredata import FigureText
from reportgen.report.document import Span
from reportgen.report.textlang import OutsideLanguage

_TOKEN = re.compile("\ue000(\\d+)\ue001")
_PLAIN_REFERENCE = re.compile(r"\{\{\s*([^\W\d]\w*)\s*\}\}")
_TEMPLATE_MARKS = ("{{", "{%", "{#")


class Unfilled(NamedTuple):
    """A placeholder left in the output, with the YAML line it comes from."""

    line: int | None
    text: str
    figure: str | None = None
    #: The line where the figure is declared, where to fill its value.
    declared_line: int | None = None
    #: A field of the kind's own (联系人 …) rather than a figure.
    is_field: bool = False


class FieldValue:
    """A kind's own field as the text refers to it: its value, or a bracketed note to fill."""

    def __init__(self, name: str, value: object) -> None:
        self.name = name
        self.value = value

    @property
    def filled(self) -> bool:
        return self.value not in (None, "")

    def formatted(self) -> str:
        if not self.filled:
            from reportgen.gongwen.placeholders import todo

            return todo(self.name)
        if hasattr(self.value, "year") and hasattr(self.value, "day"):
            from reportgen.gongwen.dates import chinese_date

            return chinese_date(self.value.year, self.value.month, self.value.day)  # type: ignore[attr-defined]
        return str(self.value)


class _FigureToken:
    """What a figure name resolves to inside the sandbox: a marker, split out afterwards."""

    __slots__ = ("index",)

    def __init__(self, index: int) -> None:
        self.index = index

    def __str__(self) -> str:
        return f"\ue000{self.index}\ue001"


class TextFiller:
    def __init__(
        self,
        figures: Mapping[str, FigureText | FieldValue],
        path: str,
        declared: dict[str, int | None] | None = None,
    ) -> None:
        self.figures = figures
        self.declared = declared or {}
        self.names = list(figures)
        self.path = path
        self.unfilled: list[Unfilled] = []

    def spans(self, text: str, line: int | None) -> tuple[Span, ...]:
        """The spans of one paragraph; ``line`` is its YAML line, for messages."""
        parts = _parts(text)
        if parts is None:  # markup beyond plain references: Jinja2's
            return self._rendered_spans(text, line)
        literals, names = parts
        figures = self.figures
        if not names:
            plain, slots = literals[0]
            if slots:
                self.unfilled.extend(Unfilled(line, slot) for slot in slots)
            return plain
        if any(name not in figures for name in names):
            return self._rendered_spans(text, line)  # Jinja2 says which is undeclared
        spans = list(literals[0][0])
        if literals[0][1]:
            self.unfilled.extend(Unfilled(line, slot) for slot in literals[0][1])
        for name, (after, slots) in zip(names, literals[1:], strict=True):
            spans.append(self._figure_span(name, figures[name], line))
            spans.extend(after)
            if slots:
                self.unfilled.extend(Unfilled(line, slot) for slot in slots)
        return tuple(_merge(spans))

    def _figure_span(self, name: str, figure: FigureText | FieldValue, line: int | None) -> Span:
        shown = figure.formatted()
        # a filled figure may still show a slot: a unit typed in Chinese quotes, “%”
        unfilled = not figure.filled or _shows_slot(shown)
        if unfilled:
            self.unfilled.append(
                Unfilled(line, shown, name, self.declared.get(name), isinstance(figure, FieldValue))
            )
        return Span(shown, placeholder=unfilled)

    def _rendered_spans(self, text: str, line: int | None) -> tuple[Span, ...]:
        """The spans of a paragraph rendered with a token for each figure, then split at them."""
        rendered = self._render(text, line)
        spans: list[Span] = []
        cursor = 0
        for token in _TOKEN.finditer(rendered):
            spans.extend(self._literal(rendered[cursor : token.start()], line))
            name = self.names[int(token.group(1))]
            spans.append(self._figure_span(name, self.figures[name], line))
            cursor = token.end()
        spans.extend(self._literal(rendered[cursor:], line))
        return tuple(_merge(spans))

    def _literal(self, text: str, line: int | None) -> list[Span]:
        spans = _literal_spans(text)
        self.unfilled.extend(Unfilled(line, span.text) for span in spans if span.placeholder)
        return list(spans)

    def _render(self, text: str, line: int | None) -> str:
        context = {name: _FigureToken(i) for i, name in enumerate(self.names)}
        plain = _plain_references(text, context)
        if plain is not None:
            return plain
        from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError
        from jinja2.exceptions import SecurityError

        try:
            return str(_template(text).render(context))
        except UndefinedError as exc:
            name = _undefined_name(str(exc))
            known = "、".join(self.names) or "（尚未声明任何数据）"
            raise InputError(
                Problem(
                    f"引用了未声明的数据“{name}”",
                    self.path,
                    line,
                    hint=f"在 figures 中声明它，或检查名称是否写错。已声明：{known}",
                )
            ) from None
        except (SecurityError, OutsideLanguage) as exc:
            what = f"（这里用了{exc.what}）" if isinstance(exc, OutsideLanguage) else ""
            raise InputError(
                Problem(
                    f"{{{{ }}}} 和 {{% %}} 中只能写数据名称、if 判断和简单的过滤器{what}",
                    self.path,
                    line,
                    hint="报告正文不支持循环、宏和运算；如需写大括号本身，请改用全角“｛｛ ｝｝”",
                )
            ) from None
        except RecursionError:
            raise InputError(
                Problem(
                    "{{ }} 或 {% %} 嵌套过深",
                    self.path,
                    line,
                    hint="请减少 if 或括号的嵌套层数",
                )
            ) from None
        except (TemplateSyntaxError, TemplateError, TypeError, ValueError) as exc:
            raise InputError(
                Problem(
                    f"{{{{ }}}} 的写法有误（{exc}）",
                    self.path,
                    line,
                    hint="引用数据写作 {{ 数据名称 }}；如需写大括号本身，请改用全角“｛｛ ｝｝”",
                )
            ) from None


@lru_cache(maxsize=4096)
def _literal_spans(text: str) -> tuple[Span, ...]:
    """``text`` cut into plain spans and placeholders, once per process for each text: a batch
    renders the same paragraphs (between its figures) for every row."""
    spans, cursor = [], 0
    for match in find_placeholders(text):
        if match.start > cursor:
            spans.append(Span(text[cursor : match.start]))
        spans.append(Span(match.text, placeholder=True))
        cursor = match.end
    if cursor < len(text):
        spans.append(Span(text[cursor:]))
    return tuple(spans)


#: A paragraph's text between its figure references: its spans and the placeholders among them.
_Literal = tuple[tuple[Span, ...], tuple[str, ...]]


@lru_cache(maxsize=4096)
def _parts(text: str) -> tuple[tuple[_Literal, ...], tuple[str, ...]] | None:
    """``text`` as the literal texts around its ``{{ 名称 }}`` references and their names, once
    per process for each text (a batch fills the same paragraphs for every row); None when it
    has other markup (Jinja2's to render) or our own token characters (taken as tokens there)."""
    if not any(mark in text for mark in _TEMPLATE_MARKS):
        return (_literal_parts(text),), ()
    if "\ue000" in text or any(mark in _PLAIN_REFERENCE.sub("", text) for mark in _TEMPLATE_MARKS):
        return None
    literals, names, cursor = [], [], 0
    for match in _PLAIN_REFERENCE.finditer(text):
        literals.append(_literal_parts(text[cursor : match.start()]))
        names.append(match.group(1))
        cursor = match.end()
    literals.append(_literal_parts(text[cursor:]))
    return tuple(literals), tuple(names)


def _literal_parts(text: str) -> _Literal:
    spans = _literal_spans(text)
    return spans, tuple(span.text for span in spans if span.placeholder)


@lru_cache(maxsize=4096)
def _shows_slot(shown: str) -> bool:
    """Whether a figure's text holds a placeholder (its value written with a unit in quotes)."""
    return bool(find_placeholders(shown))


def _plain_references(text: str, context: dict[str, _FigureToken]) -> str | None:
    """``text`` with its ``{{ 名称 }}`` references replaced, when they are its only markup;
    None when anything else would need Jinja2."""
    rest = _PLAIN_REFERENCE.sub("", text)
    if any(mark in rest for mark in _TEMPLATE_MARKS):
        return None
    for match in _PLAIN_REFERENCE.finditer(text):
        if match.group(1) not in context:
            return None  # Jinja2 reports it, in the words every undeclared name gets
    return _PLAIN_REFERENCE.sub(lambda m: str(context[m.group(1)]), text)


@lru_cache(maxsize=4096)
def _template(text: str) -> Any:
    """Each paragraph's template is compiled once per process: a batch renders the same
    paragraphs for every row, and compiling is most of Jinja2's cost."""
    from reportgen.report.textlang import check

    environment = _environment()
    parsed = environment.parse(text)
    check(parsed)
    return environment.from_string(parsed)


@lru_cache(maxsize=1)
def _environment() -> Any:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    return ImmutableSandboxedEnvironment(
        undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True
    )


def _undefined_name(message: str) -> str:
    found = re.search(r"'([^']+)' is undefined", message)
    return found.group(1) if found else message


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        if merged and merged[-1].placeholder == span.placeholder and not span.placeholder:
            merged[-1] = Span(merged[-1].text + span.text)
        elif span.text:
            merged.append(span)
    return merged
