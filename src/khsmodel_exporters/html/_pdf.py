"""Tagged PDF/A-2a (or PDF/UA-1) from the ``html`` page, rendered by WeasyPrint.

The page of :mod:`._render` is already semantic (headings, lists, tables with
header cells, the timeline as a figure with a text alternative); WeasyPrint
turns that structure into the PDF's structure tree (``H1``…, ``P``, ``L``,
``Table``/``TH``/``TD``, ``Figure`` with ``/Alt``), marks every page's content,
sets ``/Lang`` from ``<html lang>``, ``/MarkInfo /Marked true``, the title
shown in the viewer's title bar, and XMP ``pdfaid:part 2`` / ``conformance A``.

The page is rendered with the bundled DejaVu Sans (``pdf/fonts``), named in
``@font-face`` rules, so every glyph comes from a font the package ships and
embeds, whatever the machine has installed. The print CSS of the page applies
(A4, each focus area and the timeline on a new page); a footer "Side X av Y"
is added here, as the ``pdf`` exporter prints it.

Same input, same bytes: a fixed file identifier and no creation date.
"""

from __future__ import annotations

from importlib import resources

from khsmodel.errors import KhsModelError
from khsmodel.labels import NB, Labels

from .. import _content as C
from ._render import esc, render

__all__ = ["VARIANTS", "render_pdf"]

#: The PDF variants this route writes: tagged PDF/A-2a (archive and accessibility law
#: both), or PDF/UA-1 (accessibility only).
VARIANTS = ("pdf/a-2a", "pdf/ua-1")

_FAMILY = "khsmodel-DejaVuSans"
_FACES = (
    ("DejaVuSans.ttf", "normal", "normal"),
    ("DejaVuSans-Bold.ttf", "bold", "normal"),
    ("DejaVuSans-Oblique.ttf", "normal", "italic"),
    ("DejaVuSans-BoldOblique.ttf", "bold", "italic"),
)


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string that cannot end the string or the ``<style>``.

    >>> css_string('Plan "A" </style><b>')
    '"Plan \\\\22 A\\\\22  \\\\3c /style\\\\3e \\\\3c b\\\\3e "'
    """
    out = []
    for ch in text:
        if (
            ch.isalnum()
            or ch in " .,:;!?()[]-–_/+=*%@#$|~^'"
            or (ord(ch) > 0x7F and ch.isprintable())
        ):
            out.append(ch)
        else:
            out.append(f"\\{ord(ch):x} ")
    return '"' + "".join(out) + '"'


def _shortened(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word to about ``limit`` characters, with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,.;:–-") + "…"


def _print_css(content: C.Content, labels: Labels) -> str:
    folder = resources.files("khsmodel_exporters") / "pdf" / "fonts"
    faces = []
    for file, weight, style in _FACES:
        path = folder / file
        if not path.is_file():  # pragma: no cover - a broken install
            raise KhsModelError(f"the bundled font {file} is missing from {folder}")
        uri = f"file://{esc(str(path))}"
        faces.append(
            f'@font-face{{font-family:"{_FAMILY}";src:url("{uri}");font-weight:{weight};'
            f"font-style:{style}}}"
        )
    title = css_string(_shortened(content.title, 85))
    page_word = css_string(labels.page + " ")
    of_word = css_string(" " + labels.page_of_word + " ")
    return "\n".join(faces) + (
        "\n@media print{"
        f"@page{{@bottom-left{{content:{title};font-size:8pt;color:#595959}}"
        f"@bottom-right{{content:{page_word} counter(page) {of_word} counter(pages);"
        "font-size:8pt;color:#595959}}"
        ".site-footer{display:none}"
        "th,td{overflow-wrap:break-word}"
        "}\n"
    )


def render_pdf(
    content: C.Content,
    *,
    labels: Labels = NB,
    timeline: bool = True,
    variant: str = "pdf/a-2a",
) -> bytes:
    """The tagged PDF of ``content`` (``variant``: one of :data:`VARIANTS`)."""
    if variant not in VARIANTS:
        raise KhsModelError(f"variant must be one of {', '.join(VARIANTS)}, got {variant!r}")
    import weasyprint

    html = render(
        content,
        labels=labels,
        timeline=timeline,
        fonts=f'"{_FAMILY}",sans-serif',
        extra_css=_print_css(content, labels),
    )
    document = weasyprint.HTML(string=html.decode("utf-8"), base_url=None).render()
    pdf = document.write_pdf(
        pdf_variant=variant, pdf_identifier=b"khsmodel", uncompressed_pdf=False
    )
    if not isinstance(pdf, bytes):  # pragma: no cover - write_pdf without a target returns bytes
        raise KhsModelError("WeasyPrint returned no PDF")
    return pdf
