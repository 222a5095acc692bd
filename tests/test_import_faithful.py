"""import keeps what it reads, invents nothing and shows what it guessed: one test for each
way real documents were changed by import before (issue 10)."""

# ruff: noqa: RUF001
# (the tortoise-shell brackets of a 发文字号 are the subject)

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from docx_builders import DocxBuilder, para, run, table
from reportgen import api
from reportgen.docx import read_docx
from reportgen.errors import InputError
from reportgen.importer import import_draft
from reportgen.kinds.registry import load_registry


def imported(tmp_path: Path, text: str, suffix: str = ".txt", **options):
    draft = tmp_path / f"draft{suffix}"
    draft.write_text(text, "utf-8")
    result = import_draft(draft, output=tmp_path / "out.yaml", **options)
    return result, api.load_report(result.output, load_registry()).report


def rendered(result) -> list[str]:
    docx = result.output.with_suffix(".docx")
    api.render(result.output, docx)
    return [p.label + p.text for p in read_docx(docx) if p.location == "正文"]


def cjk(text: str) -> Counter[str]:
    return Counter(re.findall(r"[\u4e00-\u9fff]", text))


def assert_nothing_lost_unlisted(source: str, result) -> None:
    """Every Chinese character of the draft is in the rendered result or a listed dropped line."""
    kept = "".join(rendered(result)) + "".join(d.text for d in result.dropped)
    lost = cjk(source) - cjk(kept)
    assert not lost, "".join(lost.elements())


REPORT = """\
县应急管理局关于2025年安全生产工作情况的报告

县人民政府：
今年以来，我局坚持人民至上、生命至上，全县安全形势总体平稳。
一、2025年工作回顾
（一）“三查一改”全面铺开
共排查企业三百余家，整改隐患一千余处。
（二）应急能力持续提升
组织综合演练十二次。
二、“十五五”开局谋划
1.完善责任体系
压紧压实企业主体责任。
2.强化科技支撑
推广智能监测预警系统。
三、2026年工作安排
继续抓好隐患排查整治。
附件：1.2025年隐患排查统计表
2.2026年重点工作清单
县应急管理局
县消防救援大队
2025年12月20日
"""


def test_headings_that_begin_with_a_year_a_quote_or_a_figure_stay_headings(tmp_path):
    result, report = imported(tmp_path, REPORT)
    assert [s.heading for s in report.sections] == [
        "2025年工作回顾",
        "“十五五”开局谋划",
        "2026年工作安排",
    ]
    assert [s.heading for s in report.sections[0].subsections] == [
        "“三查一改”全面铺开",
        "应急能力持续提升",
    ]
    document = rendered(result)
    for heading in ("一、2025年工作回顾", "二、“十五五”开局谋划", "三、2026年工作安排"):
        assert heading in document


def test_items_numbered_1_right_under_a_section_keep_their_numbers(tmp_path):
    result, report = imported(tmp_path, REPORT)
    second = report.sections[1]
    assert [(s.number, s.heading) for s in second.subsections] == [
        ("1.", "完善责任体系"),
        ("2.", "强化科技支撑"),
    ]
    assert second.subsections[0].paragraphs == ["压紧压实企业主体责任。"]
    document = rendered(result)
    assert "1.完善责任体系" in document and "2.强化科技支撑" in document
    assert not any(line.startswith("（一）完善") for line in document)
    verbatim = [h for h in result.headings if h.kept == "verbatim"]
    assert [h.label for h in verbatim] == ["1.", "2."] and "（一）" in verbatim[0].why


def test_an_attachment_list_is_not_numbered_with_the_body(tmp_path):
    result, report = imported(tmp_path, REPORT)
    # a 报告 has 附件: the 附件说明's names become its attachments, not text of the closing
    assert [a.title for a in report.attachments] == ["2025年隐患排查统计表", "2026年重点工作清单"]
    assert not report.closing
    assert [h.label for h in result.headings if h.kept == "heading"] == [
        "一、", "（一）", "（二）", "二、", "三、"
    ]  # fmt: skip


def test_joint_issuers_are_both_kept(tmp_path):
    _, report = imported(tmp_path, REPORT)
    assert report.issuer == "县应急管理局　县消防救援大队"
    assert report.date == dt.date(2025, 12, 20)


def test_a_draft_that_starts_at_two_keeps_its_numbers(tmp_path):
    text = "关于安全生产的汇报\n\n二、存在的问题\n隐患整改不到位。\n三、下一步打算\n继续排查。\n"
    result, report = imported(tmp_path, text)
    assert [(s.number, s.heading) for s in report.sections] == [
        ("二、", "存在的问题"),
        ("三、", "下一步打算"),
    ]
    document = rendered(result)
    assert "二、存在的问题" in document and "三、下一步打算" in document
    assert not any(line.startswith("一、") for line in document)


def test_part_one_run_into_a_sentence_is_no_heading(tmp_path):
    text = "测试文件\n\n第一部分正文。这里写的是正文内容。\n一、总体要求\n做好工作。\n"
    _, report = imported(tmp_path, text)
    assert report.preamble == ["第一部分正文。这里写的是正文内容。"]
    assert [s.heading for s in report.sections] == ["总体要求"]


# --- nothing invented ---------------------------------------------------------------------------


def test_no_date_in_the_draft_is_left_to_fill_and_highlighted(tmp_path):
    text = "关于安全生产的汇报\n\n今年以来，全县安全形势总体平稳，各项工作有序推进。\n一、主要做法\n狠抓落实。\n"
    result, report = imported(tmp_path, text)
    assert report.date is None
    assert "date:\n" in result.output.read_text("utf-8")
    docx = tmp_path / "out.docx"
    outcome = api.render(result.output, docx)
    assert [(u.figure, u.text) for u in outcome.unfilled] == [
        (None, "【待补：发文机关署名】"),
        ("date", "XXXX年XX月XX日"),
    ]
    with pytest.raises(InputError):
        api.render(result.output, docx, strict=True)
    assert str(dt.date.today().year) + "年" not in "".join(rendered(result))
    assert result.values["date"] is None and result.values["issuer"].startswith("【待补")


def test_dates_in_chinese_numerals_and_dates_to_fill_are_recognised(tmp_path):
    body = "关于安全生产的汇报\n\n今年以来，全县安全形势总体平稳。\n一、主要做法\n狠抓落实。\n县应急管理局\n"
    _, report = imported(tmp_path, body + "二〇〇四年八月十二日\n")
    assert report.date == dt.date(2004, 8, 12) and report.issuer == "县应急管理局"
    result, report = imported(tmp_path, body + "XXXX年XX月XX日\n", force=True)
    assert report.date is None and report.issuer == "县应急管理局"
    assert result.found["date"].text == "XXXX年XX月XX日"
    assert "XXXX年XX月XX日" in rendered(result)


WEB_PAGE = """\
您的位置：首页 > 政务公开 > 工作动态
市住房城乡建设委关于推进老旧小区综合整治
工作情况的通报
发布日期：2024-03-05　来源：北京日报
字号：大 中 小
各区住房城乡建设委：
今年以来，全市老旧小区综合整治工作有序推进，现将有关情况通报如下。
一、总体进展
全年计划开工三百个小区。
【打印本页】【关闭窗口】
"""


def test_web_page_lines_are_dropped_and_listed_and_never_become_issuer_or_recipient(tmp_path):
    result, report = imported(tmp_path, WEB_PAGE)
    assert report.title == "市住房城乡建设委关于推进老旧小区综合整治工作情况的通报"
    assert report.recipient == "各区住房城乡建设委"
    assert report.issuer == "【待补：发文机关署名】"  # 北京日报 only printed it
    assert report.date == dt.date(2024, 3, 5)
    assert result.found["date"].line == 4
    assert [(d.line, d.reason) for d in result.dropped] == [
        (1, "网页栏目信息"), (4, "网页栏目信息"), (5, "网页栏目信息"), (10, "网页栏目信息")
    ]  # fmt: skip
    assert_nothing_lost_unlisted(WEB_PAGE, result)


def test_a_title_over_two_lines_is_one_title_up_to_the_blank_line(tmp_path):
    text = "市人民政府办公室关于印发\n全市安全生产专项整治\n三年行动方案的通知\n\n各区人民政府：\n现将方案印发给你们。\n"
    _, report = imported(tmp_path, text)
    assert report.title == "市人民政府办公室关于印发全市安全生产专项整治三年行动方案的通知"
    assert report.recipient == "各区人民政府"


RED_HEAD = """\
XX市人民政府文件
X政发〔2024〕3号　　签发人：张三
XX市人民政府关于加强安全生产工作的报告

省人民政府：
现将我市安全生产工作情况报告如下。
一、主要工作
狠抓落实。
XX市人民政府
2024年3月1日
"""


def test_red_head_lines_are_recognised_not_taken_for_the_title(tmp_path):
    result, report = imported(tmp_path, RED_HEAD)
    assert report.title == "XX市人民政府关于加强安全生产工作的报告"
    assert {key: found.text for key, found in result.formal.items()} == {
        "issuer_mark": "XX市人民政府文件",
        "doc_number": "X政发〔2024〕3号",
        "signer": "张三",
    }
    # a 报告 takes them into its formal fields (kind baogao, issue 12)
    assert result.kind == "baogao"
    # the mark is the issuer: render adds 文件 again
    assert (report.mark, report.doc_number, report.signers) == (
        "XX市人民政府",
        "X政发〔2024〕3号",
        "张三",
    )
    assert not {d.line for d in result.dropped} & {1, 2}
    assert_nothing_lost_unlisted(RED_HEAD, result)


def test_a_run_of_bare_numbers_is_table_data_not_page_numbers(tmp_path):
    text = "统计情况的报告\n\n全年数据如下。\n一、数据\n季度\n45\n90\n135\n180\n— 2 —\n合计四百五十。\n"
    result, report = imported(tmp_path, text)
    assert report.sections[0].paragraphs[:5] == ["季度", "45", "90", "135", "180"]
    assert [(d.text, d.reason) for d in result.dropped] == [("— 2 —", "页码")]


@pytest.mark.parametrize(
    "head",
    [
        "工作简报\n第12期\n县住建局办公室　　　　2024年5月6日\n",
        "工作简报\n第12期\n县住建局办公室    2024年5月6日\n",
        "工作简报\n第12期\n县住建局办公室\t2024年5月6日\n",
        "工作简报\n第12期\n县住建局办公室\n2024年5月6日\n",
        "工作简报\n第12期　　县住建局办公室　　2024年5月6日\n",
    ],
    ids=["full-width", "spaces", "tab", "lines", "one-line"],
)
def test_brief_masthead_in_the_shapes_clerks_type(tmp_path, head):
    body = (
        "重点项目推进月有序展开\n"
        "城建科：全力推进老旧小区改造。\n完成摸底调查。\n截至目前，开工12个。\n"
        "住房科：加快保障房建设。\n截至目前，竣工300套。\n"
    )
    result, report = imported(tmp_path, head + body)
    assert result.kind == "progress-brief"
    assert (report.brief_name, report.issue_no) == ("工作简报", 12)
    assert (report.editor, report.date) == ("县住建局办公室", dt.date(2024, 5, 6))
    assert report.title == "重点项目推进月有序展开"


def _draft_with_tables(tmp_path: Path) -> Path:
    draft = tmp_path / "draft.docx"
    DocxBuilder().add(
        para(run("关于统计数据的报告")),
        para(run("市统计局：")),
        para(run("现将一季度数据报告如下。")),
        para(run("一、主要数据")),
        table([para(run("季度"))], [para(run("一季度"))]),
        table(
            [para(run("项目")), para(run("数量"))],
            [para(run("1.新建")), para(run("45"))],
            [para(run("2.改建")), para(run("90"))],
        ),
        para(run("二、下一步打算")),
        para(run("继续做好统计。")),
    ).save(draft)
    return draft


def test_a_word_table_becomes_a_table_of_a_formal_kind(tmp_path):
    """A 报告 renders tables in its 附件: the body's tables go there, each said where it stood."""
    result = import_draft(_draft_with_tables(tmp_path), output=tmp_path / "out.yaml")
    report = api.load_report(result.output, load_registry()).report
    assert result.kind == "baogao"
    assert [s.heading for s in report.sections] == ["主要数据", "下一步打算"]
    assert report.sections[0].paragraphs == []
    assert [a.table for a in report.attachments] == [
        [["季度"], ["一季度"]],
        [["项目", "数量"], ["1.新建", "45"], ["2.改建", "90"]],
    ]
    assert all(a.title.startswith("【待补") for a in report.attachments)
    assert any("“一、主要数据”中的表格2（3 行）移作附件2" in note for note in result.warnings)


def test_a_kind_without_tables_keeps_the_rows_where_they_stood_and_says_so(tmp_path):
    draft = _draft_with_tables(tmp_path)
    result = import_draft(draft, output=tmp_path / "out.yaml", kind="annual-summary")
    report = api.load_report(result.output, load_registry()).report
    assert report.sections[0].paragraphs == [
        "季度",
        "一季度",
        "项目｜数量",
        "1.新建｜45",
        "2.改建｜90",
    ]
    assert any(
        "表格2（3 行）在“一、主要数据”中按行导入为段落" in note and "不能排表格" in note
        for note in result.warnings
    )


# --- guesses shown -----------------------------------------------------------------------------


def test_a_notice_says_no_kind_fits_and_names_the_nearest(tmp_path):
    # 通知 has a kind of its own now (tongzhi); 意见 still has none.
    text = "关于做好春节期间安全生产工作的意见\n\n各科室：\n请做好值班安排。\n一、加强值守\n落实领导带班。\n"
    result, _ = imported(tmp_path, text)
    assert not result.fits
    assert "意见" in result.reason and "最接近" in result.reason
    forced, _ = imported(tmp_path, text, kind="annual-summary", force=True)
    assert forced.kind == "annual-summary" and forced.chosen_by == "option" and forced.fits


def test_json_report_gives_kind_values_headings_and_dropped(cli, tmp_path):
    draft = tmp_path / "web.txt"
    draft.write_text(WEB_PAGE, "utf-8")
    shown = json.loads(cli("import", draft, "--format", "json").stdout)
    assert shown["kind"]["id"] == "annual-summary" and shown["kind"]["fits"] is False
    assert shown["kind"]["runner_up"] is None or shown["kind"]["runner_up"]["id"]
    assert shown["values"]["title"]["line"] == 2
    assert shown["values"]["date"] == {
        "value": "2024-03-05",
        "written": "2024-03-05",
        "line": 4,
        "how": "网页的“发布日期”",
        "source_text": "2024-03-05",
    }
    assert shown["values"]["issuer"]["value"] is None
    assert shown["headings"] == [
        {"label": "一、", "text": "总体进展", "level": 1, "line": 8, "kept": "heading", "why": ""}
    ]
    assert [d["line"] for d in shown["dropped"]] == [1, 4, 5, 10]


def test_text_report_lists_the_guesses(cli, tmp_path):
    draft = tmp_path / "web.txt"
    draft.write_text(WEB_PAGE, "utf-8")
    shown = cli("import", draft).stderr
    assert "没有相符的类型" in shown and "通报" in shown
    assert "发文机关署名：未找到" in shown
    assert "第 4 行" in shown and "未导入的行：4 行" in shown


def test_markdown_numbered_lines_tables_and_bold_labels_stay_as_written(tmp_path):
    text = (
        "会议记录的格式\n**一、标题**\n一般为会议名称加会议记录。\n**二、基本信息**\n"
        "1. 会议时间\n2. 会议地点\n\n模块 | 要素 |\n---|---|\n年度业绩 | 40% |\n"
    )
    result, report = imported(tmp_path, text, ".md")
    assert [s.heading for s in report.sections] == ["标题", "基本信息"]
    items = report.sections[1].subsections  # 1. right under 二、: its own number, with its space
    assert [(s.number, s.heading) for s in items] == [("1. ", "会议时间"), ("2. ", "会议地点")]
    assert items[1].paragraphs == ["模块｜要素", "年度业绩｜40%"]
    assert "1. 会议时间" in rendered(result)
    assert [(d.text, d.reason) for d in result.dropped] == [("---|---|", "Markdown 表格的分隔行")]


def test_a_web_pages_buttons_and_information_table_are_dropped(tmp_path):
    text = (
        "下载\n打印\n【字号：\n加大\n还原\n】\n- 索引号:dqxs/2021-00016\n- 发文字号:阿行发〔2021〕42号\n"
        "- 发布日期:2021-12-22 17:45\n关于印发工作规则的通知\n发布时间:2021-12-22 17:45 浏览次数:\n"
        "各县人民政府：\n现将规则印发给你们，请认真贯彻执行。\n"
    )
    result, report = imported(tmp_path, text)
    assert report.title == "关于印发工作规则的通知"
    assert report.recipient == "各县人民政府"
    assert result.formal["doc_number"].text == "阿行发〔2021〕42号"
    assert [d.line for d in result.dropped] == [*range(1, 10), 11]
    assert_nothing_lost_unlisted(text, result)


QINGSHI_WITHOUT_ENDING = """\
县教育局关于增设城东学校校车线路的请示

县人民政府：
城东片区今年新增学生四百余人，现有线路不能满足接送需要。
一、增设线路的理由
城东片区距学校较远，家长接送困难。
二、需要的经费
购车和运营经费由县财政保障。
以上意见当否，请审核。

县教育局
2026年3月2日
"""


def test_a_kind_the_draft_does_not_validate_for_is_passed_over_not_failed(tmp_path):
    """The title says 请示 but the draft does not end as a 请示 must: import takes the next
    kind instead of failing, and says why (corpus 021)."""
    result, _report = imported(tmp_path, QINGSHI_WITHOUT_ENDING)
    assert result.kind != "qingshi"
    assert result.runner_up is not None and result.runner_up[0] == "qingshi"
    assert "请示" in result.reason and "未通过校验" in result.reason
    assert_nothing_lost_unlisted(QINGSHI_WITHOUT_ENDING, result)


def test_a_kind_chosen_with_the_option_gets_a_to_do_for_what_the_draft_lacks(tmp_path):
    result, report = imported(tmp_path, QINGSHI_WITHOUT_ENDING, kind="qingshi")
    assert result.kind == "qingshi"
    assert report.closing[-1] == "【待补：结尾语，如“妥否，请批示。”】"
    assert "以上意见当否，请审核。" in report.closing
    assert any("结尾语" in note for note in result.warnings)
    assert any("结尾语" in line for line in rendered(result))
