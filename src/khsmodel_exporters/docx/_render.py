"""Render :class:`~khsmodel_exporters.content.Content` as a Word document with python-docx.

The parts, as the document has them: :mod:`._styles` (paragraph styles, list
numbering), :mod:`._setup` (language, page, header and footer), :mod:`._body`
(the blocks) with :mod:`._tables` and :mod:`._timeline`, :mod:`._package` (the
zip, core properties); :mod:`._xml` and :mod:`._writer` are what they write with.

How it stays fast: the body is written as WordprocessingML text (every user
string escaped), in the exact form lxml would serialize it, straight into the
zip member as it is generated; no ``table.cell(i, j)``, no ``add_row()``, no
lxml tree of the body and never the whole body as one string. A test parses
and re-serializes the output to prove the text is well-formed and canonical.

How it stays deterministic: styles, numbering and section are set from
constants; core properties carry the document's own date (or none); the zip
is written with fixed timestamps and a fixed member order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from docx import Document as _new_document
from docx.opc.oxml import serialize_part_xml
from lxml import etree

from khsmodel.labels import NB, Labels

from .. import _look as K
from ..content import Block, Content, GroupRow, Included, NumberedList, Row, Table
from . import _wheel
from ._body import _Body
from ._package import _drop_parts, _properties, _save
from ._setup import _number_lists, _setup
from ._writer import _Sink
from ._xml import W

__all__ = ["render"]

_BODY_MARK = "KHSMODEL-BODY"


def _numbered_lists(blocks: Iterable[Block], first: int = 100) -> list[tuple[int, int]]:
    """(numbering id, start) of each numbered list, in the order :class:`_Body` meets them."""
    found: list[tuple[int, int]] = []

    def walk(items: Iterable[Block]) -> None:
        for b in items:
            if isinstance(b, NumberedList):
                found.append((first + len(found), b.start))
            elif isinstance(b, Included):
                walk(b.content.blocks)

    walk(blocks)
    return found


def _collect_groups(content: Content, groups: dict[str, list[Row | GroupRow]]) -> None:
    """The rows of the tables of each group, attached documents included."""
    for b in content.blocks:
        if isinstance(b, Table) and b.group:
            groups.setdefault(b.group, []).extend(b.rows)
        elif isinstance(b, Included):
            _collect_groups(b.content, groups)


def render(
    content: Content,
    *,
    font: str = K.FONT,
    created: dt.datetime | None = None,
    labels: Labels = NB,
    timeline: bool = True,
) -> bytes:
    """The .docx bytes of ``content`` (``labels``: the words of the page furniture;
    ``timeline``: an action plan's timeline table at its end)."""
    document = _new_document()
    _drop_parts(document)
    _setup(document, font, content, labels)
    numbered = _numbered_lists(content.blocks)
    _number_lists(document, numbered)
    _properties(document, content, created)
    # The main part is written, not parsed: the XML python-docx would write for the
    # document element, cut where the body goes, and the body as it is generated,
    # straight into the zip. A big body never becomes an lxml tree (ten times its size).
    root = document.element
    target = root.body
    for child in list(target):
        if child.tag != f"{{{W}}}sectPr":
            target.remove(child)
    target.insert(0, etree.Comment(_BODY_MARK))
    head, tail = serialize_part_xml(root).split(f"<!--{_BODY_MARK}-->".encode())

    wheels = _wheel.prepare(document, content)  # the pictures' parts, before the body

    def write_main(write: Callable[[bytes], Any]) -> None:
        write(head)
        out = _Sink(lambda text: write(text.encode("utf-8")))
        body = _Body(out, labels, timeline=timeline)
        body.wheels = wheels
        _collect_groups(content, body.groups)
        body.blocks(content.blocks, content.source)
        if not (out or out.written):
            body.p(None, "")
        out.flush()
        write(tail)
        if body.numbered != numbered:  # pragma: no cover - the two walks must agree
            raise AssertionError(f"numbered lists {body.numbered} != {numbered}")

    return _save(document, write_main)
