"""Small value types for the numbers of the field.

None of them is an ``int``: leading zeros, separators and prefixes carry
meaning. Each has ``parse()`` for text as printed and ``str()`` for display.

>>> OrganisationNumber.parse("894 166 762")
OrganisationNumber(value='894166762')
>>> str(KommuneNumber.parse("0219"))
'0219'
>>> CaseNumber.parse("sak21/2015")
CaseNumber(text='sak21/2015', sequence=21, year=2015)
>>> ArchiveReference.parse("2021/3288-4").document_number
4
"""

from __future__ import annotations

import re
from typing import Self

import attrs

from .errors import KhsModelError

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
        raise KhsModelError(f"organisation number must be 9 digits, got {value!r}")
    check = organisation_number_check_digit(value[:8])
    if check is None or check != int(value[8]):
        raise KhsModelError(
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
            raise KhsModelError(f"organisation number must be a string, got {type(text).__name__}")
        return cls(text.replace(" ", "").replace("\u00a0", ""))

    def __str__(self) -> str:
        return self.value

    def grouped(self) -> str:
        """The number in groups of three: ``894 166 762``."""
        v = self.value
        return f"{v[:3]} {v[3:6]} {v[6:]}"


def _check_knr(_inst: object, _attr: object, value: str) -> None:
    if not isinstance(value, str) or len(value) != 4 or not value.isascii() or not value.isdigit():
        raise KhsModelError(f"kommunenummer must be 4 digits as a string, got {value!r}")
    if value.startswith("00"):
        raise KhsModelError(
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
            raise KhsModelError(f"kommunenummer must be a string, got {type(text).__name__}")
        return cls(text.strip())

    @property
    def county(self) -> str:
        """The county (fylke) part: the first two digits."""
        return self.value[:2]

    def __str__(self) -> str:
        return self.value


_CASE_RE = re.compile(
    r"^(?P<prefix>\D*?)\s*(?P<seq>\d{1,6})\s*(?P<sep>[/-])\s*(?P<year>\d{4}|\d{2})\s*$"
)


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
    raise KhsModelError(
        f"{what} {text!r} has the year {year}, outside "
        f"{PLAUSIBLE_YEARS.start}–{PLAUSIBLE_YEARS.stop - 1}{hint}"
    )


def _require_ints(what: str, **parts: object) -> None:
    """Refuse a number's part that is not an int ("2" for a sequence), naming it."""
    for name, value in parts.items():
        if type(value) is not int:
            raise KhsModelError(f"{what} {name} must be an int, got {type(value).__name__} {value!r}")


def _expand_year(two_digit: int, reference_year: int) -> int:
    century = reference_year - reference_year % 100
    year = century + two_digit
    if year > reference_year + 1:
        year -= 100
    return year


def _parse_seq_year(text: str, what: str, reference_year: int | None) -> tuple[int, int, str]:
    if not isinstance(text, str):
        raise KhsModelError(f"{what} must be a string, got {type(text).__name__}")
    m = _CASE_RE.match(text.strip())
    if not m:
        raise KhsModelError(
            f"{what} {text!r} is not of the form sequence/year or sequence-year (e.g. '2/2016')"
        )
    year_text = m["year"]
    year = int(year_text)
    if len(year_text) == 2:
        if reference_year is None:
            raise KhsModelError(
                f"{what} {text!r} has a two-digit year; give reference_year (the meeting year)"
            )
        year = _expand_year(year, reference_year)
    _check_year(what, text, year, m["seq"])
    return int(m["seq"]), year, m["prefix"].strip()


def _check_case_text(inst: CaseNumber | ArchiveReference, _attr: object, text: str) -> None:
    if not isinstance(text, str) or not text.strip():
        raise KhsModelError("the number as written must be a non-empty string")


@attrs.frozen
class CaseNumber:
    """A meeting case number (møtesaksnummer): ``"2/2016"``, ``"07-2021"``, ``"sak21/2015"``.

    ``text`` is kept as written; ``sequence`` and ``year`` are its parts.
    Belongs to a body's case series; it is *not* an archive reference.
    """

    text: str = attrs.field(validator=_check_case_text)
    sequence: int
    year: int

    def __attrs_post_init__(self) -> None:
        _require_ints("case number", sequence=self.sequence, year=self.year)
        if self.sequence < 1:
            raise KhsModelError(f"case number {self.text!r}: sequence {self.sequence}; cases count from 1")
        m = _CASE_RE.match(self.text.strip())
        if not m:
            raise KhsModelError(
                f"case number {self.text!r} is not of the form sequence/year (e.g. '2/2016')"
            )
        year_text = m["year"]
        if int(m["seq"]) != self.sequence:
            raise KhsModelError(
                f"case number {self.text!r} does not match sequence {self.sequence}"
            )
        matches = (
            int(year_text) == self.year
            if len(year_text) == 4
            else int(year_text) == self.year % 100
        )
        if not matches:
            raise KhsModelError(f"case number {self.text!r} does not match year {self.year}")
        _check_year("case number", self.text, self.year, m["seq"])

    @classmethod
    def parse(cls, text: str, *, reference_year: int | None = None) -> Self:
        """Parse a case number as written. Two-digit years need ``reference_year``."""
        seq, year, _prefix = _parse_seq_year(text, "case number", reference_year)
        return cls(text=text, sequence=seq, year=year)

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
            raise KhsModelError(
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
            raise KhsModelError(
                f"archive reference {self.text!r} does not match year {self.year}, "
                f"sequence {self.sequence}, document number {self.document_number}"
            )
        _check_year("archive reference", self.text, self.year, year_text)

    @classmethod
    def parse(cls, text: str, *, reference_year: int | None = None) -> Self:
        if not isinstance(text, str):
            raise KhsModelError(f"archive reference must be a string, got {type(text).__name__}")
        m = _ARCHIVE_RE.match(text.strip())
        if not m:
            raise KhsModelError(
                f"archive reference {text!r} is not of the form year/sequence (e.g. '2021/3288')"
            )
        year = int(m["year"])
        if len(m["year"]) == 2:
            if reference_year is None:
                raise KhsModelError(
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
            raise KhsModelError(
                f"journal number year {self.year} is outside {PLAUSIBLE_YEARS.start}–"
                f"{PLAUSIBLE_YEARS.stop - 1} (an 'Lnr. 8687/16' is year 2016, sequence 8687)"
            )
        if self.sequence < 1:
            raise KhsModelError(f"journal number sequence {self.sequence}: it counts from 1")

    def __str__(self) -> str:
        return f"{self.year}/{self.sequence}"
