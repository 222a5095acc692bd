"""Build a zip that installs reportgen on Windows with no internet.

    python scripts/build_offline_bundle.py [--python 3.11 --python 3.12 ...] [-o dist]

The zip holds the reportgen wheel and every dependency as wheels for 64-bit Windows and each
Python version asked for (all supported ones by default), ``install.bat``, which makes a virtual
environment beside itself and installs from those wheels only (``--no-index``), and a short note
in Chinese. Dependencies that pip leaves out when it downloads for another platform (those with a
Windows-only marker, such as click's colorama) are found from the wheels' own metadata.
"""

from __future__ import annotations

import argparse
import email.parser
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHONS = ("3.11", "3.12", "3.13")
PLATFORM = "win_amd64"

INSTALL_BAT = r"""@echo off
rem reportgen offline install: uses only the wheels in this folder, no network.
chcp 65001 >nul
setlocal
cd /d "%~dp0"
set "PY="
for %%V in ({versions}) do if not defined PY (py -%%V -c "" >nul 2>nul && set "PY=py -%%V")
if not defined PY set "PY=python"
echo 正在建立 Python 虚拟环境……
%PY% -m venv "%~dp0.venv" || goto :fail
echo 正在安装 reportgen（只用本文件夹中的安装包，不连网）……
"%~dp0.venv\Scripts\python.exe" -m pip install --no-index --find-links "%~dp0wheels" reportgen || goto :fail
echo.
echo 安装完成。以后不必“激活”，直接运行：
echo   "%~dp0.venv\Scripts\reportgen.exe" edit
echo 或双击本文件夹中的 填写报告.bat
pause
exit /b 0
:fail
echo.
echo 安装失败。请确认本机装有 64 位的 Python {names}（python.org 的安装包，勾选 py 启动器）。
pause
exit /b 1
"""

EDIT_BAT = r"""@echo off
rem Opens the reportgen page for the folder this file is in.
chcp 65001 >nul
cd /d "%~dp0"
"%~dp0.venv\Scripts\reportgen.exe" edit
pause
"""

README_TXT = """reportgen 离线安装包（64 位 Windows）

1. 本机需已安装 64 位 Python {pythons}（python.org 的安装包）。
2. 把整个文件夹解压到任意位置（路径可以有中文和空格），双击 install.bat。
   安装只使用 wheels 文件夹里的安装包，不需要网络。
3. 安装后双击“填写报告.bat”，或在命令行运行：
     .venv\\Scripts\\reportgen.exe edit
   浏览器会打开一个只在本机运行的网页，在上面填写报告、生成 Word。

把“填写报告.bat”复制到报告所在的文件夹时，请把其中的 .venv 路径改成完整路径。
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--python", action="append", choices=PYTHONS, help="Python 版本，可多次给出"
    )
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "dist", help="输出文件夹")
    args = parser.parse_args(argv)
    zip_path = build(args.python or list(PYTHONS), args.output)
    print(zip_path)
    with zipfile.ZipFile(zip_path) as bundle:
        for name in bundle.namelist():
            print("  " + name)
    return 0


def build(pythons: list[str], output: Path) -> Path:
    with tempfile.TemporaryDirectory(prefix="reportgen-bundle-") as temp:
        stage = Path(temp) / "reportgen-offline"
        wheels = stage / "wheels"
        wheels.mkdir(parents=True)
        _pip("wheel", "--no-deps", "--wheel-dir", str(wheels), str(ROOT))
        own = next(wheels.glob("reportgen-*.whl"))
        for version in pythons:
            _download(wheels, version, [str(own)])
            for _ in range(5):  # what pip's markers hid from it, then what that needs in turn
                missing = sorted(missing_requirements(wheels, version))
                if not missing:
                    break
                _download(wheels, version, missing)
            else:
                raise SystemExit(f"未能补齐依赖：{', '.join(missing)}")
        newest_first = sorted(pythons, key=lambda v: tuple(map(int, v.split("."))), reverse=True)
        install = INSTALL_BAT.format(versions=" ".join(newest_first), names="、".join(pythons))
        (stage / "install.bat").write_bytes(_crlf(install))
        (stage / "填写报告.bat").write_bytes(_crlf(EDIT_BAT))
        note = README_TXT.format(pythons="、".join(pythons))
        (stage / "安装说明.txt").write_bytes(_crlf(note).decode("utf-8").encode("utf-8-sig"))
        output.mkdir(parents=True, exist_ok=True)
        version = own.name.split("-")[1]
        zip_path = output / f"reportgen-{version}-offline-{PLATFORM}.zip"
        with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as bundle:
            for path in sorted(stage.rglob("*")):
                if path.is_file():
                    bundle.write(path, path.relative_to(stage.parent).as_posix())
        shutil.rmtree(stage)
    return zip_path


def _download(wheels: Path, version: str, requirements: list[str]) -> None:
    _pip(
        "download",
        "--only-binary=:all:",
        "--platform",
        PLATFORM,
        "--python-version",
        version,
        "--implementation",
        "cp",
        "--dest",
        str(wheels),
        *requirements,
    )


def _pip(*args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q", *args], check=True
    )


def _crlf(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode("utf-8")


def windows_environment(version: str) -> dict[str, str]:
    """The marker environment of CPython ``version`` on 64-bit Windows."""
    return {
        "implementation_name": "cpython",
        "implementation_version": version + ".0",
        "os_name": "nt",
        "platform_machine": "AMD64",
        "platform_python_implementation": "CPython",
        "platform_release": "10",
        "platform_system": "Windows",
        "platform_version": "10.0.19045",
        "python_full_version": version + ".0",
        "python_version": version,
        "sys_platform": "win32",
    }


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def wheel_requirements(wheel: Path) -> tuple[str, list[str]]:
    """The project name of ``wheel`` and its Requires-Dist lines."""
    with zipfile.ZipFile(wheel) as archive:
        metadata = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        message = email.parser.Parser().parsestr(archive.read(metadata).decode("utf-8"))
    return message["Name"], message.get_all("Requires-Dist") or []


def wheel_fits(wheel: Path, version: str) -> bool:
    """Whether ``wheel`` installs on CPython ``version`` for 64-bit Windows."""
    from packaging.tags import compatible_tags, cpython_tags
    from packaging.utils import parse_wheel_filename

    python = tuple(int(part) for part in version.split("."))
    interpreter = "cp" + version.replace(".", "")
    supported = {
        *cpython_tags(python, platforms=[PLATFORM]),
        *compatible_tags(python, interpreter, platforms=[PLATFORM]),
    }
    return bool(parse_wheel_filename(wheel.name)[3] & supported)


def missing_requirements(wheels: Path, version: str) -> set[str]:
    """Requirements (for Windows and ``version``) that no wheel in ``wheels`` satisfies."""
    from packaging.requirements import Requirement

    environment = windows_environment(version)
    present: dict[str, list[str]] = {}
    needed: list[Requirement] = []
    for wheel in wheels.glob("*.whl"):
        if not wheel_fits(wheel, version):
            continue
        name, requires = wheel_requirements(wheel)
        present.setdefault(normalized(name), []).append(wheel.name.split("-")[1])
        needed.extend(Requirement(line) for line in requires)
    missing = set()
    for requirement in needed:
        if requirement.marker and not requirement.marker.evaluate({**environment, "extra": ""}):
            continue
        versions = present.get(normalized(requirement.name), [])
        if not any(requirement.specifier.contains(v, prereleases=True) for v in versions):
            missing.add(str(requirement).split(";")[0].strip())
    return missing


if __name__ == "__main__":
    sys.exit(main())
