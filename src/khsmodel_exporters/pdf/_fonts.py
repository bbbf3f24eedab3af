"""The bundled Liberation Sans family, registered with reportlab once per process.

One look in every format: the Word files ask for Arial, which Word on Windows
has and LibreOffice replaces by Liberation Sans, Arial's metric twin (same
advance width for every character); the PDF embeds Liberation Sans itself. So
a line breaks at the same word in the PDF, the Word file and the PDF/A made
from it. reportlab's built-in Helvetica has no glyphs for the Sámi letters
č đ ŋ ŧ (they print as black boxes); Liberation Sans has them all, with
æ ø å, á š ž and Ï (a test checks every letter of the test names).

The four files (regular, bold, italic, bold italic) are shipped in ``fonts/``
unmodified from Debian's fonts-liberation2 2.1.5, with their licence
(``fonts/LICENSE-LiberationSans.txt``, SIL Open Font License 1.1). reportlab
embeds TrueType fonts as subsets, so a document carries only the glyphs it uses.

A fallback for what Liberation Sans lacks: DejaVu Sans (regular and bold,
``fonts/DejaVuSans*.ttf``, Bitstream Vera licence in ``fonts/LICENSE-DejaVu.txt``)
has Arabic, Armenian, Georgian, many symbols (✓ →) and more that a name or a
quoted title can hold. A run of such characters is set in DejaVu Sans
(:func:`runs`; upright in italic text), the rest in Liberation Sans, as
LibreOffice does when it lays out the Word file. The fallback is registered only
when a document needs it, so an ordinary document neither loads nor embeds it.
Characters neither font has (emoji) print as an empty box.

The fonts are registered under private names (``khsmodel-LiberationSans`` …),
so a program that registers its own "LiberationSans" from another file is not
affected; the font name written into the PDF is the file's own
(``LiberationSans``, with a subset prefix).
"""

from __future__ import annotations

import io
import threading
from importlib import resources
from typing import Any

__all__ = [
    "BOLD",
    "BOLD_ITALIC",
    "FALLBACK",
    "FALLBACK_BOLD",
    "FAMILY",
    "FONT_FILES",
    "ITALIC",
    "REGULAR",
    "covered",
    "draw_string",
    "register",
    "register_fallback",
    "runs",
    "string_width",
]

FAMILY = "khsmodel-LiberationSans"
REGULAR = FAMILY
BOLD = f"{FAMILY}-Bold"
ITALIC = f"{FAMILY}-Italic"
BOLD_ITALIC = f"{FAMILY}-BoldItalic"

#: Registered name → file in the ``fonts`` folder of this package.
FONT_FILES: dict[str, str] = {
    REGULAR: "LiberationSans-Regular.ttf",
    BOLD: "LiberationSans-Bold.ttf",
    ITALIC: "LiberationSans-Italic.ttf",
    BOLD_ITALIC: "LiberationSans-BoldItalic.ttf",
}

FALLBACK = "khsmodel-DejaVuSans"
FALLBACK_BOLD = f"{FALLBACK}-Bold"
FALLBACK_FILES: dict[str, str] = {
    FALLBACK: "DejaVuSans.ttf",
    FALLBACK_BOLD: "DejaVuSans-Bold.ttf",
}

_lock = threading.Lock()
_registered = False
_fallback_registered = False
#: The characters Liberation Sans has (set by :func:`register`).
_covered: frozenset[int] = frozenset()


def covered(text: str) -> bool:
    """Whether Liberation Sans has every character of ``text`` (line breaks and tabs aside)."""
    if text.isascii():
        return True
    if not _covered:
        register()
    have = _covered
    return all(ord(ch) in have or ch in "\n\t" for ch in text)


def runs(text: str) -> list[tuple[bool, str]]:
    """``text`` cut into runs: (True, a run Liberation Sans has), (False, one it lacks)."""
    have = _covered
    out: list[tuple[bool, str]] = []
    for ch in text:
        ok = ord(ch) in have or ch in "\n\t"
        if out and out[-1][0] == ok:
            out[-1] = (ok, out[-1][1] + ch)
        else:
            out.append((ok, ch))
    return out


def font_file(filename: str) -> bytes:
    """The bytes of a bundled font (``LiberationSans-Regular.ttf``), also for the Word
    exporter's årshjul picture; KhsModelError naming it when the installation lacks it."""
    from khsmodel.errors import KhsModelError

    folder = resources.files(__package__ or "khsmodel_exporters.pdf").joinpath("fonts")
    try:
        return folder.joinpath(filename).read_bytes()
    except OSError as exc:  # a broken installation, not bad input
        raise KhsModelError(
            f"the bundled font {filename} is missing from khsmodel_exporters/pdf/fonts "
            f"({exc}); reinstall khsmodel"
        ) from exc


def _load(name: str, filename: str) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    data = font_file(filename)
    # TTFont accepts a file-like object, so this works from a zip too.
    font = TTFont(name, io.BytesIO(data))
    pdfmetrics.registerFont(font)
    if name == REGULAR:
        global _covered
        _covered = frozenset(font.face.charToGlyph)


def register_fallback() -> str:
    """Register the DejaVu Sans fallback (idempotent, thread-safe); return its name."""
    global _fallback_registered
    if _fallback_registered:
        return FALLBACK
    with _lock:
        if not _fallback_registered:
            from reportlab.pdfbase import pdfmetrics

            for name, filename in FALLBACK_FILES.items():
                _load(name, filename)
            pdfmetrics.registerFontFamily(FALLBACK, normal=FALLBACK, bold=FALLBACK_BOLD,
                                          italic=FALLBACK, boldItalic=FALLBACK_BOLD)  # fmt: skip
            _fallback_registered = True
    return FALLBACK


def register() -> str:
    """Register the family with reportlab (idempotent, thread-safe); return its name."""
    global _registered
    if _registered:
        return FAMILY
    with _lock:
        if _registered:
            return FAMILY
        from reportlab.pdfbase import pdfmetrics

        for name, filename in FONT_FILES.items():
            _load(name, filename)
        pdfmetrics.registerFontFamily(
            FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        _registered = True
    return FAMILY


def _fallback_for(font: str) -> str:
    register_fallback()
    return FALLBACK_BOLD if font in (BOLD, BOLD_ITALIC) else FALLBACK


def string_width(text: str, font: str, size: float) -> float:
    """The width of ``text`` as :func:`draw_string` sets it."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if covered(text):
        return float(stringWidth(text, font, size))
    return sum(
        float(stringWidth(run, font if ok else _fallback_for(font), size)) for ok, run in runs(text)
    )


def draw_string(canvas: Any, x: float, y: float, text: str, font: str, size: float,
                anchor: str = "start") -> None:  # fmt: skip
    """Draw one line on a canvas whose font is ``font`` at ``size``; the runs Liberation
    Sans lacks in the fallback font. ``anchor``: "start", "middle" or "end" at ``x``."""
    if covered(text):
        if anchor == "middle":
            canvas.drawCentredString(x, y, text)
        elif anchor == "end":
            canvas.drawRightString(x, y, text)
        else:
            canvas.drawString(x, y, text)
        return
    from reportlab.pdfbase.pdfmetrics import stringWidth

    width = string_width(text, font, size)
    x -= width / 2 if anchor == "middle" else (width if anchor == "end" else 0)
    for ok, run in runs(text):
        face = font if ok else _fallback_for(font)
        canvas.setFont(face, size)
        canvas.drawString(x, y, run)
        x += float(stringWidth(run, face, size))
    canvas.setFont(font, size)
