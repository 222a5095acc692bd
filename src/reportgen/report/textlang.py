"""What paragraph text may say in ``{{ }}`` and ``{% %}``: the report language.

Decision (issue 15): loops are not part of the report language. A paragraph may refer to a
figure or field (``{{ 名称 }}``), pass it through a few filters that cannot grow it
(``string``, ``default``/``d``, ``trim``, ``upper``, ``lower``), and show text or not with
``{% if %}``/``{% elif %}``/``{% else %}`` on names, constants, comparisons and ``and``/``or``/
``not``; ``{# 注释 #}`` and ``{% raw %}`` are fine too. Nothing else is: no ``for``, ``macro``,
``set``, ``include``, calls, arithmetic, list literals or attribute access. What is left is
rendered in time and space linear in the paragraph: no template can hang a render or fill the
disk, and no sandbox timer is needed. The check runs on Jinja2's parse tree, without recursion.
"""

from __future__ import annotations

from typing import Any

#: Filters that cannot make a value longer than the text around it.
FILTERS = frozenset({"string", "default", "d", "trim", "upper", "lower"})


class OutsideLanguage(Exception):
    """The text uses something the report language does not have; ``what`` names it."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


_WORDS = {
    "For": "循环（for）",
    "Macro": "宏（macro）",
    "CallBlock": "call 块",
    "Call": "函数调用",
    "Assign": "赋值（set）",
    "AssignBlock": "赋值（set）",
    "Include": "include",
    "Import": "import",
    "FromImport": "import",
    "Extends": "extends",
    "Block": "block",
    "Getattr": "取属性（.）",
    "Getitem": "取下标（[ ]）",
    "List": "列表",
    "Tuple": "元组",
    "Dict": "字典",
    "Concat": "字符串拼接（~）",
    "Filter": "过滤器",
    "Test": "is 判断",
    "With": "with",
    "FilterBlock": "filter 块",
    "Scope": "作用域",
    "ScopedEvalContextModifier": "autoescape",
    "EvalContextModifier": "autoescape",
    "Slice": "切片",
}
_ALLOWED = frozenset(
    {
        "Template",
        "Output",
        "TemplateData",
        "Name",
        "Const",
        "If",
        "Compare",
        "Operand",
        "And",
        "Or",
        "Not",
        "CondExpr",
        "Filter",
        "Keyword",
    }
)


def check(template: Any) -> None:
    """Raise :class:`OutsideLanguage` if the parsed ``template`` uses more than the language."""
    stack = [template]
    while stack:
        node = stack.pop()
        kind = type(node).__name__
        if kind not in _ALLOWED:
            raise OutsideLanguage(_WORDS.get(kind, "运算"))
        if kind == "Filter" and node.name not in FILTERS:
            raise OutsideLanguage(f"过滤器 {node.name}")
        if kind == "Compare" and any(op.op in ("in", "notin") for op in node.ops):
            raise OutsideLanguage("in 判断")
        stack.extend(node.iter_child_nodes())
