"""Each lint rule on what it must flag and what it must leave alone."""

# ruff: noqa: RUF001  (full-width punctuation is the test input)

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.lint import lint_text
from reportgen.lint.rules import RULES
from reportgen.lint.rules.confusable import ConfusableRule


def matches(rule: str, text: str) -> list[str]:
    return [finding.match for finding in lint_text(text, "草稿.txt", select=[rule])]


FLAGGED = [
    ("double-punctuation", "覆盖率达到96%。，同比提高", ["。，"]),
    ("double-punctuation", "推进改造，，完善设施", ["，，"]),
    ("double-punctuation", "任务已经完成。。", ["。。"]),
    ("double-punctuation", "主要包括：，一是", ["：，"]),
    ("heading-sequence", "一、甲\n二、乙\n四、丁", ["四、"]),
    ("heading-sequence", "一、甲\n（一）子\n（一）子", ["（一）"]),
    ("heading-sequence", "一、甲\n（一）子\n二、乙\n（二）子", ["（二）"]),
    ("heading-sequence", "一、甲\n（一）子\n1.孙\n（二）子\n1.孙\n3.孙", ["3."]),
    ("heading-sequence", "一、甲\n（一）子\n二、乙\n1.孙", ["1."]),
    ("heading-sequence", "## 一、甲\n## 三、丙", ["三、"]),
    ("confusable", "这是群众反应最多的事", ["群众反应"]),
    ("confusable", "截止目前已完成", ["截止目前"]),
    ("confusable", "截止2024年底", ["截止"]),
    ("confusable", "截止6月底，全市完成", ["截止"]),
    ("confusable", "截止到10月15日", ["截止"]),
    ("confusable", "其它事项另行通知", ["其它"]),
    ("confusable", "做为一项重点工作", ["做为"]),
    ("confusable", "即要抓学习，又要抓落实", ["即要"]),
    ("confusable", "帮助企业度过难关", ["度过难关"]),
    ("confusable", "统一布署安排", ["布署"]),
    ("duplicate-paragraph", "强化组织保障\n强化组织保障\n正文", ["强化组织保障"]),
    ("duplicate-paragraph", "强化组织保障\n\n　　强化组织保障", ["　　强化组织保障"]),
    ("punctuation-width", "加强领导,压实责任", [","]),
    ("punctuation-width", "主要任务:一是", [":"]),
    ("punctuation-width", "是否完成?请核实", ["?"]),
    ("number-form", "二〇二五年8月", ["二〇二五年8月"]),
    ("number-form", "总投资9～16亿元", ["9～16亿"]),
    ("number-form", "占比15～30%", ["15～30%"]),
    ("number-form", "增长5～10%", ["5～10%"]),
    ("number-form", "26年3月启动", ["26年"]),
    ("number-form", "3月5号召开", ["5号"]),
    ("number-form", "2025年08月05日", ["08", "05"]),
    ("number-form", "２０２５年", ["２０２５"]),
    ("unpaired-punctuation", "按照《关于加强基层治理的意见要求，", ["《"]),
    ("unpaired-punctuation", "他说：“要抓落实。", ["“"]),
    ("unpaired-punctuation", "（二〕做好衔接", ["（", "〕"]),
    ("unpaired-punctuation", "要求）全面推进", ["）"]),
    ("serial-punctuation", "（一）、加强领导", ["（一）、"]),
    ("serial-punctuation", "(一)加强领导", ["(一)"]),
    ("serial-punctuation", "一.加强领导", ["一."]),
    ("serial-punctuation", "1.加强领导\n2、压实责任", ["2、"]),
    ("serial-punctuation", "## (2)完善机制", ["(2)"]),
    ("leader-title", "深入学习习总书记重要讲话", ["习总书记"]),
    ("leader-title", "党中央国务院决策部署", ["党中央国务院"]),
    ("leader-title", "贯彻市委市政府要求", ["市委市政府"]),
    ("doubled-character", "是全区的的重点工作", ["的的"]),
    ("doubled-character", "我们们要抓好", ["们们"]),
    (
        "report-asks-approval",
        "关于2025年工作情况的报告\n一、工作\n妥否，请批示。",
        ["妥否，请批示"],
    ),
    ("relative-time", "今年以来，近日召开", ["今年以来", "近日"]),
    ("cliche", "工作取得了显著成效", ["取得了显著成效"]),
]

CLEAN = [
    ("double-punctuation", "真的完成了吗？！"),
    ("double-punctuation", "真的吗！？"),
    ("double-punctuation", "工作推进中……各项指标稳步提升——群众满意。"),
    ("double-punctuation", "他说：“完成了。”"),
    ("double-punctuation", "see e.g., page 3"),
    ("heading-sequence", "一、甲\n（一）子\n（二）子\n二、乙\n（一）子\n1.孙\n2.孙"),
    ("heading-sequence", "一、甲\n1.5亿元的资金已到位\n二、乙"),
    ("heading-sequence", "一、甲\n二、乙\n附件1\n一、甲"),
    ("heading-sequence", "一是加强领导，二是压实责任，四是强化督导"),
    ("confusable", "群众反应热烈"),
    ("confusable", "群众反映强烈的问题"),
    ("confusable", "截至目前已完成"),
    ("confusable", "申报截止日期为6月30日"),
    ("confusable", "报名于6月30日截止"),
    ("confusable", "采购必需品"),
    ("confusable", "既要抓学习，又要抓落实"),
    ("confusable", "平稳度过春节"),
    ("duplicate-paragraph", "强化组织保障\n强化队伍建设"),
    ("duplicate-paragraph", "强化组织保障\n正文\n强化组织保障"),
    ("duplicate-paragraph", "一\n一"),
    ("duplicate-paragraph", "XXX（具体决定事项）\nXXX（具体决定事项）"),
    ("punctuation-width", "会议时间10:30，地点三楼"),
    ("punctuation-width", "网址https://example.org/a?b=1，请查阅"),
    ("punctuation-width", "总额1,234万元"),
    ("punctuation-width", "发布日期: 2022-01-06"),
    ("number-form", "2025年8月"),
    ("number-form", "二〇二五年八月"),
    ("number-form", "总投资9亿～16亿元"),
    ("number-form", "10～20个"),
    ("number-form", "2021-09-22"),
    ("number-form", "工作26年3个月"),
    ("number-form", "3月5号楼"),
    ("number-form", "10月20日，共100日"),
    ("unpaired-punctuation", "按照《意见》（试行）和“三个一”要求"),
    ("unpaired-punctuation", "“第一段引文，\n“第二段引文。”"),
    ("unpaired-punctuation", "1）加强领导"),
    ("unpaired-punctuation", "“我们要坚持，\n不断推进，\n作出新贡献。”他说"),
    ("serial-punctuation", "1.5亿元已到位"),
    ("serial-punctuation", "（一）加强领导\n一、总体\n1.任务\n（1）细化"),
    ("leader-title", "深入学习总书记重要讲话精神"),
    ("leader-title", "党中央、国务院决策部署"),
    ("doubled-character", "扎扎实实推进，层层压实，谢谢大家，不了了之"),
    ("doubled-character", "二〇〇五年，一一对应"),
    ("doubled-character", "深入学习习近平新时代中国特色社会主义思想"),
    ("report-asks-approval", "关于开展培训的请示\n妥否，请批示。"),
    ("report-asks-approval", "关于2025年工作情况的报告\n特此报告。"),
    ("relative-time", "2025年以来"),
    ("cliche", "完成投资12亿元"),
]


@pytest.mark.parametrize(("rule", "text", "expected"), FLAGGED)
def test_rule_flags(rule: str, text: str, expected: list[str]) -> None:
    assert matches(rule, text) == expected


@pytest.mark.parametrize(("rule", "text"), CLEAN)
def test_rule_leaves_alone(rule: str, text: str) -> None:
    assert matches(rule, text) == []


def test_every_rule_is_covered_both_ways() -> None:
    # placeholder: test_lint_placeholders.py; kind-file reads whole files: test_lint_messages.py
    elsewhere = {"placeholder", "kind-file"}
    assert {rule for rule, *_ in FLAGGED} | elsewhere == set(RULES)
    assert {rule for rule, _ in CLEAN} | elsewhere == set(RULES)


def test_every_rule_documents_itself() -> None:
    for rule in RULES.values():
        assert rule.severity in ("error", "warning", "info")
        assert rule.title and rule.__doc__ and "Example" in rule.__doc__
        assert rule.source_level in ("GB/T 15834", "GB/T 15835", "GB/T 9704", "实务")
    assert RULES["placeholder"].severity == "error"


def test_heading_message_names_the_missing_number() -> None:
    [finding] = lint_text("一、甲\n二、乙\n四、丁", "草稿.txt", select=["heading-sequence"])
    assert "三、" in finding.message and (finding.line, finding.column) == (3, 1)


def test_confusable_list_is_data_with_about_forty_pairs() -> None:
    entries = ConfusableRule().entries
    assert len(entries) >= 40
    assert all(entry.right and entry.note for entry in entries)
    wrongs = [entry.wrong for entry in entries]
    assert len(wrongs) == len(set(wrongs))


def test_confusable_exceptions_are_never_flagged() -> None:
    for entry in ConfusableRule().entries:
        for exception in entry.exceptions:
            assert matches("confusable", f"据悉{exception}。") == [], exception


def test_rules_of_taste_run_only_when_selected() -> None:
    assert [f.rule for f in lint_text("今年以来取得了显著成效", "a.txt")] == []
    assert {rule.id for rule in RULES.values() if not rule.default_on} == {
        "relative-time",
        "cliche",
    }


def test_rendered_reports_lint_clean(tmp_path) -> None:
    """A report reportgen renders from a complete YAML has nothing to report: its odd and even
    page footers both read "— 1 —" and are no duplicate paragraph."""
    from reportgen import api
    from reportgen.lint.runner import LintOptions, run_lint

    examples = Path(__file__).resolve().parent.parent / "examples"
    outputs = []
    for name in ("yixue-cugan", "annual-summary", "progress-brief"):
        out = tmp_path / f"{name}.docx"
        api.render(examples / f"{name}.yaml", out)
        outputs.append(str(out))
    run = run_lint(outputs, LintOptions(format="json"))
    assert run.findings == [] and run.exit_code == 0
