"""Small value types for the numbers of the field.

None of them is an ``int``: leading zeros, separators and prefixes carry
meaning. Each has ``parse()`` for text as printed and ``str()`` for display.

>>> OrganisationNumber.parse("894 166 762")
OrganisationNumber(value='894166762')
>>> str(KommuneNumber.parse("0219"))
'0219'
>>> CaseNumber.parse("sak21/2015")
CaseNumber(text='sak21/2015', sequence=21, year=2015, prefix='sak')
>>> ArchiveReference.parse("2021/3288-4").document_number
4
"""

from __future__ import annotations

import re
from typing import Self

import attrs

from .errors import IdentifierError, KhsModelError

__all__ = [
    "ArchiveReference",
    "CaseNumber",
    "JournalNumber",
    "KommuneNumber",
    "OrganisationNumber",
    "organisation_number_check_digit",
]

_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def organisation_number_check_digit(first_eight: str) -> int | None:
    """Mod-11 check digit for the first eight digits, or None when no valid number exists."""
    total = sum(int(d) * w for d, w in zip(first_eight, _WEIGHTS, strict=True))
    remainder = total % 11
    if remainder == 0:
        return 0
    if remainder == 1:
        return None
    return 11 - remainder


def _check_orgnr(_inst: object, _attr: object, value: str) -> None:
    if not isinstance(value, str) or len(value) != 9 or not value.isascii() or not value.isdigit():
        raise IdentifierError("organisation number", value, f"organisation number must be 9 digits, got {value!r}")
    check = organisation_number_check_digit(value[:8])
    if check is None or check != int(value[8]):
        raise IdentifierError("organisation number", value,
            f"organisation number {value!r} fails the mod-11 check"
            + ("" if check is None else f" (check digit should be {check})")
        )


@attrs.frozen
class OrganisationNumber:
    """Norwegian organisation number (organisasjonsnummer): 9 digits, mod-11 check digit."""

    value: str = attrs.field(validator=_check_orgnr)

    @classmethod
    def parse(cls, text: str) -> Self:
        """Parse a number as printed: spaces (``"894 166 762"``) are allowed."""
        if not isinstance(text, str):
            raise IdentifierError("organisation number", text, f"organisation number must be a string, got {type(text).__name__}")
        return cls(text.replace(" ", "").replace("\u00a0", ""))

    def __str__(self) -> str:
        return self.value

    def grouped(self) -> str:
        """The number in groups of three: ``894 166 762``."""
        v = self.value
        return f"{v[:3]} {v[3:6]} {v[6:]}"


def _check_knr(_inst: object, _attr: object, value: str) -> None:
    if not isinstance(value, str) or len(value) != 4 or not value.isascii() or not value.isdigit():
        raise IdentifierError("kommunenummer", value, f"kommunenummer must be 4 digits as a string, got {value!r}")
    if value.startswith("00"):
        raise IdentifierError("kommunenummer", value,
            f"kommunenummer {value!r} has no county part (county 00 does not exist)"
        )


@attrs.frozen
class KommuneNumber:
    """Municipality number (kommunenummer): 4 digits, the first two the county.

    A kommunenummer is only meaningful with a date: numbers changed on
    1 January 2020 and 1 January 2024.
    """

    value: str = attrs.field(validator=_check_knr)

    @classmethod
    def parse(cls, text: str) -> Self:
        if not isinstance(text, str):
            raise IdentifierError("kommunenummer", text, f"kommunenummer must be a string, got {type(text).__name__}")
        return cls(text.strip())

    @property
    def county(self) -> str:
        """The county (fylke) part: the first two digits."""
        return self.value[:2]

    def __str__(self) -> str:
        return self.value


#: A case number as written: a prefix as written (no digits: "PS", "Sak", "OS-sak",
#: "Styresak nr:"), then two numbers joined by "/" or "-": "3/2021", "02-14", "2014/15".
_CASE_RE = re.compile(
    r"^(?P<prefix>\D*?)\s*(?P<first>\d{1,6})\s*(?P<sep>[/-])\s*(?P<second>\d{1,6})\s*$"
)
#: Labels of a prefix that say the number is not a meeting case number but an
#: archive or journal reference ("Arkivsaksnr.:", "Vår ref.:", "Saksmappe:", "L.nr.:",
#: "Jnr") or the number of a meeting or its minutes ("Møte: 6/2014", "protokoll nr.
#: 02/14", the OCR-damaged "Prtkll 3/2012"); see shared/domain/numbering.md.
_ARCHIVE_LABEL = re.compile(r"arkiv|\bref\b|saksmappe|\bjnr\b|\bl\.?\s?nr\b|løpenr", re.I)
_MEETING_LABEL = re.compile(r"(?:\bpro?to?ko?ll|\bmøte)\s*(?:nr\.?)?\s*:?$", re.I)
#: A range of cases: "32/14-46/14", "206/12-243/12", "47-55/14".
_RANGE_RE = re.compile(r"\d+\s*(?:/\s*(?P<y1>\d+)\s*)?-\s*\d+\s*/\s*(?P<y2>\d+)")
_NUMBER_RE = re.compile(r"\d+\s*[/-]\s*\d+")
_LEADING_RE = re.compile(r"^\D*?\s*\d+\s*[/-]\s*\d+")


#: Years a case or archive number can plausibly have: a wider range is a misreading,
#: usually an archive reference ("2021/3288", year first) read as a case number.
PLAUSIBLE_YEARS = range(1900, 2101)


def _check_year(what: str, text: str, year: int, first: str) -> None:
    if year in PLAUSIBLE_YEARS:
        return
    hint = ""
    if what == "case number" and first.isdigit() and int(first) in PLAUSIBLE_YEARS:
        hint = (
            f"; {text.strip()!r} looks like an archive reference (year/sequence): "
            "use ArchiveReference"
        )
    raise IdentifierError(what, text,
        f"{what} {text!r} has the year {year}, outside "
        f"{PLAUSIBLE_YEARS.start}–{PLAUSIBLE_YEARS.stop - 1}{hint}",
        use="ArchiveReference" if hint else None,
    )


def _require_ints(what: str, **parts: object) -> None:
    """Refuse a number's part that is not an int ("2" for a sequence), naming it."""
    for name, value in parts.items():
        if type(value) is not int:
            raise IdentifierError(what, value, f"{what} {name} must be an int, got {type(value).__name__} {value!r}")


def _expand_year(two_digit: int, reference_year: int) -> int:
    century = reference_year - reference_year % 100
    year = century + two_digit
    if year > reference_year + 1:
        year -= 100
    return year


def _case_shape_error(text: str) -> KhsModelError:
    """Why ``text`` is not a case number, as precisely as its shape tells."""
    stripped = text.strip()
    expected = "; a case number is sequence/year or sequence-year ('2/2016', 'PS 57/15')"
    if not any(c.isdigit() for c in stripped):
        return IdentifierError("case number", text, f"case number {text!r} has no number{expected}")
    rng = _RANGE_RE.search(stripped)
    if rng and (rng["y1"] is None or int(rng["y1"]) == int(rng["y2"])):
        return IdentifierError("case number", text,
            f"case number {text!r} is a range of cases ({rng[0]!r}); give each case on its own"
        )
    numbers = _NUMBER_RE.findall(stripped)
    if len(numbers) > 1:
        return IdentifierError("case number", text,
            f"case number {text!r} holds {len(numbers)} numbers "
            f"({', '.join(repr(n) for n in numbers)}); give one case number"
        )
    lead = _LEADING_RE.match(stripped)
    rest = stripped[lead.end() :].strip() if lead else ""
    if rest:
        return IdentifierError("case number", text,
            f"case number {text!r} has text after the number ({rest!r}); give the case "
            "number alone (a title or a letter suffix such as '037/04 B' is not part of it)"
        )
    if re.search(r"\d\s*[/-]\s*$", stripped):
        return IdentifierError("case number", text, f"case number {text!r} has no year after the separator{expected}")
    return IdentifierError("case number", text, f"case number {text!r} is not of the form sequence/year{expected}")


def _year_digits_error(text: str, year: str) -> KhsModelError:
    return IdentifierError("case number", text,
        f"case number {text!r} has the year {year!r}: a year has 2 or 4 digits "
        "('2/2016', '021/15')"
    )


def _label_error(text: str, prefix: str) -> KhsModelError | None:
    """An error when the prefix labels another numbering scheme than a meeting case number."""
    if _ARCHIVE_LABEL.search(prefix):
        return IdentifierError("case number", text,
            f"case number {text!r} is labelled {prefix!r}: an archive or journal reference, "
            "not a meeting case number; use ArchiveReference",
            use="ArchiveReference",
        )
    if _MEETING_LABEL.search(prefix):
        return IdentifierError("case number", text,
            f"case number {text!r} is labelled {prefix!r}: the number of a meeting or of "
            "its minutes, not a case number"
        )
    return None


def _year_first_shape(m: re.Match[str]) -> bool:
    """Whether the number can be read year first, "Sak 2014/15": a 4-digit year (no
    leading zero) in PLAUSIBLE_YEARS, "/", and a sequence of 1-3 digits. A longer
    sequence ("2021/3288") is an archive reference's, never a meeting's."""
    first, second = m["first"], m["second"]
    return (
        m["sep"] == "/"
        and len(first) == 4
        and first[0] != "0"
        and int(first) in PLAUSIBLE_YEARS
        and len(second) <= 3
    )


def _check_case_text(inst: CaseNumber | ArchiveReference, _attr: object, text: str) -> None:
    if not isinstance(text, str) or not text.strip():
        raise IdentifierError("case number" if isinstance(inst, CaseNumber) else "archive reference", text, "the number as written must be a non-empty string")


def _year_matches(year_text: str, year: int) -> bool:
    return int(year_text) == (year if len(year_text) == 4 else year % 100)


@attrs.frozen
class CaseNumber:
    """A meeting case number (møtesaksnummer) as agendas write it: ``"PS 3/2021"``, ``"02-14"``.

    Forms read: ``"2/2016"``, ``"07-2021"``, ``"sak21/2015"``, ``"Sak 02-14"``,
    ``"OS-sak 5/2023"``, ``"Styresak nr: 111/02"``, and year first ``"Sak 2014/15"``.
    ``text`` is kept as written and is what ``str()`` prints; ``sequence`` and
    ``year`` are its parts, and ``prefix`` the words before the number as written
    (``"PS"``, ``"OS-sak"``, ``"Styresak nr:"``), or None when there are none. The
    prefix is read from ``text``: given to the constructor, it must be the same.
    Belongs to a body's case series; it is *not* an archive reference.
    """

    text: str = attrs.field(validator=_check_case_text)
    sequence: int
    year: int
    prefix: str | None = None

    def __attrs_post_init__(self) -> None:
        _require_ints("case number", sequence=self.sequence, year=self.year)
        if self.prefix is not None and type(self.prefix) is not str:
            raise IdentifierError("case number", self.prefix,
                f"case number prefix must be a string, got {type(self.prefix).__name__}"
            )
        if self.sequence < 1:
            raise IdentifierError("case number", self.text, f"case number {self.text!r}: sequence {self.sequence}; cases count from 1")
        stripped = self.text.strip()
        m = _CASE_RE.match(stripped)
        if not m:
            raise _case_shape_error(self.text)
        if len(m["second"]) not in (2, 4) and not _year_first_shape(m):
            raise _year_digits_error(self.text, m["second"])
        first, second = m["first"], m["second"]
        seq_first = len(second) in (2, 4) and int(first) == self.sequence
        year_first = _year_first_shape(m) and int(second) == self.sequence
        if not seq_first and not year_first:
            raise IdentifierError("case number", self.text,
                f"case number {self.text!r} does not match sequence {self.sequence}"
            )
        if not (
            (seq_first and _year_matches(second, self.year))
            or (year_first and int(first) == self.year)
        ):
            raise IdentifierError("case number", self.text, f"case number {self.text!r} does not match year {self.year}")
        _check_year("case number", self.text, self.year, first)
        prefix = stripped[: m.start("first")].strip() or None
        if self.prefix is not None and self.prefix != prefix:
            raise IdentifierError("case number", self.text,
                f"case number {self.text!r} does not match prefix {self.prefix!r} "
                f"(the text has {'none' if prefix is None else repr(prefix)})"
            )
        object.__setattr__(self, "prefix", prefix)

    @classmethod
    def parse(
        cls, text: str, *, reference_year: int | None = None, year_first: bool | None = None
    ) -> Self:
        """Parse a case number as written, keeping its prefix.

        Two-digit years need ``reference_year`` (the meeting year). A number written
        year first ("Sak 2014/15", "PS 2012/16") is read so when it carries a
        prefix; a bare "2014/15" is ambiguous (an archive reference, or case 2014
        of 2015) and needs ``year_first``. A prefix labelling another scheme
        ("Arkivsaksnr.:", "Vår ref.:", "protokoll nr.") is refused.
        """
        if not isinstance(text, str):
            raise IdentifierError("case number", text, f"case number must be a string, got {type(text).__name__}")
        stripped = text.strip()
        m = _CASE_RE.match(stripped)
        lead = re.match(r"\D*", stripped)
        prefix = lead[0].strip() if lead else ""
        if prefix and (label := _label_error(text, prefix)):
            raise label
        if not m:
            raise _case_shape_error(text)
        first, second = m["first"], m["second"]
        if year_first is None:
            if _year_first_shape(m) and not prefix:
                raise IdentifierError("case number", text,
                    f"case number {text!r} starts with a year: an archive reference "
                    "(use ArchiveReference), or a case number written year first; "
                    "for the latter give year_first=True",
                    use="ArchiveReference",
                )
            year_first = _year_first_shape(m)
        if year_first:
            if not _year_first_shape(m):
                raise IdentifierError("case number", text,
                    f"case number {text!r} is not of the form year/sequence "
                    "(a 4-digit year, '/', a sequence of up to 3 digits: 'Sak 2014/15')"
                )
            return cls(text=text, sequence=int(second), year=int(first))
        if len(second) not in (2, 4):
            raise _year_digits_error(text, second)
        year = int(second)
        if len(second) == 2:
            if reference_year is None:
                raise IdentifierError("case number", text,
                    f"case number {text!r} has a two-digit year; give reference_year "
                    "(the meeting year)"
                )
            year = _expand_year(year, reference_year)
        _check_year("case number", text, year, first)
        return cls(text=text, sequence=int(first), year=year)

    @property
    def canonical(self) -> str:
        """``sequence/year`` without prefix or padding: ``"21/2015"``."""
        return f"{self.sequence}/{self.year}"

    def __str__(self) -> str:
        return self.text


@attrs.frozen
class ArchiveReference:
    """An archive case reference (arkivsaksnummer, "Vår ref"): ``"2021/3288"``.

    ``year`` is the Noark 5 saksår (the year the case was opened), ``sequence``
    the sakssekvensnummer, ``document_number`` the journalpostnummer of a
    ``"2021/3288-4"`` suffix.
    """

    text: str = attrs.field(validator=_check_case_text)
    year: int
    sequence: int
    document_number: int | None = None

    def __attrs_post_init__(self) -> None:
        parsed = _ARCHIVE_RE.match(self.text.strip())
        if not parsed:
            raise IdentifierError("archive reference", self.text,
                f"archive reference {self.text!r} is not of the form year/sequence (e.g. '2021/3288')"
            )
        year_text = parsed["year"]
        ok = (
            (
                int(year_text) == self.year
                if len(year_text) == 4
                else int(year_text) == self.year % 100
            )
            and int(parsed["seq"]) == self.sequence
            and (int(parsed["doc"]) if parsed["doc"] else None) == self.document_number
        )
        if not ok:
            raise IdentifierError("archive reference", self.text,
                f"archive reference {self.text!r} does not match year {self.year}, "
                f"sequence {self.sequence}, document number {self.document_number}"
            )
        _check_year("archive reference", self.text, self.year, year_text)

    @classmethod
    def parse(cls, text: str, *, reference_year: int | None = None) -> Self:
        if not isinstance(text, str):
            raise IdentifierError("archive reference", text, f"archive reference must be a string, got {type(text).__name__}")
        m = _ARCHIVE_RE.match(text.strip())
        if not m:
            raise IdentifierError("archive reference", text,
                f"archive reference {text!r} is not of the form year/sequence (e.g. '2021/3288')"
            )
        year = int(m["year"])
        if len(m["year"]) == 2:
            if reference_year is None:
                raise IdentifierError("archive reference", text,
                    f"archive reference {text!r} has a two-digit year; give reference_year"
                )
            year = _expand_year(year, reference_year)
        _check_year("archive reference", text, year, m["year"])
        doc = int(m["doc"]) if m["doc"] else None
        return cls(text=text, year=year, sequence=int(m["seq"]), document_number=doc)

    @property
    def number(self) -> str:
        """The reference without a label it was written with: ``"2021/3288"`` of
        ``"Vår ref: 2021/3288"`` (the digits as written, two-digit years kept)."""
        m = _ARCHIVE_RE.match(self.text.strip())
        assert m is not None  # checked on construction
        return self.text.strip()[m.end("prefix") :].strip()

    def __str__(self) -> str:
        return self.text


#: "2021/3288", "2021/3288-4", and as printed with a label: "Vår ref: 2021/3288",
#: "Arkivsaksnr.: 09/810", "ArkivsakID 15/166", "Saksmappe nr: 2010/32", "2021 / 3288".
_ARCHIVE_RE = re.compile(
    r"^(?P<prefix>\D*?)\s*(?P<year>\d{4}|\d{2})\s*/\s*(?P<seq>\d{1,7})(?:-(?P<doc>\d{1,5}))?$"
)


@attrs.frozen
class JournalNumber:
    """A journal number: journalår (M013) and journalsekvensnummer (M014), a running
    number per year over the whole journal; ``str()`` gives ``"2016/8687"``.

    Municipal papers print an "Lnr.: 8687/16" (sequence first, two-digit year) that
    may be this number (unverified, see shared/domain/numbering.md); give it as
    ``JournalNumber(year=2016, sequence=8687)``. The year must lie in 1900–2100 and
    the sequence count from 1, so "8687/16" read the wrong way round is refused.
    """

    year: int
    sequence: int

    def __attrs_post_init__(self) -> None:
        _require_ints("journal number", year=self.year, sequence=self.sequence)
        if self.year not in PLAUSIBLE_YEARS:
            raise IdentifierError("journal number", self.year,
                f"journal number year {self.year} is outside {PLAUSIBLE_YEARS.start}–"
                f"{PLAUSIBLE_YEARS.stop - 1} (an 'Lnr. 8687/16' is year 2016, sequence 8687)"
            )
        if self.sequence < 1:
            raise IdentifierError("journal number", self.sequence, f"journal number sequence {self.sequence}: it counts from 1")

    def __str__(self) -> str:
        return f"{self.year}/{self.sequence}"
