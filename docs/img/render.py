"""Render the pictures of docs/panduan-spreadsheet.md from the real template (``make docs-img``).

Writes the empty template with ``migrasi template``, prints it to PDF with LibreOffice
(``soffice``), and cuts the top of the first page of each sheet out as a PNG with ``pdftoppm``
(poppler-utils). Needs both programs; the pictures are committed, so nobody else does.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DPI = 110
PICTURES = {
    # name: (a word only its sheet's first page holds, crop x, y, width, height in pixels)
    "templat-petunjuk.png": ("Cara mengisi", 70, 70, 1140, 330),
    "templat-wilayah.png": ("(wajib) ID wilayah", 70, 70, 1140, 128),
    "templat-sistem.png": ("(wajib) ID sistem", 70, 75, 1150, 120),
}


def run(*command: str) -> str:
    """Run a command, failing loudly."""
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def main() -> int:
    """Write every picture of PICTURES into this folder."""
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        book = work / "templat.xlsx"
        run(sys.executable, "-m", "migrasi", "template", "--out", str(book), "--lang", "id")
        profile = (work / "profile").as_uri()
        run("soffice", "--headless", "--norestore", f"-env:UserInstallation={profile}",
            "--convert-to", "pdf", "--outdir", str(work), str(book))  # fmt: skip
        pdf = work / "templat.pdf"
        pages = int(next(line.split()[-1] for line in run("pdfinfo", str(pdf)).splitlines()
                         if line.startswith("Pages:")))  # fmt: skip
        texts = [run("pdftotext", "-f", str(p), "-l", str(p), str(pdf), "-") for p in
                 range(1, pages + 1)]  # fmt: skip
        for name, (word, x, y, w, h) in PICTURES.items():
            page = next(i for i, t in enumerate(texts, start=1) if word in t)
            out = HERE / name
            run("pdftoppm", "-f", str(page), "-l", str(page), "-r", str(DPI), "-png",
                "-singlefile", "-x", str(x), "-y", str(y), "-W", str(w), "-H", str(h),
                str(pdf), str(out.with_suffix("")))  # fmt: skip
            print(out.relative_to(HERE.parent.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
