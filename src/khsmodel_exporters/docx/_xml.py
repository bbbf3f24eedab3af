"""WordprocessingML text: the namespace, escaping, runs of spans, and the page and
colours every part of the Word document is written with (sizes from :mod:`.._look`,
as the PDF's)."""

from __future__ import annotations

from collections.abc import Sequence

from .. import _look as K
from .._runs import runs as _joined
from ..content import Span

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = f'xmlns:w="{W}"'

# A4 and the margins of the PDF (_look): the same text width, so lines break alike.
PAGE_W, PAGE_H = 11906, 16838
MARGIN_L, MARGIN_R = K.twips(K.MARGIN_L), K.twips(K.MARGIN_R)
MARGIN_T, MARGIN_B = K.twips(K.MARGIN_T), K.twips(K.MARGIN_B)
TEXT_W = PAGE_W - MARGIN_L - MARGIN_R

HEADER_FILL = K.HEADER_FILL  # table header row
PHASE_FILL = K.PHASE_FILL  # phase rows ("Fase 1")
GROUP_FILL = K.GROUP_FILL  # other group rows
RULE = K.RULE
DARK = K.DARK
MUTED = K.MUTED


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _t(text: str) -> str:
    """Run content for text: ``\\n`` → ``<w:br/>``, ``\\t`` → ``<w:tab/>``."""
    if "\n" not in text and "\t" not in text:
        return f'<w:t xml:space="preserve">{_esc(text)}</w:t>'
    out = []
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append("<w:br/>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                out.append("<w:tab/>")
            if piece:
                out.append(f'<w:t xml:space="preserve">{_esc(piece)}</w:t>')
    return "".join(out)


def _runs(spans: Sequence[Span]) -> str:
    out = []
    for s in _joined(spans):
        if not s.text:
            continue
        if s.bold or s.italic:
            rpr = (
                "<w:rPr>"
                + ("<w:b/>" if s.bold else "")
                + ("<w:i/>" if s.italic else "")
                + ("</w:rPr>")
            )
            out.append(f"<w:r>{rpr}{_t(s.text)}</w:r>")
        else:
            out.append(f"<w:r>{_t(s.text)}</w:r>")
    return "".join(out)
