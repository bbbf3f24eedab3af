"""Text helpers shared by the content modules: a user string made ready for every renderer,
a model paragraph as spans, and the comparisons that keep the content from saying a thing
twice ("told" already by the text it stands under)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from khsmodel._base import Block as SourceBlock
from khsmodel._base import EmphasisKind, ItemList, Paragraph

from .blocks import Para, ParaStyle, Spans, _span

_BIDI_OPEN = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _bidi_close(text: str) -> str:
    embed = isolate = 0
    for ch in text:
        if ch in "\u202a\u202b\u202d\u202e":
            embed += 1
        elif ch == "\u202c":
            embed = max(0, embed - 1)
        elif ch in "\u2066\u2067\u2068":
            isolate += 1
        elif ch == "\u2069":
            isolate = max(0, isolate - 1)
    return text + "\u202c" * embed + "\u2069" * isolate


def _newlines(text: str) -> str:
    """``\\r\\n`` and ``\\r`` as ``\\n``."""
    if "\r" in text:
        return text.replace("\r\n", "\n").replace("\r", "\n")
    return text


#: The characters :func:`t` changes or looks at: most strings hold none, and one search
#: says so (:func:`khsmodel_exporters.content.build` asks once whether a document has any).
T_CHARS = ("\r", *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A)))
_NEEDS_WORK = re.compile("[\r\u202a-\u202e\u2066-\u2069]").search


def t(text: str) -> str:
    """A user string ready for any renderer: line breaks as ``\\n``, bidi overrides closed."""
    if _NEEDS_WORK(text) is None:  # most text: nothing to do
        return text
    text = _newlines(text)
    if _BIDI_OPEN.search(text) is not None:
        text = _bidi_close(text)
    return text


#: The whitespace a styled span does not begin or end with.
_EDGE = " \t\n"


def styled(text: str, *, bold: bool = False, italic: bool = False) -> Spans:
    """``text`` as spans with the style, except whitespace at either end: that is a plain span
    of its own, a separator (``styled("1. ", bold=True)`` is a bold "1." and a plain " ").

    So the content says what is bold or italic, words only, and each renderer decides
    whether a separator shares its neighbour's style (Word, PDF and HTML write it in the
    neighbour's run: the same look, one run fewer) or not (Markdown cannot: ``**1.** text``).
    Text of whitespace only is plain. ``text`` is taken as it is (see :func:`t`).
    """
    if not (bold or italic) or not text:
        return (_span(text, bold, italic),)
    core = text.strip(_EDGE)
    if core == text:
        return (_span(text, bold, italic),)
    if not core:
        return (_span(text),)
    lead = text[: len(text) - len(text.lstrip(_EDGE))]
    trail = text[len(text.rstrip(_EDGE)) :]
    return (
        *((_span(lead),) if lead else ()),
        _span(core, bold, italic),
        *((_span(trail),) if trail else ()),
    )


def _s(text: str, *, bold: bool = False, italic: bool = False) -> Spans:
    if not (bold or italic):  # most text: one plain span
        return (_span(t(text)),)
    return styled(t(text), bold=bold, italic=italic)


def _p(text: str, style: ParaStyle = "body") -> Para:
    return Para(_s(text), style)


def _paragraph_spans(p: Paragraph) -> Spans:
    """A paragraph's runs: plain text between its emphasised words (italic, bold or both).

    Line breaks are normalised as :func:`t` does (a ``\r\n`` cut by a range
    boundary is still one break); an unterminated bidi embedding is closed at
    the end of the paragraph, not at the end of each run, so it keeps the
    words of the runs that follow it.
    """
    pieces: list[tuple[str, bool, bool]] = []
    pos = 0
    for e in p.emphasis:
        if e.start > pos:
            pieces.append((p.text[pos : e.start], False, False))
        kind = e.kind
        pieces.append(
            (
                p.text[e.start : e.end],
                kind is not EmphasisKind.ITALIC,
                kind is not EmphasisKind.BOLD,
            )
        )
        pos = e.end
    if pos < len(p.text):
        pieces.append((p.text[pos:], False, False))
    runs: list[tuple[str, bool, bool]] = []
    for i, (text, bold, italic) in enumerate(pieces):
        if text.endswith("\r") and i + 1 < len(pieces) and pieces[i + 1][0].startswith("\n"):
            text = text[:-1]  # the \n that follows makes the break
        if text:
            runs.append((_newlines(text), bold, italic))
    closers = t(p.text)[len(_newlines(p.text)) :]
    if closers and runs:
        text, bold, italic = runs[-1]
        runs[-1] = (text + closers, bold, italic)
    return tuple(s for text, bold, italic in runs for s in styled(text, bold=bold, italic=italic))


def _join(parts: Iterable[str | None], sep: str = ", ") -> str:
    return sep.join(p for p in parts if p)


def _even(*texts: str) -> str:
    """The texts as one line, whitespace evened out: what ``_told`` compares."""
    return " ".join(" ".join(texts).split())


def _told(text: str, told: str) -> bool:
    """Whether ``text`` stands in ``told`` (an ``_even`` text), whitespace evened out; a
    sentence's full stop is not needed ("… med Vestre Viken helseforetak." is told by
    "… med Vestre Viken helseforetak, og bidra …")."""
    text = _even(text)
    return bool(text) and (text in told or (text.endswith(".") and len(text) > 20
                                            and text[:-1] in told))  # fmt: skip


def _blocks_text(blocks: Sequence[SourceBlock]) -> str:
    """The plain text of paragraphs and list items, as one ``_even`` line."""
    parts: list[str] = []
    for b in blocks:
        if isinstance(b, Paragraph):
            parts.append(b.text)
        elif isinstance(b, ItemList):
            parts.extend(b.items)
    return _even(*parts)
