"""Strategies for :mod:`khsmodel.identifiers`: organisation, kommune, case,
archive and journal numbers."""

from __future__ import annotations

from hypothesis import strategies as st

from ..identifiers import (
    ArchiveReference,
    CaseNumber,
    JournalNumber,
    KommuneNumber,
    OrganisationNumber,
    organisation_number_check_digit,
)
from ._draw import _bool, _int, _maybe, _one_in, _pick
from ._vocabulary import _MUNICIPALITIES, MAX_DATE, MIN_DATE


def _orgnr(draw: st.DrawFn) -> OrganisationNumber:
    first = _pick(draw, "98") if _bool(draw) else str(_int(draw, 0, 9))
    eight = first + f"{_int(draw, 0, 9_999_999):07d}"
    check = organisation_number_check_digit(eight)
    if check is None:  # no valid number has these eight digits: change the eighth
        eight = eight[:7] + str((int(eight[7]) + 1) % 10)
        check = organisation_number_check_digit(eight)
        assert check is not None  # changing digit 8 by one moves the remainder by 2
    return OrganisationNumber(eight + str(check))


@st.composite
def organisation_numbers(draw: st.DrawFn) -> OrganisationNumber:
    """Valid organisation numbers (mod-11); most start with 8 or 9 as numbers in use do."""
    return _orgnr(draw)


_COUNTIES = ("03", "11", "15", "18", "31", "32", "33", "34", "39", "40", "42", "46", "50", "55",
             "56", "01", "02", "04", "05", "06", "07", "08", "09", "10", "12", "14", "16", "17",
             "19", "20", "30", "38", "54")  # fmt: skip


@st.composite
def kommune_numbers(draw: st.DrawFn) -> KommuneNumber:
    """Kommunenummer: real ones ("3024", "1875", "5612") and county + two digits ("0219")."""
    if _bool(draw):
        return KommuneNumber(_pick(draw, _MUNICIPALITIES).kommune_number or "0219")
    return KommuneNumber(f"{_pick(draw, _COUNTIES)}{_int(draw, 1, 99):02d}")


#: Prefixes of case numbers as agendas write them (shared/domain/field-phrases.md §3),
#: with the North Sámi "Ášši" (case) for the letters; "" is a bare number.
_CASE_PREFIXES = (
    "", "sak", "sak ", "Sak ", "PS ", "RS ", "OS-sak ", "SR-sak ", "OSO sak ", "K. sak ",
    "Styresak nr: ", "sak KS-", "Sak HS ", "sak PS ", "Saksnr.: ", "Partnerskapsmøte sak ",
    "Ášši ",
)  # fmt: skip


def _case_number(draw: st.DrawFn, year: int, seq: int) -> CaseNumber:
    yy = year % 100
    prefix = _pick(draw, _CASE_PREFIXES)
    number = _pick(draw, (
        f"{seq}/{year}", f"{seq:02d}-{year}", f"{seq:03d}-{year}", f"{seq:03d}/{yy:02d}",
        f"{seq}-{yy:02d}", f"{seq:02d}/{yy:02d}",
        # year first ("Sak 2014/15") is read so only after a prefix
        *([f"{year}/{seq:02d}", f"{year}/{seq}"] if prefix and seq < 1000 else []),
    ))  # fmt: skip
    return CaseNumber(text=prefix + number, sequence=seq, year=year)


@st.composite
def case_numbers(
    draw: st.DrawFn,
    *,
    year: int | None = None,
    sequence: int | None = None,
    max_sequence: int = 120,
) -> CaseNumber:
    """Meeting case numbers as written, with a prefix or bare: "2/2016", "07-2021",
    "OSO sak 004-2021", "sak21/2015", "PS 021/15", "Sak 02-14", "OS-sak 5/2023", and
    year first after a prefix ("Sak 2014/15"). Two-digit years are of ``year``'s
    century window: ``CaseNumber.parse(text, reference_year=year)`` reads them back."""
    year = year if year is not None else _int(draw, MIN_DATE.year, MAX_DATE.year)
    seq = sequence if sequence is not None else _int(draw, 1, max_sequence)
    return _case_number(draw, year, seq)


def _archive_reference(draw: st.DrawFn, max_year: int) -> ArchiveReference:
    year = _int(draw, MIN_DATE.year, max_year)
    seq = _int(draw, 1, 99999)
    doc = _maybe(draw, lambda: _int(draw, 1, 40))
    year_text = f"{year % 100:02d}" if _one_in(draw, 4) else str(year)
    text = f"{year_text}/{seq}" + (f"-{doc}" if doc is not None else "")
    return ArchiveReference(text=text, year=year, sequence=seq, document_number=doc)


@st.composite
def archive_references(draw: st.DrawFn, *, max_year: int = MAX_DATE.year) -> ArchiveReference:
    """Archive references: "2021/3288", "2021/3288-4", "09/810" (two-digit year)."""
    return _archive_reference(draw, max_year)


@st.composite
def journal_numbers(draw: st.DrawFn) -> JournalNumber:
    """Journal numbers (journalår + sekvensnummer)."""
    return JournalNumber(
        year=_int(draw, MIN_DATE.year, MAX_DATE.year), sequence=_int(draw, 1, 99999)
    )
