"""Each reader, and the files a notes folder may hold that must never be opened or must not fail the walk."""

import os

import docx
import pytest

from app.core.notes import readers
from app.core.notes.indexer import passages_of
from app.core.notes.readers import Unreadable


def make_pdf(pages: list[str]) -> bytes:
    """A minimal valid PDF with one line of text per page (Helvetica), built by hand with a correct xref."""
    count = len(pages)
    objects = ["<< /Type /Catalog /Pages 2 0 R >>",
               "<< /Type /Pages /Kids [" + " ".join(f"{4 + 2 * i} 0 R" for i in range(count)) +
               f"] /Count {count} >>",
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for i, text in enumerate(pages):
        stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET"
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
                       f"/Contents {5 + 2 * i} 0 R >>")
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def make_docx(path):
    document = docx.Document()
    document.add_heading("Quarterly review", level=1)
    document.add_paragraph("Revenue grew in the north.")
    document.add_heading("Risks", level=2)
    document.add_paragraph("Supplier delays in spring.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "owner", "Ana"
    document.save(path)


def test_pdf_is_read_per_page():
    passages = passages_of("report.pdf", make_pdf(["Alpha page one", "Beta page two", "Gamma page three"]))
    assert [(p.page, p.text.strip()) for p in passages] == [(1, "Alpha page one"), (2, "Beta page two"),
                                                             (3, "Gamma page three")]


def test_docx_headings_become_the_heading_path(tmp_path):
    make_docx(tmp_path / "review.docx")
    passages = passages_of("review.docx", (tmp_path / "review.docx").read_bytes())
    by_heading = {p.heading: p.text for p in passages}
    assert "Revenue grew in the north." in by_heading["Quarterly review"]
    assert "Supplier delays in spring." in by_heading["Quarterly review > Risks"]
    assert "owner | Ana" in by_heading["Quarterly review > Risks"]


def test_html_drops_scripts_and_styles_and_keeps_headings():
    html = (b"<html><head><title>T</title><style>body{color:red}</style></head><body>"
            b"<h2>Travel</h2><p>Train to Lyon&nbsp;at 9.</p><script>steal()</script><ul><li>passport</li></ul>"
            b"</body></html>")
    passages = passages_of("trip.html", html)
    text = "\n".join(p.text for p in passages)
    assert "Train to Lyon" in text and "passport" in text
    assert "steal" not in text and "color" not in text
    assert passages[0].heading == "Travel"


def test_markdown_and_text_kinds_and_legacy_encodings():
    assert passages_of("a.md", b"# H\n\nbody")[0].heading == "H"
    assert passages_of("a.txt", b"# H\n\nbody")[0].heading == ""
    assert passages_of("old.txt", "caf\u00e9 cr\u00e8me".encode("cp1252"))[0].text == "caf\u00e9 cr\u00e8me"
    assert passages_of("bom.md", b"\xef\xbb\xbfhello")[0].text == "hello"


@pytest.mark.parametrize("name, data, reason", [
    ("fake.pdf", b"%PDF-1.4 this is not really a pdf", "not a readable PDF"),
    ("fake.docx", b"PK\x03\x04 broken zip", "not a readable Word document"),
    ("image.md", b"\x89PNG\r\n\x1a\n\0\0\0IHDR", "binary"),
])
def test_broken_files_are_unreadable_with_a_reason(name, data, reason):
    with pytest.raises(Unreadable, match=reason):
        passages_of(name, data)


def test_walk_skips_hidden_folders_symlinks_and_unknown_kinds(tmp_path):
    for rel in ["a.md", "sub/b.txt", "sub/deeper/c.html", ".obsidian/workspace.md", ".git/notes.md",
                ".trash/old.md", "sub/.hidden/x.md", ".dotfile.md", "photo.jpg", "doc.pdf", "w.docx"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    (tmp_path / "link.md").symlink_to(tmp_path / "a.md")
    (tmp_path / "loop").symlink_to(tmp_path)
    found = readers.walk(tmp_path)
    assert [f.rel for f in found] == ["a.md", "doc.pdf", "sub/b.txt", "sub/deeper/c.html", "w.docx"]
    assert all(f.problem is None and f.size == 1 for f in found)


def test_fifo_and_oversized_files_are_never_opened(tmp_path, monkeypatch):
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "big.md").write_bytes(b"x" * 2000)
    (tmp_path / "ok.md").write_bytes(b"x" * 10)
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 1000)
    opened = []
    real_open = os.open
    monkeypatch.setattr(readers.os, "open", lambda p, *a, **k: opened.append(str(p)) or real_open(p, *a, **k))
    found = {f.rel: f for f in readers.walk(tmp_path)}
    assert "not a regular file" in found["pipe.md"].problem
    assert "larger than" in found["big.md"].problem and found["ok.md"].problem is None
    assert opened == []  # the walk opens nothing
    # Even if asked, the reader refuses a FIFO without blocking on it.
    with pytest.raises(Unreadable, match="not a regular file"):
        readers.read_bytes(tmp_path / "pipe.md")
    assert readers.read_bytes(tmp_path / "ok.md") == b"x" * 10


def test_a_file_that_cannot_be_opened_is_unreadable(tmp_path, monkeypatch):
    (tmp_path / "locked.md").write_text("secret")
    real_open = os.open

    def refuse(path, *args, **kwargs):
        if str(path).endswith("locked.md"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(readers.os, "open", refuse)
    with pytest.raises(Unreadable, match="cannot be opened \\(Permission denied\\)"):
        readers.read_bytes(tmp_path / "locked.md")
