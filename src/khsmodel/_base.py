"""Shared building blocks: text blocks, periods, links. Private module; names re-exported."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Any, ClassVar, TypeVar, cast, dataclass_transform

import attrs

from ._typecheck import check_fields

__all__ = [
    "Block",
    "Emphasis",
    "EmphasisKind",
    "EventRef",
    "ItemList",
    "Link",
    "Paragraph",
    "Period",
    "Resource",
    "ResourceKind",
    "model",
]

_T = TypeVar("_T")

#: ``***bold italic***``, ``**bold**`` or ``*italic*``: markers hugging non-blank words,
#: as in Markdown.
_MARKED = re.compile(
    r"\*\*\*(?P<both>[^*\s](?:.*?[^*\s])??)\*\*\*"
    r"|\*\*(?P<bold>[^*\s](?:.*?[^*\s])??)\*\*"
    r"|\*(?P<italic>[^*\s](?:[^*]*?[^*\s])??)\*"
)

#: Field metadata key: the field's name in JSON when it differs from the attribute.
JSON_NAME = "khsmodel_json_name"


def json_name(a: attrs.Attribute) -> str:  # type: ignore[type-arg]
    """The JSON key of an attrs field."""
    return str(a.metadata.get(JSON_NAME, a.name))


@dataclass_transform(frozen_default=True, kw_only_default=True, field_specifiers=(attrs.field,))
def model(cls: type[_T]) -> type[_T]:
    """Decorator for every model class: attrs, frozen, slotted, keyword-only.

    Its ``__init__`` ends by checking every field against its annotation
    (:mod:`khsmodel._typecheck`), then runs the class's own
    ``__attrs_post_init__``, if it has one (kept as ``_khs_user_post_init``).
    """
    own = cls.__dict__.get("__attrs_post_init__") or getattr(cls, "_khs_user_post_init", None)
    if own is None:

        def __attrs_post_init__(self: object) -> None:
            check_fields(self)

    else:

        def __attrs_post_init__(self: object) -> None:
            check_fields(self)
            own(self)

    __attrs_post_init__.__doc__ = own.__doc__ if own is not None else None
    cls.__attrs_post_init__ = __attrs_post_init__  # type: ignore[attr-defined]
    cls._khs_user_post_init = own  # type: ignore[attr-defined]
    return attrs.frozen(kw_only=True)(cls)


def evolve(obj: _T, **changes: Any) -> _T:
    """``attrs.evolve`` for model classes (mypy does not see ``@model`` as attrs)."""
    return cast(_T, attrs.evolve(cast(Any, obj), **changes))


def has_own_post_init(cls: type) -> bool:
    """Whether ``__init__`` does more than store the fields (and, for a model class,
    check their types): a post-init step of the class's own."""
    if hasattr(cls, "_khs_user_post_init"):  # a model class: its type check is not one
        return cls._khs_user_post_init is not None
    return hasattr(cls, "__attrs_post_init__")


class EmphasisKind(StrEnum):
    ITALIC = "italic"
    BOLD = "bold"
    BOLD_ITALIC = "bold_italic"


@model
class Emphasis:
    """Emphasised words of a paragraph: ``text[start:end]`` (Python string indices).

    Offsets count characters (Unicode code points), as ``str`` indexing does:
    "å" and "ŋ" are one each.
    """

    start: int
    end: int
    kind: EmphasisKind = EmphasisKind.ITALIC


_KINDS = {
    "both": EmphasisKind.BOLD_ITALIC,
    "bold": EmphasisKind.BOLD,
    "italic": EmphasisKind.ITALIC,
}


@model
class Paragraph:
    """A paragraph of running text, as written; ``emphasis`` marks italic or bold words.

    >>> from khsmodel import Paragraph
    >>> p = Paragraph.with_emphasis("OSU besluttet *følgende fokusområder:*")
    >>> p.text, p.emphasis[0].start, p.emphasis[0].end
    ('OSU besluttet følgende fokusområder:', 14, 36)
    >>> p.text[p.emphasis[0].start:p.emphasis[0].end]
    'følgende fokusområder:'
    """

    KIND: ClassVar[str] = "paragraph"
    text: str
    emphasis: tuple[Emphasis, ...] = ()

    def __attrs_post_init__(self) -> None:
        end = 0
        for e in self.emphasis:
            if not end <= e.start < e.end <= len(self.text):
                from .errors import KhsModelError

                raise KhsModelError(
                    f"emphasis {e.start}–{e.end} must lie within the text (0–{len(self.text)}), "
                    f"be non-empty and come after the previous one (which ends at {end})"
                )
            end = e.end

    @classmethod
    def with_emphasis(cls, marked: str) -> Paragraph:
        """A paragraph from text with ``*italic*``, ``**bold**`` and ``***both***`` markers.

        The markers are removed from the text.

        A marker without its partner is kept as text.
        """
        text: list[str] = []
        spans: list[Emphasis] = []
        pos = 0
        for m in _MARKED.finditer(marked):
            text.append(marked[pos : m.start()])
            start = sum(map(len, text))
            group = next(g for g in ("both", "bold", "italic") if m[g] is not None)
            text.append(m[group])
            spans.append(Emphasis(start=start, end=start + len(m[group]), kind=_KINDS[group]))
            pos = m.end()
        text.append(marked[pos:])
        return cls(text="".join(text), emphasis=tuple(spans))


@model
class ItemList:
    """A bulleted (``ordered=False``) or numbered list; ``start`` is the first number."""

    KIND: ClassVar[str] = "list"
    items: tuple[str, ...]
    ordered: bool = False
    start: int = 1


#: A block of text: a paragraph or a list. Sections hold tuples of blocks.
Block = Paragraph | ItemList


@model
class EventRef:
    """A named event, possibly of a body, possibly dated: "partnerskapsmøtet 2022"."""

    name: str
    body: str | None = None
    date: dt.date | None = None


@model
class Period:
    """A span of time. Either end may be open; the end may be an event.

    ``text`` keeps the period as written ("23. september 2021 til og med
    partnerskapsmøtet 2022"). ``end_event`` is used when the period ends at an
    event rather than a date; ``end`` may then hold that event's date if known.
    """

    start: dt.date | None = None
    end: dt.date | None = None
    end_event: EventRef | None = None
    text: str | None = None

    def contains(self, day: dt.date) -> bool:
        """True when ``day`` lies inside the period (open ends are unbounded)."""
        if self.start is not None and day < self.start:
            return False
        end = self.effective_end
        return not (end is not None and day > end)

    @property
    def effective_end(self) -> dt.date | None:
        """``end``, or the end event's date when only that is known."""
        if self.end is not None:
            return self.end
        return self.end_event.date if self.end_event else None


@model
class Link:
    """A reference to a web page or file: title as written, optional URL."""

    title: str
    url: str | None = None
    description: str | None = None


class ResourceKind(StrEnum):
    """What a published resource of a partnership is."""

    MINUTES = "minutes"
    MANAGEMENT_INFORMATION = "management_information"
    PRESENTATION = "presentation"
    STATUTES = "statutes"
    MANDATE = "mandate"
    DECLARATION = "declaration"
    ANNUAL_CYCLE = "annual_cycle"
    NEWS = "news"
    REPORT = "report"
    OTHER = "other"


@model
class Resource:
    """A published resource: minutes of a body, statutes, a declaration, a report, a news page.

    ``text`` holds what the source says about it, as written.
    """

    kind: ResourceKind
    title: str
    url: str | None = None
    body: str | None = None
    date: dt.date | None = None
    period: Period | None = None
    text: tuple[Block, ...] = ()
