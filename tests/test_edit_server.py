"""The edit page's server: who may talk to it, which files it may touch, and what it writes.

Requests go through Starlette's test client to the real app (guard included) with the Host a
browser on this machine sends; the YAML written and the .docx rendered are compared with what
the file held before and with what the ``reportgen render`` command writes.
"""

from __future__ import annotations

import difflib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, in_ci
from reportgen import api
from reportgen.edit import yamldoc
from reportgen.edit.server import Session, create_app

PORT = 43210
ORIGIN = f"http://127.0.0.1:{PORT}"
TOKEN = "test-token-0123456789"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    work = tmp_path / "办公室 文件"
    work.mkdir()
    api.new_scaffold("yixue-cugan", work / "汇报 草稿.yaml")
    return work


@pytest.fixture
def client(folder: Path):
    from starlette.testclient import TestClient

    session = Session(folder.resolve(), TOKEN, PORT, api.load_kinds())
    with TestClient(create_app(session), base_url=ORIGIN) as test_client:
        yield test_client


def post(client, name: str, body: dict, **headers: str):
    return client.post(f"/{TOKEN}/api/{name}", json=body, headers={"Origin": ORIGIN, **headers})


def opened(client, name: str = "汇报 草稿.yaml") -> dict:
    answer = post(client, "open", {"file": name})
    assert answer.status_code == 200, answer.text
    return answer.json()


# -- who may talk to it ---------------------------------------------------------------------


def test_the_page_and_its_assets_are_served_under_the_token(client) -> None:
    page = client.get(f"/{TOKEN}/")
    assert page.status_code == 200
    assert "static/app.js" in page.text
    assert client.get(f"/{TOKEN}/static/app.js").status_code == 200
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]


@pytest.mark.parametrize("path", ["/", "/wrong-token/", "/wrong-token/api/session", "/api/session"])
def test_a_wrong_or_missing_token_is_refused(client, path: str) -> None:
    answer = client.get(path)
    assert answer.status_code == 403
    assert "链接不对" in answer.text


@pytest.mark.parametrize("host", ["evil.example", f"evil.example:{PORT}", "127.0.0.1:1", "0.0.0.0"])
def test_a_foreign_host_is_refused(client, host: str) -> None:
    """A DNS-rebinding page reaches 127.0.0.1 under its own host name."""
    answer = client.get(f"/{TOKEN}/api/session", headers={"Host": host})
    assert answer.status_code == 403
    assert "主机名" in answer.text


def test_localhost_is_this_machine_too(client) -> None:
    assert client.get(f"/{TOKEN}/api/session", headers={"Host": f"localhost:{PORT}"}).is_success


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},
        {"Origin": "http://127.0.0.1:8000"},
        {"Origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
    ],
)
def test_requests_from_other_pages_are_refused(client, folder: Path, headers) -> None:
    before = (folder / "汇报 草稿.yaml").read_bytes()
    data = opened(client)["data"]
    data["title"] = "被改写"
    answer = client.post(
        f"/{TOKEN}/api/save", json={"file": "汇报 草稿.yaml", "data": data}, headers=headers
    )
    assert answer.status_code == 403
    assert (folder / "汇报 草稿.yaml").read_bytes() == before


def test_a_form_post_without_json_is_refused(client) -> None:
    """A cross-site form can send text/plain without asking; the API takes JSON only."""
    answer = client.post(
        f"/{TOKEN}/api/save", content=b'{"file": "x.yaml"}', headers={"Content-Type": "text/plain"}
    )
    assert answer.status_code == 415


# -- which files it may touch ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["../outside.yaml", "/tmp/outside.yaml", "sub/../../outside.yaml"])
def test_files_outside_the_folder_are_refused(client, folder: Path, name: str) -> None:
    outside = folder.parent / "outside.yaml"
    shutil.copy(folder / "汇报 草稿.yaml", outside)
    for call in ("open", "save", "check"):
        answer = post(client, call, {"file": name, "data": {"kind": "yixue-cugan"}})
        assert answer.status_code == 403, (call, answer.text)
    assert post(client, "new", {"kind": "yixue-cugan", "file": "../new.yaml"}).status_code == 403
    assert not (folder.parent / "new.yaml").exists()
    assert client.get(f"/{TOKEN}/api/download", params={"file": "../x.docx"}).status_code == 403


def test_a_link_leading_outside_is_refused(client, folder: Path) -> None:
    secret = folder.parent / "secret.yaml"
    secret.write_text("kind: yixue-cugan\n", encoding="utf-8")
    (folder / "link.yaml").symlink_to(secret)
    assert post(client, "open", {"file": "link.yaml"}).status_code == 403


def test_the_file_list_shows_reports_and_drafts_of_the_folder_only(client, folder: Path) -> None:
    (folder / "草稿.txt").write_text("x", encoding="utf-8")
    (folder / "别的.png").write_bytes(b"x")
    names = client.get(f"/{TOKEN}/api/files").json()["files"]
    assert names == ["汇报 草稿.yaml", "草稿.txt"]


# -- what it writes --------------------------------------------------------------------------


def test_saving_what_was_opened_writes_the_same_bytes(client, folder: Path) -> None:
    path = folder / "汇报 草稿.yaml"
    before = path.read_bytes()
    answer = post(client, "save", {"file": path.name, "data": opened(client)["data"]})
    assert answer.status_code == 200
    assert path.read_bytes() == before


def test_saving_changes_only_the_edited_lines_and_keeps_comments(client, folder: Path) -> None:
    path = folder / "汇报 草稿.yaml"
    before = path.read_text(encoding="utf-8")
    data = opened(client)["data"]
    data["title"] = "区水务局关于主题教育开展情况的汇报"
    data["figures"]["学习材料"]["value"] = 12
    data["sections"]["study"]["paragraphs"].append("第二段：专题研讨{{ 学习材料 }}次。")
    assert post(client, "save", {"file": path.name, "data": data}).status_code == 200
    after = path.read_text(encoding="utf-8")
    changes = [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert changes == [
        "-title: XX局关于主题教育开展情况的汇报",
        "+title: 区水务局关于主题教育开展情况的汇报",
        "+      - 第二段：专题研讨{{ 学习材料 }}次。",
        "-    value:",
        "+    value: 12",
    ]
    assert before.count("#") == after.count("#")


def test_a_save_that_does_not_validate_keeps_what_was_typed(client, folder: Path) -> None:
    path = folder / "汇报 草稿.yaml"
    data = opened(client)["data"]
    data["title"] = ""
    data["date"] = "2023-13-45"
    answer = post(client, "save", {"file": path.name, "data": data}).json()
    assert answer["saved"] == path.name
    assert {tuple(p["loc"]) for p in answer["problems"]} == {("title",), ("date",)}
    reopened = opened(client)["data"]
    assert reopened["title"] == ""
    assert reopened["date"] == "2023-13-45"


def test_a_finding_appears_beside_its_paragraph_and_goes_when_fixed(client) -> None:
    data = opened(client)["data"]
    data["sections"]["research"]["paragraphs"] = ["我们深入基层，向上级反应问题。"]

    def rules_at_research() -> set[str]:
        answer = post(client, "check", {"file": "汇报 草稿.yaml", "data": data}).json()
        place = ["sections", "research", "paragraphs", 0]
        return {note["rule"] for note in answer["notes"] if note["loc"] == place}

    assert rules_at_research() == {"confusable"}
    data["sections"]["research"]["paragraphs"] = ["我们深入基层，向上级反映问题。"]
    assert rules_at_research() == set()


def test_an_unfilled_figure_is_noted_on_its_row(client) -> None:
    data = opened(client)["data"]
    answer = post(client, "check", {"file": "汇报 草稿.yaml", "data": data}).json()
    rows = {tuple(n["loc"]) for n in answer["notes"] if n["rule"] == "unfilled"}
    assert ("figures", "学习材料", "value") in rows
    data["figures"]["学习材料"]["value"] = 3
    answer = post(client, "check", {"file": "汇报 草稿.yaml", "data": data}).json()
    rows = {tuple(n["loc"]) for n in answer["notes"] if n["rule"] == "unfilled"}
    assert ("figures", "学习材料", "value") not in rows
    assert "3种" in answer["sketch"]


def test_render_writes_the_docx_the_command_writes(client, folder: Path) -> None:
    shutil.copy(EXAMPLES / "yixue-cugan.yaml", folder / "成稿.yaml")
    data = opened(client, "成稿.yaml")["data"]
    answer = post(client, "render", {"file": "成稿.yaml", "data": data}).json()
    assert answer["rendered"] == "成稿.docx"
    from_page = (folder / "成稿.docx").read_bytes()
    download = client.get(f"/{TOKEN}/api/download", params={"file": "成稿.docx"})
    assert download.content == from_page
    assert "attachment" in download.headers["content-disposition"]
    by_command = folder / "命令.docx"
    subprocess.run(
        [Path(sys.executable).parent / "reportgen", "render", "成稿.yaml", "-o", by_command.name],
        cwd=folder,
        check=True,
        capture_output=True,
    )
    assert by_command.read_bytes() == from_page


def test_render_with_errors_saves_but_writes_no_docx(client, folder: Path) -> None:
    data = opened(client)["data"]
    data["issuer"] = ""
    answer = post(client, "render", {"file": "汇报 草稿.yaml", "data": data}).json()
    assert answer["rendered"] is None
    assert [p["loc"] for p in answer["problems"]] == [["issuer"]]
    assert not (folder / "汇报 草稿.docx").exists()


@pytest.mark.layout
def test_pages_are_laid_out_by_libreoffice(client, folder: Path) -> None:
    import base64

    if not shutil.which("soffice") or not shutil.which("pdftoppm"):
        if in_ci():
            pytest.fail("soffice and pdftoppm are required in CI")
        pytest.skip("soffice or pdftoppm not installed")
    shutil.copy(EXAMPLES / "yixue-cugan.yaml", folder / "成稿.yaml")
    data = opened(client, "成稿.yaml")["data"]
    answer = post(client, "pages", {"file": "成稿.yaml", "data": data}).json()
    assert len(answer["pages"]) >= 2
    for page in answer["pages"]:
        head, _, body = page.partition(",")
        assert head == "data:image/png;base64"
        assert base64.b64decode(body).startswith(b"\x89PNG")


def test_new_writes_a_scaffold_and_opens_it(client, folder: Path) -> None:
    answer = post(client, "new", {"kind": "annual-summary", "file": "总结.yaml"})
    assert answer.status_code == 200
    assert answer.json()["form"]["kind"] == "annual-summary"
    assert (folder / "总结.yaml").exists()
    again = post(client, "new", {"kind": "annual-summary", "file": "总结.yaml"})
    assert again.status_code == 400
    assert "已存在" in again.json()["error"]


def test_a_text_draft_is_imported_then_opened(client, folder: Path) -> None:
    shutil.copy(EXAMPLES.parent / "seeds" / "002_b642ac03053a293c.txt", folder / "旧稿.txt")
    answer = post(client, "import", {"file": "旧稿.txt"}).json()
    assert answer["file"] == "旧稿.yaml"
    assert (folder / "旧稿.yaml").exists()
    assert answer["messages"][0].startswith("已从 旧稿.txt 导入为 旧稿.yaml")
    second = post(client, "import", {"file": "旧稿.txt"}).json()
    assert second["file"] == "旧稿-导入2.yaml"


def test_the_form_carries_a_kinds_own_fields(folder: Path) -> None:
    from reportgen.edit.form import describe

    registry = api.load_kinds([EXAMPLES / "kinds"])
    kind = registry.get("anquan-jiancha")
    fields = {field["key"]: field for field in describe(kind)["fields"]}
    own = [f for f in kind.spec.fields]
    assert own
    for spec in own:
        assert fields[spec.key]["name"] == spec.name
        assert fields[spec.key]["widget"] in {"line", "number", "integer", "date"}


# -- the YAML merge on its own ----------------------------------------------------------------


def test_merge_keeps_a_text_written_as_one_string_a_string() -> None:
    text = "kind: x\npreamble: |\n  第一段\n  第二段\n# 结尾\nclosing: 好\n"
    merged = yamldoc.merged(text, {"kind": "x", "preamble": ["第一段", "改了"], "closing": "好"})
    assert merged == "kind: x\npreamble: |\n  第一段\n  改了\n# 结尾\nclosing: 好\n"


def test_removing_a_key_takes_its_comment_and_keeps_the_next_ones() -> None:
    """ruamel hangs the comment above a key on the value before it."""
    text = "a: 1  # 行尾\n# 关于 b\nb: 2\n# 关于 c\nc: 3\n"
    assert yamldoc.merged(text, {"a": 1, "c": 3}) == "a: 1  # 行尾\n# 关于 c\nc: 3\n"


def test_the_comment_above_the_next_key_stays_there_when_a_list_shrinks_or_grows() -> None:
    text = "s:\n  a:\n    p:\n      - 一\n  # 关于 b\n  b: 1\n"
    emptied = yamldoc.merged(text, {"s": {"a": {"p": []}, "b": 1}})
    assert emptied == "s:\n  a:\n    p: []\n  # 关于 b\n  b: 1\n"
    grown = yamldoc.merged(emptied, {"s": {"a": {"p": ["一", "二"]}, "b": 1}})
    assert grown == "s:\n  a:\n    p:\n      - 一\n      - 二\n  # 关于 b\n  b: 1\n"


def test_the_command_refuses_files_it_cannot_open(cli, folder: Path) -> None:
    outside = cli("edit", "../外面.yaml", "--kind", "yixue-cugan", "--no-browser", cwd=folder)
    assert outside.code == 2
    assert "只能编辑当前文件夹" in outside.stderr
    assert not (folder.parent / "外面.yaml").exists()
    missing = cli("edit", "没有.yaml", "--no-browser", cwd=folder)
    assert missing.code == 2
    assert "--kind" in missing.stderr
    unknown = cli("edit", "新.yaml", "--kind", "nope", "--no-browser", cwd=folder)
    assert unknown.code == 2
    assert "没有名为“nope”的报告类型" in unknown.stderr
    assert not (folder / "新.yaml").exists()
