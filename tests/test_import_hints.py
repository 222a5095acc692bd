"""A kind says in its file how import recognises its drafts (``import_hints``, ``words`` of a
part): a bureau's own kind, in the folder its .reportgen.toml names, imports as well as a
built-in one."""

from __future__ import annotations

from pathlib import Path

from reportgen import api
from reportgen.kinds.registry import load_registry

BUREAU_KIND = """\
id: xunhe-qingkuang
name: 河湖巡查情况
summary: 河长办每月报告巡河发现的问题和整改
layout: report
import_hints:
  title_words: [巡河]
  heading_words: [隐患, 整改]
sections:
  mode: fixed
  items:
    - key: patrol
      heading: 巡查基本情况
      words: [巡查, 巡河]
    - key: problems
      heading: 发现的问题
      words: [隐患, 问题]
      subsections: true
    - key: rectify
      heading: 下一步要求
      words: [整改]
"""

DRAFT = """\
县河长办关于三月份巡河工作的情况

县总河长：
三月份，全县各级河长累计开展巡查四百余次。
一、存在的隐患
部分河段岸边堆放建筑垃圾。
二、整改措施
责成属地乡镇十日内清理完毕。

县河长办
2026年4月1日
"""


def _bureau(tmp_path: Path) -> Path:
    (tmp_path / "类型").mkdir()
    (tmp_path / "类型" / "xunhe.yaml").write_text(BUREAU_KIND, "utf-8")
    (tmp_path / ".reportgen.toml").write_text('kinds = ["类型"]\n', "utf-8")
    draft = tmp_path / "巡河.txt"
    draft.write_text(DRAFT, "utf-8")
    return draft


def test_a_bureaus_kind_with_hints_is_proposed_and_its_parts_found_by_their_words(tmp_path):
    draft = _bureau(tmp_path)
    registry = api.load_kinds(folder=tmp_path)
    result = api.import_draft(draft, output=tmp_path / "out.yaml", registry=registry)
    assert result.kind == "xunhe-qingkuang"
    assert "巡河" in result.reason and "整改" in result.reason
    sections = api.load_report(result.output, registry).report.sections
    # two parts in the draft for three in the kind: each goes where its words point
    assert (sections.problems.heading, sections.rectify.heading) == ("存在的隐患", "整改措施")
    assert sections.patrol.heading == "巡查基本情况"  # the kind's own heading: the draft lacks it
    assert any("巡查基本情况" in note for note in result.warnings)


def test_without_its_hints_the_same_kind_is_not_recognised(tmp_path):
    """The hints are what makes the difference: the kind without them is not proposed."""
    draft = _bureau(tmp_path)
    plain = BUREAU_KIND.replace(
        "import_hints:\n  title_words: [巡河]\n  heading_words: [隐患, 整改]\n", ""
    )
    (tmp_path / "类型" / "xunhe.yaml").write_text(plain, "utf-8")
    registry = load_registry([tmp_path / "类型"])
    result = api.import_draft(draft, output=tmp_path / "out.yaml", registry=registry)
    assert result.kind != "xunhe-qingkuang"
