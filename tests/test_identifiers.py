"""Identifiers: organisation number (mod-11), kommunenummer, case number, archive reference."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from _needs import require_shared, shared_dir
from hypothesis import given
from hypothesis import strategies as st

from khsmodel import (
    ArchiveReference,
    CaseNumber,
    KhsModelError,
    KommuneNumber,
    OrganisationNumber,
)
from khsmodel import strategies as ks
from khsmodel.identifiers import organisation_number_check_digit

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "documents"
PARTIES_CSV = shared_dir("domain/parties.csv")


def _mod11_valid(number: str) -> bool:
    """The rule written out independently: weights 3 2 7 6 5 4 3 2, r = 0 → 0, r = 1 → none."""
    weights = (3, 2, 7, 6, 5, 4, 3, 2)
    remainder = sum(int(d) * w for d, w in zip(number[:8], weights, strict=True)) % 11
    check = 0 if remainder == 0 else 11 - remainder
    return check != 10 and check == int(number[8])


# ---------------------------------------------------------------------------
# Organisation number
# ---------------------------------------------------------------------------


def test_bronnoysund_example_is_valid() -> None:
    assert organisation_number_check_digit("12345678") == 5
    assert OrganisationNumber("123456785").value == "123456785"


def test_wrong_asker_number_fails_the_check() -> None:
    """820397631 was found for Asker kommune in a public repository: wrong data."""
    with pytest.raises(KhsModelError, match="mod-11"):
        OrganisationNumber("820397631")


def test_parse_allows_spaces_as_printed() -> None:
    assert OrganisationNumber.parse("894 166 762") == OrganisationNumber("894166762")
    assert OrganisationNumber.parse("894\u00a0166\u00a0762").grouped() == "894 166 762"
    assert str(OrganisationNumber.parse("983974910")) == "983974910"


@pytest.mark.parametrize(
    "bad", ["", "12345678", "1234567850", "12345678x", "١٢٣٤٥٦٧٨٥", "123-456-785", "123456784"]
)
def test_bad_organisation_numbers_are_rejected(bad: str) -> None:
    with pytest.raises(KhsModelError, match="organisation number"):
        OrganisationNumber.parse(bad)


def test_organisation_number_must_be_a_string() -> None:
    with pytest.raises(KhsModelError, match="must be a string"):
        OrganisationNumber.parse(894166762)  # type: ignore[arg-type]


def test_no_number_exists_when_the_check_digit_would_be_10() -> None:
    eight = "10000030"  # 1*3 + 3*3 = 12, remainder 1: the check digit would be 10
    assert sum(int(d) * w for d, w in zip(eight, (3, 2, 7, 6, 5, 4, 3, 2), strict=True)) % 11 == 1
    assert organisation_number_check_digit(eight) is None
    for last in "0123456789":
        with pytest.raises(KhsModelError, match="mod-11"):
            OrganisationNumber(eight + last)


def test_every_organisation_number_in_parties_csv_is_valid() -> None:
    with require_shared(PARTIES_CSV).open(encoding="utf-8", newline="") as f:
        numbers = {row["organisasjonsnummer"] for row in csv.DictReader(f)} - {""}
    assert len(numbers) > 40  # the file lists many; an empty read would prove nothing
    for number in sorted(numbers):
        assert OrganisationNumber.parse(number).value == number
        assert _mod11_valid(number), number


@given(ks.organisation_numbers())
def test_generated_organisation_numbers_are_valid(number: OrganisationNumber) -> None:
    assert _mod11_valid(number.value)
    assert OrganisationNumber.parse(number.grouped()) == number


@given(ks.organisation_numbers(), st.integers(0, 8), st.integers(1, 9))
def test_changing_one_digit_keeps_validity_only_where_mod11_says_so(
    number: OrganisationNumber, position: int, delta: int
) -> None:
    digits = list(number.value)
    digits[position] = str((int(digits[position]) + delta) % 10)
    changed = "".join(digits)
    if _mod11_valid(changed):
        assert OrganisationNumber(changed).value == changed
    else:
        with pytest.raises(KhsModelError):
            OrganisationNumber(changed)
    if position == 8:  # a changed check digit is always wrong: there is one check digit
        assert not _mod11_valid(changed)


def test_a_single_changed_digit_is_always_detected() -> None:
    """Mod 11 with weights coprime to 11 detects every single-digit error."""
    for value in ("894166762", "983974910", "935478715", "123456785"):
        for position in range(9):
            for delta in range(1, 10):
                digits = list(value)
                digits[position] = str((int(digits[position]) + delta) % 10)
                assert not _mod11_valid("".join(digits))


# ---------------------------------------------------------------------------
# Kommunenummer
# ---------------------------------------------------------------------------


def test_kommunenummer_keeps_leading_zero() -> None:
    number = KommuneNumber.parse("0219")
    assert number.value == "0219" and str(number) == "0219" and number.county == "02"
    assert KommuneNumber.parse(" 1875 ").value == "1875"


@pytest.mark.parametrize("bad", ["219", "02190", "02a9", "0019", "", "٠٢١٩"])
def test_bad_kommunenummer_is_rejected(bad: str) -> None:
    with pytest.raises(KhsModelError, match="kommunenummer"):
        KommuneNumber.parse(bad)


def test_kommunenummer_must_be_a_string() -> None:
    with pytest.raises(KhsModelError, match="must be a string"):
        KommuneNumber.parse(219)  # type: ignore[arg-type]


@given(ks.kommune_numbers())
def test_generated_kommune_numbers_are_well_formed(number: KommuneNumber) -> None:
    assert len(number.value) == 4 and number.value.isdigit() and number.county != "00"
    assert KommuneNumber.parse(number.value) == number


# ---------------------------------------------------------------------------
# Meeting case numbers and archive references
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sequence", "year", "canonical"),
    [
        ("2/2016", 2, 2016, "2/2016"),
        ("07-2021", 7, 2021, "7/2021"),
        ("004-2021", 4, 2021, "4/2021"),
        ("sak21/2015", 21, 2015, "21/2015"),
        ("OSO sak 004-2021", 4, 2021, "4/2021"),
    ],
)
def test_case_number_parse(text: str, sequence: int, year: int, canonical: str) -> None:
    number = CaseNumber.parse(text)
    assert (number.sequence, number.year, number.canonical) == (sequence, year, canonical)
    assert number.text == text and str(number) == text


def test_case_number_with_two_digit_year_needs_reference_year() -> None:
    with pytest.raises(KhsModelError, match="reference_year"):
        CaseNumber.parse("021/15")
    number = CaseNumber.parse("021/15", reference_year=2015)
    assert (number.sequence, number.year, number.text) == (21, 2015, "021/15")
    assert CaseNumber.parse("57/09", reference_year=2009).year == 2009
    assert CaseNumber.parse("57/99", reference_year=2009).year == 1999  # not in the future


@pytest.mark.parametrize("bad", ["", "2016", "2/", "/2016", "2/20161", "sak", "2 2016", "2/2016/1"])
def test_bad_case_numbers_are_rejected(bad: str) -> None:
    with pytest.raises(KhsModelError, match="case number"):
        CaseNumber.parse(bad, reference_year=2016)


def test_case_number_parts_must_match_the_text() -> None:
    with pytest.raises(KhsModelError, match="does not match year"):
        CaseNumber(text="2/2016", sequence=2, year=2017)
    with pytest.raises(KhsModelError, match="does not match sequence"):
        CaseNumber(text="2/2016", sequence=3, year=2016)


@given(ks.case_numbers())
def test_generated_case_numbers_parse_back(number: CaseNumber) -> None:
    assert CaseNumber.parse(number.text, reference_year=number.year) == number
    assert number.canonical == f"{number.sequence}/{number.year}"


@pytest.mark.parametrize(
    ("text", "year", "sequence", "document"),
    [("2021/3288", 2021, 3288, None), ("2021/3288-4", 2021, 3288, 4)],
)
def test_archive_reference_parse(text: str, year: int, sequence: int, document: int | None) -> None:
    ref = ArchiveReference.parse(text)
    assert (ref.year, ref.sequence, ref.document_number, ref.text) == (
        year,
        sequence,
        document,
        text,
    )


def test_archive_reference_with_two_digit_year() -> None:
    with pytest.raises(KhsModelError, match="reference_year"):
        ArchiveReference.parse("09/810")
    ref = ArchiveReference.parse("09/810", reference_year=2009)
    assert (ref.year, ref.sequence, ref.text) == (2009, 810, "09/810")


@pytest.mark.parametrize(
    ("text", "number", "year", "sequence"),
    [
        ("Vår ref: 2021/3288", "2021/3288", 2021, 3288),  # seed 004 as printed
        ("Arkivsaksnr.: 09/810", "09/810", 2009, 810),
        ("ArkivsakID 15/166", "15/166", 2015, 166),
        ("Saksmappe nr: 2010/32", "2010/32", 2010, 32),
        ("2021 / 3288", "2021 / 3288", 2021, 3288),
    ],
)
def test_archive_references_written_with_a_label(
    text: str, number: str, year: int, sequence: int
) -> None:
    """numbering.md's printed forms: the text is kept as written, ``number`` drops the label."""
    ref = ArchiveReference.parse(text, reference_year=2021)
    assert (ref.text, ref.number, ref.year, ref.sequence) == (text, number, year, sequence)


def test_case_numbers_count_from_one() -> None:
    with pytest.raises(KhsModelError, match="count from 1"):
        CaseNumber.parse("0/2016")
    with pytest.raises(KhsModelError, match="count from 1"):
        CaseNumber(text="0/2016", sequence=0, year=2016)


@pytest.mark.parametrize("bad", ["", "2021", "2021-3288", "3288/2021/1", "2021/", "2021/3288 sak"])
def test_bad_archive_references_are_rejected(bad: str) -> None:
    with pytest.raises(KhsModelError, match="archive reference"):
        ArchiveReference.parse(bad, reference_year=2021)


@given(ks.archive_references())
def test_generated_archive_references_parse_back(ref: ArchiveReference) -> None:
    assert ArchiveReference.parse(ref.text, reference_year=ref.year) == ref


def test_case_number_with_an_implausible_year_is_refused_with_a_hint() -> None:
    with pytest.raises(KhsModelError, match="looks like an archive reference") as info:
        CaseNumber.parse("2021/3288")
    assert "year 3288, outside 1900–2100" in str(info.value)
    with pytest.raises(KhsModelError, match="year 1850"):
        CaseNumber(text="4/1850", sequence=4, year=1850)
    with pytest.raises(KhsModelError, match="year 1850"):
        ArchiveReference.parse("1850/12")
    assert CaseNumber.parse("2/2016").year == 2016
    assert ArchiveReference.parse("2021/3288").year == 2021


def test_an_implausible_case_year_in_json_is_a_load_error_with_its_path() -> None:
    import khsmodel

    path = EXAMPLES / "000-osu-sak-2-2016-saksframlegg.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["case_number"] = {"text": "2021/3288", "sequence": 2021, "year": 3288}
    with pytest.raises(khsmodel.InvalidDocumentError) as info:
        khsmodel.loads(json.dumps(data))
    [error] = info.value.errors
    assert error.path == "$.case_number"
    assert "year 3288" in error.message and "ArchiveReference" in error.message


def test_journal_numbers_are_checked() -> None:
    """journalår in 1900–2100 and a sequence from 1: an "Lnr. 8687/16" read the wrong way
    round (year 8687) is refused with the reading that fits."""
    from khsmodel import JournalNumber

    assert str(JournalNumber(year=2016, sequence=8687)) == "2016/8687"
    with pytest.raises(KhsModelError, match="year 2016, sequence 8687"):
        JournalNumber(year=8687, sequence=16)
    with pytest.raises(KhsModelError, match="counts from 1"):
        JournalNumber(year=2016, sequence=0)
    with pytest.raises(KhsModelError, match="must be an int"):
        JournalNumber(year="2016", sequence=1)  # type: ignore[arg-type]


def test_noark5_journal_number_option_refuses_an_lnr_read_backwards() -> None:
    pytest.importorskip("lxml")
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    import _export_samples as samples

    import khsmodel

    with pytest.raises(KhsModelError, match="8687"):
        khsmodel.export(samples.case_document(), "noark5", journal_number="8687/16")
    assert khsmodel.export(samples.case_document(), "noark5", journal_number="2016/8687")
