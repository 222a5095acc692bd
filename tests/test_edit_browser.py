"""``reportgen edit`` in a real browser: the system's Chromium, driven through chromium-driver.

One clerk's session from a scaffold to a .docx: fill fields, paste a figures table copied from a
spreadsheet, watch a finding appear and go, save, render, and get the bytes ``reportgen render``
writes. Then what must be refused: a wrong token, a foreign Host, a page of another origin, a
file outside the folder. Skipped where chromium or chromium-driver is missing, except in CI.
"""

from __future__ import annotations

import http.client
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import in_ci

pytestmark = pytest.mark.browser

REPORTGEN = Path(sys.executable).parent / "reportgen"
#: Where to keep the screenshots (the tests save them in their temporary folder otherwise).
SHOTS = os.environ.get("REPORTGEN_SCREENSHOTS")


def _tools() -> tuple[str, str]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        if in_ci():
            pytest.fail("chromium and chromium-driver are required in CI")
        pytest.skip("chromium or chromium-driver not installed")
    return chromium, driver


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    work = tmp_path / "办公室 文件"
    work.mkdir()
    (tmp_path / "outside.yaml").write_text("kind: yixue-cugan\n", encoding="utf-8")
    return work


@pytest.fixture
def server(folder: Path):
    """``reportgen edit 汇报 草稿.yaml --kind yixue-cugan --no-browser``: the URL it prints."""
    process = subprocess.Popen(
        [REPORTGEN, "edit", "汇报 草稿.yaml", "--kind", "yixue-cugan", "--no-browser"],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    url = process.stdout.readline().strip()
    assert url.startswith("http://127.0.0.1:"), url or process.stderr.read()
    yield process, url
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture
def browser(tmp_path: Path):
    chromium, driver_path = _tools()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    downloads = tmp_path / "下载"
    downloads.mkdir()
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000"):
        options.add_argument(argument)
    options.add_experimental_option(
        "prefs",
        {"download.default_directory": str(downloads), "download.prompt_for_download": False},
    )
    driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    driver.execute_cdp_cmd(
        "Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )
    driver.downloads = downloads  # type: ignore[attr-defined]
    yield driver
    driver.quit()


def wait(driver, condition, timeout: float = 30):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(lambda d: condition(d))


def field(driver, name: str):
    from selenium.webdriver.common.by import By

    return driver.find_element(By.NAME, name)


def notes_of(driver, name: str) -> str:
    """The text of the notes shown beside the input called ``name``."""
    return driver.execute_script(
        "const input = document.getElementsByName(arguments[0])[0];"
        "const box = input.closest('[data-loc]');"
        "return [...box.querySelectorAll('.note')].map(n => n.textContent).join('\\n');",
        name,
    )


def type_into(driver, name: str, text: str) -> None:
    element = field(driver, name)
    element.clear()
    element.send_keys(text)


def shot(driver, tmp_path: Path, name: str) -> Path:
    path = Path(SHOTS) / name if SHOTS else tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(path))
    return path


def status(driver) -> str:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.ID, "status").text


def test_a_clerk_goes_from_a_scaffold_to_the_docx(server, browser, folder, tmp_path) -> None:
    process, url = server
    driver = browser
    driver.get(url)
    wait(driver, lambda d: d.find_elements("name", "title"))
    wait(driver, lambda d: "XX" in notes_of(d, "title"))

    type_into(driver, "title", "区水务局关于主题教育开展情况的汇报")
    wait(driver, lambda d: "XX" not in notes_of(d, "title"))
    type_into(driver, "issuer", "区水务局")

    paragraph = "sections.research.paragraphs.0"
    type_into(driver, paragraph, "我们深入基层，向上级反应问题。")
    wait(driver, lambda d: "反映问题" in notes_of(d, paragraph))
    shot(driver, tmp_path, "edit-finding.png")
    type_into(driver, paragraph, "我们深入基层，向上级反映问题。")
    wait(driver, lambda d: notes_of(d, paragraph) == "")

    # Two columns copied from Excel or WPS arrive as tab-separated lines.
    driver.execute_script(
        "const data = new DataTransfer();"
        "data.setData('text/plain', arguments[0]);"
        "document.querySelector('table.figures').dispatchEvent("
        "  new ClipboardEvent('paste', {clipboardData: data, bubbles: true}));",
        "名称\t数值\r\n学习材料\t12\r\n解决问题\t1,234\r\n群众满意率\t96.8%\r\n",
    )
    wait(driver, lambda d: field(d, "figures.学习材料.value").get_attribute("value") == "12")
    assert field(driver, "figures.解决问题.value").get_attribute("value") == "1234"
    assert field(driver, "figures.群众满意率.value").get_attribute("value") == "96.8"
    assert field(driver, "figures.群众满意率.unit").get_attribute("value") == "%"
    wait(driver, lambda d: "96.8%" in d.find_element("id", "sketch").text)
    driver.execute_script("document.querySelector('table.figures').scrollIntoView()")

    driver.find_element("id", "btn-save").click()
    wait(driver, lambda d: "已保存" in status(d))
    saved = (folder / "汇报 草稿.yaml").read_text(encoding="utf-8")
    assert "title: 区水务局关于主题教育开展情况的汇报" in saved
    assert "# 标题：发文机关 + 关于 + 事由 + 文种" in saved  # the scaffold's comments are kept
    assert "    value: 96.8" in saved

    driver.find_element("id", "btn-render").click()
    wait(driver, lambda d: "已生成" in status(d))
    downloaded = driver.downloads / "汇报 草稿.docx"
    wait(driver, lambda d: downloaded.exists() and downloaded.stat().st_size > 0)
    shot(driver, tmp_path, "edit-figures-rendered.png")
    subprocess.run(
        [REPORTGEN, "render", "汇报 草稿.yaml", "-o", "命令行.docx"], cwd=folder, check=True
    )
    by_command = (folder / "命令行.docx").read_bytes()
    assert (folder / "汇报 草稿.docx").read_bytes() == by_command
    assert downloaded.read_bytes() == by_command

    if shutil.which("soffice") and shutil.which("pdftoppm"):
        driver.find_element("id", "tab-pages").click()
        wait(driver, lambda d: d.find_elements("css selector", "#pages img"), timeout=180)
        shot(driver, tmp_path, "edit-pages.png")

    # Closing the page stops the server.
    driver.get("about:blank")
    process.wait(timeout=60)
    assert "已停止" in process.stderr.read()


def test_what_the_server_refuses(server, browser, folder) -> None:
    _, url = server
    driver = browser
    parts = urlsplit(url)
    port = parts.port

    driver.get(f"http://127.0.0.1:{port}/wrong-token/")
    assert "链接不对" in driver.find_element("tag name", "body").text

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", parts.path + "api/session", headers={"Host": "rebind.example"})
    assert connection.getresponse().status == 403

    driver.get(url)
    wait(driver, lambda d: d.find_elements("name", "title"))
    answer = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch('api/open', {method: 'POST', headers: {'Content-Type': 'application/json'},"
        "  body: JSON.stringify({file: '../outside.yaml'})}).then(r => done(r.status));"
    )
    assert answer == 403

    # A page of another origin on this machine posts to the server: the browser sends its Origin.
    before = (folder / "汇报 草稿.yaml").read_bytes()
    page = _foreign_page(url)
    driver.get(page)
    wait(driver, lambda d: d.execute_script("return window.sent === true"))
    assert (folder / "汇报 草稿.yaml").read_bytes() == before


def _foreign_page(target: str) -> str:
    html = (
        "<!doctype html><script>"
        f"fetch({target + 'api/save'!r}, {{method: 'POST', mode: 'no-cors',"
        " headers: {'Content-Type': 'text/plain'},"
        " body: JSON.stringify({file: '汇报 草稿.yaml', data: {kind: 'yixue-cugan', title: '被改写'}})})"
        ".finally(() => { window.sent = true; });"
        "</script>"
    ).encode()

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.HTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}/"
