"""How Word, PDF and HTML write a paragraph's spans: a separator in the styled run beside it.

The content never styles whitespace (:func:`khsmodel_exporters.content.styled`): a
measure's number is a bold "1." and a plain " ", an address under a title a plain
line break and an italic address. These three formats show a bold or an italic space
or line break exactly as a plain one (Arial and Liberation Sans give the space the
same width in every face), so they write such a separator in the styled run beside
it, one run fewer: spaces in the run before them (the label they follow), a line
break in the run after it (the line it starts), else in the one styled neighbour
there is. A format that cannot style whitespace (Markdown's ``**1.** text``) renders
the spans as they are.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from .content.blocks import Span

__all__ = ["runs"]

_WHITESPACE = " \t\n"


def _separator(s: Span) -> bool:
    return not (s.bold or s.italic) and bool(s.text) and not s.text.strip(_WHITESPACE)


def _styled(s: Span | None) -> bool:
    return s is not None and (s.bold or s.italic) and bool(s.text)


def runs(spans: Sequence[Span]) -> Sequence[Span]:
    """``spans`` with each separator (a plain span of whitespace) joined to a styled
    neighbour, as the module says; ``spans`` itself when there is none."""
    if len(spans) < 2:  # most text: one run, nothing beside it
        return spans
    for s in spans:  # most paragraphs have no separator: a plain loop, no copy
        if not (s.bold or s.italic) and s.text and not s.text.strip(_WHITESPACE):
            break
    else:
        return spans
    out: list[Span] = []
    carry = ""  # a separator waiting for the styled span after it
    for i, s in enumerate(spans):
        if carry:
            s = dataclasses.replace(s, text=carry + s.text)
            carry = ""
        if not _separator(s):
            out.append(s)
            continue
        before = out[-1] if out else None
        after = spans[i + 1] if i + 1 < len(spans) else None
        prefer_after = s.text.startswith("\n")
        if _styled(after) and (prefer_after or not _styled(before)):
            carry = s.text
        elif _styled(before):
            assert before is not None
            out[-1] = dataclasses.replace(before, text=before.text + s.text)
        else:
            out.append(s)
    return out
