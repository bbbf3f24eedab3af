"""Shared building blocks: text blocks, periods, links. Private module; names re-exported."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Any, ClassVar, TypeVar, cast, dataclass_transform, overload

import attrs

from ._typecheck import DOCUMENT_CLASSES, check_fields

__all__ = [
    "LANGUAGES",
    "Block",
    "Emphasis",
    "EmphasisKind",
    "EventRef",
    "ItemList",
    "Link",
    "Paragraph",
    "PartialDate",
    "Period",
    "Precision",
    "Resource",
    "ResourceKind",
    "Season",
    "document",
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


def document(cls: type[_T]) -> type[_T]:
    """Decorator of the top-level document classes, after :func:`model`.

    Registers the class as a kind of document, which the type check of
    ``Attachment.document`` accepts (see :class:`khsmodel._typecheck.AnyDocument`);
    :data:`khsmodel.documents.DOCUMENT_TYPES` lists the same classes in their order.
    """
    DOCUMENT_CLASSES.add(cls)
    return cls


#: The languages a document can be written in (BCP 47 primary tags): Norwegian Bokmål
#: (the default), Nynorsk, Northern, Lule and South Sámi, English.
LANGUAGES: tuple[str, ...] = ("nb", "nn", "se", "smj", "sma", "en")

#: A language tag: one of :data:`LANGUAGES`, optionally with a region ("nb-NO", "en-GB").
LANGUAGE_PATTERN = r"^(nb|nn|se|smj|sma|en)(-[A-Z]{2})?$"
_LANGUAGE_RE = re.compile(LANGUAGE_PATTERN)

#: Field metadata key: extra JSON Schema keywords of the field (khsmodel.schema).
SCHEMA_EXTRA = "khsmodel_schema"
#: Field metadata key: a check of the value alone (``check(value)``), the field's whole
#: validator; the fast loader calls it inline and still fills the slots directly.
VALUE_CHECK = "khsmodel_value_check"


def check_language(tag: object) -> str:
    """``tag`` if it is a language tag a document can carry; FieldValueError otherwise.

    >>> check_language("nn")
    'nn'
    >>> check_language("no")
    Traceback (most recent call last):
    ...
    khsmodel.errors.FieldValueError: language must be a BCP 47 tag of nb, nn, se, smj, sma, en (optionally with a region, e.g. 'nb-NO'), got 'no'
    """
    if not isinstance(tag, str) or not _LANGUAGE_RE.match(tag):
        from .errors import FieldValueError

        raise FieldValueError(
            "language",
            f"language must be a BCP 47 tag of {', '.join(LANGUAGES)} (optionally with a "
            f"region, e.g. 'nb-NO'), got {tag!r}",
        )
    return tag


def _validate_language(_obj: object, _a: object, value: object) -> None:
    if isinstance(value, str):  # a value of another type is the type check's (FieldTypeError)
        check_language(value)


def language_field() -> Any:
    """The ``language`` field of every top-level document: a tag, default ``"nb"``."""
    return attrs.field(
        default="nb",
        validator=_validate_language,
        metadata={
            VALUE_CHECK: check_language,
            SCHEMA_EXTRA: {
                "pattern": LANGUAGE_PATTERN,
                "default": "nb",
                "description": "The document's language (BCP 47): nb (default), nn, se, "
                "smj, sma or en, optionally with a region (nb-NO). Exporters print "
                "their own words in it.",
            }
        },
    )


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


class Precision(StrEnum):
    """How precisely a date is known: to the day, the (ISO) week, the month, the season or the year."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"


class Season(StrEnum):
    """A season of a year as plans write it: "våren 2022", "sommeren 2022", "høsten 2014"."""

    SPRING = "spring"  # våren / våren
    SUMMER = "summer"  # sommeren / sommaren
    AUTUMN = "autumn"  # høsten / hausten


#: The months a season spans, as Norwegian plans mean them: "våren" is the first
#: half-year (the spring term), "høsten" August to December (the autumn term),
#: "sommeren" June to August; the same spans the timeframe reading gives "Våren 2022".
SEASON_MONTHS: dict[Season, tuple[int, int]] = {
    Season.SPRING: (1, 6),
    Season.SUMMER: (6, 8),
    Season.AUTUMN: (8, 12),
}

#: In JSON a season is the ISO 8601-2 (EDTF) code in the month's place: "2022-21" is spring.
_SEASON_CODES: dict[Season, int] = {Season.SPRING: 21, Season.SUMMER: 22, Season.AUTUMN: 23}
_CODE_SEASONS = {code: season for season, code in _SEASON_CODES.items()}

_PARTIAL_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


def _month_end(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


@model
class PartialDate:
    """A date known only to the year, the month or the season: "i 2009", "fra mars 2016",
    "våren 2022".

    Where the source gives no day, a field that takes a date takes a
    ``PartialDate`` too (period ends, memberships, when a partnership or body
    was established, history entries), so that nothing is invented: "i 2009"
    is ``PartialDate(year=2009)``, not 1 January 2009. Checks treat it as the
    whole year, month or season (``first``–``last``; a season spans the months
    of :data:`SEASON_MONTHS`); documents print it as given ("2009", "mars
    2016", "våren 2022"). In JSON it is the ISO 8601 reduced form, ``"2009"``
    or ``"2016-03"``, and a season its ISO 8601-2 code, ``"2022-21"`` (21
    spring, 22 summer, 23 autumn), where a full date is ``"2016-03-08"``.

    >>> from khsmodel import PartialDate, Season
    >>> d = PartialDate(year=2016, month=3)
    >>> d.first, d.last, d.isoformat(), d.precision.value
    (datetime.date(2016, 3, 1), datetime.date(2016, 3, 31), '2016-03', 'month')
    >>> PartialDate.fromisoformat("2009")
    PartialDate(year=2009, month=None, season=None)
    >>> spring = PartialDate(year=2022, season=Season.SPRING)
    >>> spring.first, spring.last, spring.isoformat()
    (datetime.date(2022, 1, 1), datetime.date(2022, 6, 30), '2022-21')
    """

    year: int
    month: int | None = None
    season: Season | None = None

    def __attrs_post_init__(self) -> None:
        from .errors import FieldValueError

        if not 1 <= self.year <= 9999:
            raise FieldValueError("year", f"year must be 1..9999, got {self.year}")
        if self.month is not None and not 1 <= self.month <= 12:
            raise FieldValueError("month", f"month must be 1..12, got {self.month}")
        if self.month is not None and self.season is not None:
            raise FieldValueError("season", "give a month or a season, not both")

    @property
    def precision(self) -> Precision:
        """:attr:`Precision.YEAR`, :attr:`Precision.SEASON` or :attr:`Precision.MONTH`."""
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR if self.season is None else Precision.SEASON

    def _months(self) -> tuple[int, int]:
        if self.month is not None:
            return self.month, self.month
        return (1, 12) if self.season is None else SEASON_MONTHS[self.season]

    @property
    def first(self) -> dt.date:
        """The first day of the year, season or month."""
        return dt.date(self.year, self._months()[0], 1)

    @property
    def last(self) -> dt.date:
        """The last day of the year, season or month."""
        return _month_end(self.year, self._months()[1])

    def isoformat(self) -> str:
        """``"2009"``, ``"2016-03"`` or ``"2022-21"`` (a season): the form written in JSON."""
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        if self.season is not None:
            return f"{self.year:04d}-{_SEASON_CODES[self.season]}"
        return f"{self.year:04d}"

    @classmethod
    def fromisoformat(cls, text: str) -> PartialDate:
        """A partial date from ``"YYYY"``, ``"YYYY-MM"`` or a season ``"YYYY-21"`` … ``"YYYY-23"``;
        ``ValueError`` on anything else."""
        m = _PARTIAL_RE.match(text)
        if m is None:
            raise ValueError(f"expected YYYY, YYYY-MM or a season YYYY-21..23, got {text!r}")
        if m[2] and int(m[2]) in _CODE_SEASONS:
            return cls(year=int(m[1]), season=_CODE_SEASONS[int(m[2])])
        return cls(year=int(m[1]), month=int(m[2]) if m[2] else None)


@overload
def first_day(d: dt.date | PartialDate) -> dt.date: ...
@overload
def first_day(d: dt.date | PartialDate | None) -> dt.date | None: ...
def first_day(d: dt.date | PartialDate | None) -> dt.date | None:
    """The earliest day ``d`` can mean: the date itself, or the first of its year or month."""
    return d.first if isinstance(d, PartialDate) else d


@overload
def last_day(d: dt.date | PartialDate) -> dt.date: ...
@overload
def last_day(d: dt.date | PartialDate | None) -> dt.date | None: ...
def last_day(d: dt.date | PartialDate | None) -> dt.date | None:
    """The latest day ``d`` can mean: the date itself, or the last of its year or month."""
    return d.last if isinstance(d, PartialDate) else d


@model
class Period:
    """A span of time. Either end may be open; the end may be an event.

    ``text`` keeps the period as written ("23. september 2021 til og med
    partnerskapsmøtet 2022"). ``end_event`` is used when the period ends at an
    event rather than a date; ``end`` may then hold that event's date if known.
    Either end may be a :class:`PartialDate` when the source gives only the
    year or month ("fra 2009"): the period then starts on the first day of it,
    and ends on the last.

    >>> import datetime as dt
    >>> from khsmodel import PartialDate, Period
    >>> p = Period(start=PartialDate(year=2009), end=PartialDate(year=2017))
    >>> p.contains(dt.date(2017, 12, 31)), p.first_day, p.last_day
    (True, datetime.date(2009, 1, 1), datetime.date(2017, 12, 31))
    """

    start: dt.date | PartialDate | None = None
    end: dt.date | PartialDate | None = None
    end_event: EventRef | None = None
    text: str | None = None

    def contains(self, day: dt.date) -> bool:
        """True when ``day`` lies inside the period (open ends are unbounded)."""
        start = self.first_day
        if start is not None and day < start:
            return False
        end = self.last_day
        return not (end is not None and day > end)

    @property
    def effective_end(self) -> dt.date | PartialDate | None:
        """``end`` as given, or the end event's date when only that is known."""
        if self.end is not None:
            return self.end
        return self.end_event.date if self.end_event else None

    @property
    def first_day(self) -> dt.date | None:
        """The first day of the period (of its start's year or month if that is partial)."""
        return first_day(self.start)

    @property
    def last_day(self) -> dt.date | None:
        """The last day of the period: of ``effective_end``, or its year or month's last day."""
        return last_day(self.effective_end)


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
