"""Cove's application icons, rendered from resources/cove.svg at build time.

- render_hicolor(): the freedesktop hicolor theme tree (16…512 PNG + scalable SVG)
  used by the .deb (and usable by any Linux package).
- write_ico(): a Windows .ico (PNG entries, Vista and later) for cove.exe and the
  installer.
- write_icns(): a macOS .icns for Cove.app. Written directly (PNG entries), so no
  iconutil is needed; on a Mac `iconutil -c icns` gives the same result from an
  .iconset made with render_pngs().

Only Qt (PySide6, already a Cove dependency) is needed: QSvgRenderer paints the SVG
into a QImage; no window or display is used.
"""

from __future__ import annotations

import io
import shutil
import struct
from pathlib import Path

HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# (OSType, pixel size) for PNG-encoded icns entries.
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128),
    (b"ic08", 256), (b"ic09", 512), (b"ic10", 1024),
)
ICON_NAME = "cove"


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn into a size×size transparent PNG, as bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        # QPainter on a QImage works without an application object, but text in an
        # SVG would need fonts; keep one around (offscreen, so no display is needed).
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        global _APP
        _APP = QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


_APP = None


def render_pngs(svg: Path, sizes, folder: Path, pattern: str = "{size}.png") -> dict[int, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for size in sizes:
        path = folder / pattern.format(size=size)
        path.write_bytes(render_png(svg, size))
        out[size] = path
    return out


def render_hicolor(svg: Path, root: Path, name: str = ICON_NAME) -> list[Path]:
    """root/hicolor/<N>x<N>/apps/<name>.png for every size, plus scalable/apps/<name>.svg."""
    written = []
    for size in HICOLOR_SIZES:
        folder = root / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.png"
        path.write_bytes(render_png(svg, size))
        written.append(path)
    scalable = root / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable / f"{name}.svg")
    written.append(scalable / f"{name}.svg")
    return written


def write_ico(svg: Path, path: Path, sizes=ICO_SIZES) -> Path:
    """A Windows .ico holding PNG images (supported since Windows Vista)."""
    images = [(size, render_png(svg, size)) for size in sizes]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries = io.BytesIO()
    for size, png in images:
        dim = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries.write(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset))
        offset += len(png)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(header + entries.getvalue() + b"".join(png for _, png in images))
    return path


def write_icns(svg: Path, path: Path) -> Path:
    """A macOS .icns holding PNG images from 16 to 1024 pixels."""
    body = b""
    for ostype, size in ICNS_TYPES:
        png = render_png(svg, size)
        body += ostype + struct.pack(">I", 8 + len(png)) + png
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)
    return path


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    return struct.unpack(">II", data[16:24])
