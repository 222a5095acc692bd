"""The placeholder detector: every shape it must find and every trap it must leave alone."""

# ruff: noqa: RUF001  (full-width brackets and signs are the test input)

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.gongwen.placeholders import find_placeholders

SEEDS = Path(__file__).parent.parent / "seeds"


def texts(text: str, *, markdown: bool = False) -> list[str]:
    return [match.text for match in find_placeholders(text, markdown=markdown)]


def test_city_bureau_draft_has_exactly_its_17_placeholders() -> None:
    text = (SEEDS / "002_b642ac03053a293c.txt").read_text(encoding="utf-8")
    found = find_placeholders(text)
    assert [match.text for match in found] == [
        "*", "*", "**", "**", "*.**", "*.**", "*.**", "**.*", "**.*", "**.*",
        "*", "*", "*", "*", "*", "*", "**.*",
    ]  # fmt: skip
    assert all(text[m.start : m.end] == m.text for m in found)
    # what follows each placeholder: the figure's unit or the word it stands in
    assert [text[m.end] for m in found] == list("种美比的万万万%%%美日项项项个%")


@pytest.mark.parametrize(
    "seed", ["000_88ed6df5af2e25b9.txt", "001_e5671cd2ee671710.txt",
             "003_4b97e6da7dc389ce.txt", "004_30d09172ea2938eb.txt"],
)  # fmt: skip
def test_other_seeds_have_no_placeholders(seed: str) -> None:
    text = (SEEDS / seed).read_text(encoding="utf-8")
    assert find_placeholders(text) == []
    assert find_placeholders(text, markdown=True) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("共完成*项改造", ["*"]),
        ("覆盖率达**.*%", ["**.*"]),
        ("新增泊位*.**万个", ["*.**"]),
        ("投入资金*,***万元", ["*,***"]),
        ("累计＊＊人次", ["＊＊"]),
        ("分别为**.*%、**.*%、**.*%。", ["**.*", "**.*", "**.*"]),
        ("新建XX个驿站", ["XX"]),
        ("于X月X日召开", ["X月X日"]),  # a date is one slot
        ("于x月x日召开", ["x月x日"]),
        ("XXXX年XX月XX日", ["XXXX年XX月XX日"]),
        ("××××年××月××日印发", ["××××年××月××日"]),
        ("XX主题教育领导小组办公室", ["XX"]),
        ("XX领导小组", ["XX"]),
        ("做好XXX工作", ["XXX"]),
        ("主持人：XXX", ["XXX"]),
        ("参加人员：XXX、XXX", ["XXX", "XXX"]),
        ("服务X,XXX人次", ["X,XXX"]),
        ("X政办发〔20XX〕X号", ["XX", "X"]),
        ("〔20XX〕号", ["〔20XX〕号"]),
        ("X政办发〔2020〕号", ["〔2020〕号"]),
        ("第  号", ["第  号"]),
        ("〔　〕", ["〔　〕"]),
        ("        年  月  日", ["年  月  日"]),
        ("（单位名称）：", ["（单位名称）"]),
        ("关于（具体内容）的请示", ["（具体内容）"]),
        ("(会议名称)筹备情况", ["(会议名称)"]),
        ("[此处输入标题]", ["[此处输入标题]"]),
        ("【请填写主送机关】", ["【请填写主送机关】"]),
        (
            "【待补：" + "写清楚本单位开展主题教育的主要做法，" * 4 + "】",
            ["【待补：" + "写清楚本单位开展主题教育的主要做法，" * 4 + "】"],
        ),
        ("□□□：", ["□□□"]),
        ("○○县人民政府", ["○○"]),
        ("共开展｛｛ 解决问题 ｝｝次", ["｛｛ 解决问题 ｝｝"]),
        ("共开展{ 解决问题 }次", ["{ 解决问题 }"]),
        ("满意率96.8“%”", ["“%”"]),
        (
            "（说明本阶段主要工作的完成情况，包括具体数字、成效等）",
            ["（说明本阶段主要工作的完成情况，包括具体数字、成效等）"],
        ),
        ("（客观反映工作中存在的问题和短板）", ["（客观反映工作中存在的问题和短板）"]),
        ("（通知内容第一条）", ["（通知内容第一条）"]),
        ("（其他需要说明的事项）", ["（其他需要说明的事项）"]),
        ("请函（目的/原因）", ["（目的/原因）"]),
        ("特此函告（或：商洽）", ["（或：商洽）"]),
        ("致[收件人称呼]：", ["[收件人称呼]"]),
        ("设备更新(可詳細介紹該項目的背景)。", ["(可詳細介紹該項目的背景)"]),
        ("一、事项背景 (简要说明事项的背...", ["(简要说明事项的背"]),
        ("二○一二年月日", ["二○一二年月日"]),
        ("Xxxx,xxxx,xx,xx", ["Xxxx,xxxx,xx,xx"]),
        ("(注:此处需加盖学校公章)", ["(注:此处需加盖学校公章)"]),
        ("（具体的请示内容，要求明确、具体）", ["（具体的请示内容，要求明确、具体）"]),
        ("【发文机关】", ["【发文机关】"]),
        ("前言\n（会议讨论的主要事项及结论）\n", ["（会议讨论的主要事项及结论）"]),
        ("(项目编码:20xx-320404-48)", ["xx"]),
        ("××市人民政府", ["××"]),
        ("第X期简报", ["X"]),
        ("20XX年工作要点", ["XX"]),
        ("完成率X.X%", ["X.X"]),
        ("共___项", ["___"]),
        ("联系人：＿＿＿＿", ["＿＿＿＿"]),
        ("收入增长【待补】", ["【待补】"]),
        ("投资额【数据待核】亿元", ["【数据待核】"]),
        ("开工日期[待定]", ["[待定]"]),
        ("参与单位（待补充）", ["（待补充）"]),
        ("局长{{ 名称 }}出席", ["{{ 名称 }}"]),
        ("{% if 有数据 %}共计若干{% endif %}", ["{% if 有数据 %}", "{% endif %}"]),
        ("要说明是**谁来**负责", ["**", "**"]),
        ("共**项，增长**%", ["**", "**"]),
    ],
)
def test_shapes_are_found(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "**重点工作**",
        "：**重点工作**，",
        "* 条目一",
        "  * 下级条目",
        "******",
        "* * *",
        "3×3的方阵",
        "2×10万元",
        "3*4=12",
        "开展X光检查",
        "X射线探伤",
        "PM2.5浓度下降",
        "5A级景区",
        "二〇二五年",
        "Windows XP系统",
        "新款iPhone X",
        "调用__init__方法",
        "目标为_blank的链接",
        "提高离休干部医疗待遇（待遇标准另发）",
        "改造垃圾投放点（站）",
        "……",
        "X型路口",
        "实施“数据要素×”三年行动",
        "数据要素×市场化配置",
        "增长率=（本期-上期）/上期×100%",
        "身份证号末位为415X",
        "构建“1+N+X”政策体系",
        "3×3米",
        "2019年3月5日",
        "（以下简称“中心”）",
        "请于6月30日前报送（联系电话见附件）",
        "□是 □否",
        "二○二五年",
        "2025年 3月",
        "集合{1,2,3}",
        '{"a": 1}',
        "{变量，说明}",
        "（说明：以上数据为初步统计）",
        "关于印发《办法》的通知（草案）",
        "（此件公开发布）",
        "设立基金会(以下简称基金会)",
        "引用文献[1]和[2]",
        "按日期格式 年月日 书写",
        "[打印本页] [关闭窗口]",
        "10时（北京时间）起",
        "正文\n（本文有删减）\n",
        "标题\n（草案）\n",
        "标题\n（2026年1月15日在第十四届人民代表大会上）\n",
        "【政府工作简报格式】",
    ],
)
def test_traps_are_not_placeholders(text: str) -> None:
    assert texts(text) == []


def test_markdown_reads_emphasis_inside_running_text() -> None:
    assert texts("要把**安全生产**放在首位", markdown=True) == []
    assert texts("要把**安全生产**放在首位") == ["**", "**"]  # plain text has no emphasis


def test_markdown_figure_position_wins_over_emphasis() -> None:
    assert texts("全年共**项，增长**%", markdown=True) == ["**", "**"]
    assert texts("覆盖率达**.*%", markdown=True) == ["**.*"]
    assert texts("共*项，涉及*人", markdown=True) == ["*", "*"]


def test_markdown_escapes_and_code_are_not_placeholders() -> None:
    assert texts(r"请在\*处签字", markdown=True) == []
    assert texts(r"请在\*处签字") == ["*"]
    assert texts("命令 `ls *.txt` 列出文件", markdown=True) == []


def test_offsets_count_characters() -> None:
    [match] = find_placeholders("全市新增泊位*.**万个")
    assert (match.start, match.end, match.kind) == (6, 10, "star")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("**第*期**", ["*"]),  # the stars of bold are markup, the inner one a slot
        ("*注：本表数据截至2025年底，下同。*", []),
        ("* 条目一\n* 条目二", []),
        ("- 服务X,XXX人次", ["X,XXX"]),
        ("__重点__，任务", []),
    ],
)
def test_markdown_emphasis_and_bullets(text: str, expected: list[str]) -> None:
    assert texts(text, markdown=True) == expected


def test_long_lines_are_scanned_in_linear_time() -> None:
    """No catastrophic back-tracking: each hostile line must finish (not a timing test; a
    quadratic pattern would take minutes here)."""
    for unit in ("【待补", "{{", "（", "*", "X", "〔", "_a", "□", "第 ", "年 "):
        found = find_placeholders(unit * 50_000, markdown=True)
        assert isinstance(found, list)


# -- a long text is read a window of whole lines at a time ------------------------------------

FIXTURES = Path(__file__).parent / "fixtures" / "lint"
_SLOT_CHARACTERS = (
    "*＊.．%XxＸ×_＿□○【】[]［］（）()〔〕{}｛｝“”年月日号共第个万 \u3000\n\t0123456789单位名称ab\\"
)


def _windowed(text: str, window: int) -> list[tuple[int, int, str, str]]:
    from reportgen.gongwen.placeholders import iter_placeholders

    return [tuple(m) for m in iter_placeholders(text, window=window)]  # type: ignore[misc]


@pytest.mark.parametrize("name", ["shapes.txt", "slot-traps.txt", "slots.txt"])
def test_windows_of_lines_find_what_the_whole_text_does(name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    whole = [tuple(m) for m in find_placeholders(text)]
    assert len(whole) > 10 or name == "slot-traps.txt"  # the traps hold none
    for window in (1, 2, 7, 40, 300):
        assert _windowed(text, window) == whole, window


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(_SLOT_CHARACTERS), max_size=120), st.integers(1, 30))
def test_any_text_is_found_alike_in_windows(text: str, window: int) -> None:
    whole = [tuple(m) for m in find_placeholders(text)]
    assert _windowed(text, window) == whole
