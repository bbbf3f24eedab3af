"""The bundled DejaVu Sans family, registered with reportlab once per process.

reportlab's built-in Helvetica has no glyphs for the Sámi letters č đ ŋ ŧ
(they print as black boxes), so every PDF this package writes uses DejaVu Sans
(regular, bold, oblique, bold oblique), shipped in ``fonts/`` with its licence
(``fonts/LICENSE-DejaVu.txt``, Bitstream Vera licence; DejaVu changes are in
the public domain). reportlab embeds TrueType fonts as subsets, so a document
carries only the glyphs it uses.

The fonts are registered under private names (``khsmodel-DejaVuSans`` …), so a
program that registers its own "DejaVuSans" from another file is not
affected; the font name written into the PDF is the file's own
(``DejaVuSans``, with a subset prefix).
"""

from __future__ import annotations

import io
import threading
from importlib import resources

__all__ = ["BOLD", "BOLD_ITALIC", "FAMILY", "FONT_FILES", "ITALIC", "REGULAR", "register"]

FAMILY = "khsmodel-DejaVuSans"
REGULAR = FAMILY
BOLD = f"{FAMILY}-Bold"
ITALIC = f"{FAMILY}-Oblique"
BOLD_ITALIC = f"{FAMILY}-BoldOblique"

#: Registered name → file in the ``fonts`` folder of this package.
FONT_FILES: dict[str, str] = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}

_lock = threading.Lock()
_registered = False


def register() -> str:
    """Register the family with reportlab (idempotent, thread-safe); return its name."""
    global _registered
    if _registered:
        return FAMILY
    with _lock:
        if _registered:
            return FAMILY
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        from khsmodel.errors import KhsModelError

        folder = resources.files(__package__ or "khsmodel_exporters.pdf").joinpath("fonts")
        for name, filename in FONT_FILES.items():
            font_file = folder.joinpath(filename)
            try:
                data = font_file.read_bytes()
            except OSError as exc:  # a broken installation, not bad input
                raise KhsModelError(
                    f"the bundled font {filename} is missing from khsmodel_exporters/pdf/fonts "
                    f"({exc}); reinstall khsmodel"
                ) from exc
            # TTFont accepts a file-like object, so this works from a zip too.
            pdfmetrics.registerFont(TTFont(name, io.BytesIO(data)))
        pdfmetrics.registerFontFamily(
            FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        _registered = True
    return FAMILY
