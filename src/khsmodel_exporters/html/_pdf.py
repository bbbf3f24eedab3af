"""Tagged PDF/A-2a (or PDF/UA-1) from the ``html`` page, rendered by WeasyPrint.

The page of :mod:`._render` is already semantic (headings, lists, tables with
header cells, the timeline as a figure with a text alternative); WeasyPrint
turns that structure into the PDF's structure tree (``H1``…, ``P``, ``L``,
``Table``/``TH``/``TD``, ``Figure`` with ``/Alt``), marks every page's content,
sets ``/Lang`` from ``<html lang>``, ``/MarkInfo /Marked true``, the title
shown in the viewer's title bar, and XMP ``pdfaid:part 2`` / ``conformance A``.

One look with the ``pdf`` and ``docx`` exporters (issue 14): the page is set in
the bundled Liberation Sans (``pdf/fonts``, the font the reportlab PDF embeds
and Arial's metric twin, which the Word files name), with the bundled DejaVu
Sans after it in the font list for the letters Liberation Sans lacks (Arabic,
✓ …; WeasyPrint takes each character from the first family that has it). Both
are named in ``@font-face`` rules under private family names pointing at the
package's own files, so every glyph comes from a font the package ships and
embeds, whatever the machine has installed. The page's print CSS
(:func:`._render.print_css`: A4, the margins and the sizes of
:mod:`.._look`, each focus area and the timeline on a new page) applies; a
footer "Side X av Y" is added here, as the ``pdf`` exporter prints it, and the running
header (partnership and body) on every page after the first, where the ``pdf`` exporter
prints it (the page's header line is left out, so page 1 has none, as in the ``pdf``).

Same input, same bytes: a fixed file identifier and no creation date.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from importlib import resources
from pathlib import Path

from khsmodel.errors import KhsModelError
from khsmodel.labels import NB, Labels

from .. import _look as K
from .. import content as C
from ._render import render

__all__ = ["VARIANTS", "render_pdf"]

#: The PDF variants this route writes: tagged PDF/A-2a (archive and accessibility law
#: both), or PDF/UA-1 (accessibility only).
VARIANTS = ("pdf/a-2a", "pdf/ua-1")

_FAMILY = "khsmodel-LiberationSans"
_FALLBACK = "khsmodel-DejaVuSans"
#: (family, file in ``pdf/fonts``, font-weight, font-style) of every @font-face rule.
_FACES = (
    (_FAMILY, "LiberationSans-Regular.ttf", "normal", "normal"),
    (_FAMILY, "LiberationSans-Bold.ttf", "bold", "normal"),
    (_FAMILY, "LiberationSans-Italic.ttf", "normal", "italic"),
    (_FAMILY, "LiberationSans-BoldItalic.ttf", "bold", "italic"),
    (_FALLBACK, "DejaVuSans.ttf", "normal", "normal"),
    (_FALLBACK, "DejaVuSans-Bold.ttf", "bold", "normal"),
)
#: The page's font list in the PDF/A: the bundled fonts only, Liberation Sans first.
FONTS = f'"{_FAMILY}","{_FALLBACK}"'


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


def _font_faces(paths: dict[str, Path]) -> str:
    """The @font-face rules naming the bundled files (``paths``: file name → local path)."""
    return "\n".join(
        f'@font-face{{font-family:"{family}";src:url("{paths[file].as_uri()}");'
        f"font-weight:{weight};font-style:{style}}}"
        for family, file, weight, style in _FACES
    )


def _footer_css(content: C.Content, labels: Labels) -> str:
    title = css_string(_shortened(content.title, 85))
    page_word = css_string(labels.page + " ")
    of_word = css_string(" " + labels.page_of_word + " ")
    # the footer's baseline where the reportlab PDF prints it, FOOTER_FROM_BOTTOM up
    size = (
        f"font-size:{K.HEADER_FOOTER:g}pt;color:#{K.MUTED};vertical-align:bottom;"
        f"line-height:1;padding-bottom:{round(K.FOOTER_FROM_BOTTOM, 2):g}pt"
    )
    # the running header as the reportlab PDF prints it: on every page after the first,
    # its baseline HEADER_FROM_TOP down; the page's own header line (in the flow, so on
    # page 1 only) is left out
    header = ""
    if content.header:
        top = (
            f"font-size:{K.HEADER_FOOTER:g}pt;color:#{K.MUTED};vertical-align:top;"
            f"line-height:1;padding-top:{round(K.HEADER_FROM_TOP, 2):g}pt"
        )
        header = (
            f"@page{{@top-left{{content:{css_string(_shortened(content.header, 110))};{top}}}}}"
            "@page:first{@top-left{content:none}}"
        )
    return (
        "\n@media print{"
        f"@page{{@bottom-left{{content:{title};{size}}}"
        f"@bottom-right{{content:{page_word} counter(page) {of_word} counter(pages);{size}}}}}"
        f"{header}"
        ".site-header,.site-footer{display:none}"
        # the page's first line at the top margin, as in the reportlab PDF (no space above)
        "main>:first-child{margin-top:0}"
        # words whole as the reportlab PDF sets them (a hyphen WeasyPrint adds would be
        # in the text a reader copies or searches); a word wider than its column broken
        "th,td{overflow-wrap:break-word;hyphens:manual}"
        "}\n"
    )


@contextmanager
def _font_files() -> Iterator[dict[str, Path]]:
    """The bundled font files as local paths while WeasyPrint reads them (copied out of a
    zip install, the files themselves otherwise)."""
    folder = resources.files("khsmodel_exporters") / "pdf" / "fonts"
    with ExitStack() as stack:
        paths = {}
        for _, file, _, _ in _FACES:
            entry = folder / file
            if not entry.is_file():  # pragma: no cover - a broken install
                raise KhsModelError(
                    f"the bundled font {file} is missing from khsmodel_exporters/pdf/fonts; "
                    "reinstall khsmodel"
                )
            paths[file] = stack.enter_context(resources.as_file(entry))
        yield paths


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

    with _font_files() as paths:
        html = render(
            content,
            labels=labels,
            timeline=timeline,
            fonts=FONTS,
            extra_css=_font_faces(paths) + _footer_css(content, labels),
        )
        document = weasyprint.HTML(string=html.decode("utf-8"), base_url=None).render()
    pdf = document.write_pdf(
        pdf_variant=variant, pdf_identifier=b"khsmodel", uncompressed_pdf=False
    )
    if not isinstance(pdf, bytes):  # pragma: no cover - write_pdf without a target returns bytes
        raise KhsModelError("WeasyPrint returned no PDF")
    return pdf
