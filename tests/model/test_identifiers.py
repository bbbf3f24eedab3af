"""Identifiers: organisation number (mod-11), kommunenummer, case number, archive reference."""

from __future__ import annotations

import contextlib
import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
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
from khsmodel.errors import IdentifierError
from khsmodel.identifiers import organisation_number_check_digit
from tests.support.needs import require_shared, shared_dir


@contextlib.contextmanager
def refused(
    kind: str, value: object, *, use: str | object | None = ...
) -> Iterator[pytest.ExceptionInfo[IdentifierError]]:
    """An :class:`IdentifierError` of ``kind`` about ``value`` (and, when given, pointing to
    the class ``use``) must be raised in the block."""
    with pytest.raises(IdentifierError) as info:
        yield info
    assert (info.value.kind, info.value.value) == (kind, value)
    if use is not ...:
        assert info.value.use == use


EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "documents"
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
    with refused("organisation number", "820397631"):
        OrganisationNumber("820397631")


def test_parse_allows_spaces_as_printed() -> None:
    assert OrganisationNumber.parse("894 166 762") == OrganisationNumber("894166762")
    assert OrganisationNumber.parse("894\u00a0166\u00a0762").grouped() == "894 166 762"
    assert str(OrganisationNumber.parse("983974910")) == "983974910"


@pytest.mark.parametrize(
    "bad", ["", "12345678", "1234567850", "12345678x", "١٢٣٤٥٦٧٨٥", "123-456-785", "123456784"]
)
def test_bad_organisation_numbers_are_rejected(bad: str) -> None:
    with refused("organisation number", bad.replace(" ", "")):
        OrganisationNumber.parse(bad)


def test_organisation_number_must_be_a_string() -> None:
    with refused("organisation number", 894166762):
        OrganisationNumber.parse(894166762)  # type: ignore[arg-type]


def test_no_number_exists_when_the_check_digit_would_be_10() -> None:
    eight = "10000030"  # 1*3 + 3*3 = 12, remainder 1: the check digit would be 10
    assert sum(int(d) * w for d, w in zip(eight, (3, 2, 7, 6, 5, 4, 3, 2), strict=True)) % 11 == 1
    assert organisation_number_check_digit(eight) is None
    for last in "0123456789":
        with refused("organisation number", eight + last):
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
    with refused("kommunenummer", bad):
        KommuneNumber.parse(bad)


def test_kommunenummer_must_be_a_string() -> None:
    with refused("kommunenummer", 219):
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
    with refused("case number", "021/15"):
        CaseNumber.parse("021/15")
    number = CaseNumber.parse("021/15", reference_year=2015)
    assert (number.sequence, number.year, number.text) == (21, 2015, "021/15")
    assert CaseNumber.parse("57/09", reference_year=2009).year == 2009
    assert CaseNumber.parse("57/99", reference_year=2009).year == 1999  # not in the future


@pytest.mark.parametrize("bad", ["", "2016", "2/", "/2016", "2/20161", "sak", "2 2016", "2/2016/1"])
def test_bad_case_numbers_are_rejected(bad: str) -> None:
    with refused("case number", bad):
        CaseNumber.parse(bad, reference_year=2016)


@pytest.mark.parametrize("bad", ["2/20161", "3/123", "PS 3/1", "Sak 12/345"])
def test_a_year_of_other_than_two_or_four_digits_is_named(bad: str) -> None:
    with pytest.raises(KhsModelError, match="a year has 2 or 4 digits"):
        CaseNumber.parse(bad, reference_year=2016)


def test_case_number_parts_must_match_the_text() -> None:
    with refused("case number", "2/2016"):
        CaseNumber(text="2/2016", sequence=2, year=2017)
    with refused("case number", "2/2016"):
        CaseNumber(text="2/2016", sequence=3, year=2016)


@given(ks.case_numbers())
def test_generated_case_numbers_parse_back(number: CaseNumber) -> None:
    """parse(str(x)) == x, prefix included; the prefix is printed back exactly."""
    parsed = CaseNumber.parse(str(number), reference_year=number.year)
    assert parsed == number
    assert (parsed.prefix, parsed.sequence, parsed.year) == (
        number.prefix,
        number.sequence,
        number.year,
    )
    assert str(parsed) == str(number)
    assert str(number).startswith(number.prefix or "")
    assert number.canonical == f"{number.sequence}/{number.year}"


@given(ks.case_numbers())
def test_generated_case_numbers_survive_json_with_their_prefix(number: CaseNumber) -> None:
    from khsmodel.serialization import structure, unstructure

    data = unstructure(number)
    assert data.get("prefix") == number.prefix
    assert structure(json.loads(json.dumps(data)), CaseNumber) == number
    data.pop("prefix", None)  # a file written before the field existed
    assert structure(data, CaseNumber) == number


@pytest.mark.parametrize(
    ("text", "reference_year", "prefix", "sequence", "year"),
    [
        ("PS 3/2021", None, "PS", 3, 2021),
        ("Sak 02-14", 2014, "Sak", 2, 2014),
        ("OS-sak 5/2023", None, "OS-sak", 5, 2023),
        ("sak PS 57/15", 2015, "sak PS", 57, 2015),
        ("Styresak nr: 111/02", 2002, "Styresak nr:", 111, 2002),
        ("sak KS-024/16", 2016, "sak KS-", 24, 2016),
        ("K. sak 64/09", 2009, "K. sak", 64, 2009),
        ("Partnerskapsmøte sak 07-2021", None, "Partnerskapsmøte sak", 7, 2021),
        ("  Ášši 4/2024 ", None, "Ášši", 4, 2024),
        ("Sak 2014/15", None, "Sak", 15, 2014),  # year first, as Møre og Romsdal writes
        ("RS 2012/6", None, "RS", 6, 2012),
        ("2/2016", None, None, 2, 2016),
    ],
)
def test_case_number_prefix_is_kept_as_written(
    text: str, reference_year: int | None, prefix: str | None, sequence: int, year: int
) -> None:
    number = CaseNumber.parse(text, reference_year=reference_year)
    assert (number.prefix, number.sequence, number.year) == (prefix, sequence, year)
    assert str(number) == text and number.text == text


def test_case_number_prefix_is_read_from_the_text_and_checked() -> None:
    assert CaseNumber(text="PS 3/2021", sequence=3, year=2021).prefix == "PS"
    assert CaseNumber(text="PS 3/2021", sequence=3, year=2021, prefix="PS") == CaseNumber.parse(
        "PS 3/2021"
    )
    assert CaseNumber(text="3/2021", sequence=3, year=2021).prefix is None
    with refused("case number", "PS 3/2021"):
        CaseNumber(text="PS 3/2021", sequence=3, year=2021, prefix="RS")
    with refused("case number", "3/2021"):
        CaseNumber(text="3/2021", sequence=3, year=2021, prefix="PS")
    with refused("case number", 3):  # the prefix: not a string
        CaseNumber(text="PS 3/2021", sequence=3, year=2021, prefix=3)  # type: ignore[arg-type]


def test_year_first_needs_a_prefix_or_an_explicit_order() -> None:
    """A bare "2014/15" is an archive reference or a case written year first: not guessed."""
    with refused("case number", "2014/15", use="ArchiveReference"):
        CaseNumber.parse("2014/15", reference_year=2015)
    with refused("case number", "2017/295", use="ArchiveReference"):
        CaseNumber.parse("2017/295")
    number = CaseNumber.parse("2014/15", year_first=True)
    assert (number.sequence, number.year, number.prefix) == (15, 2014, None)
    forced = CaseNumber.parse("Sak 2014/15", year_first=False, reference_year=2015)
    assert (forced.sequence, forced.year) == (2014, 2015)
    with refused("case number", "PS 3/2021"):
        CaseNumber.parse("PS 3/2021", year_first=True)
    # a sequence of four digits after a year is an archive reference's, never a case's
    with refused("case number", "Sak 2021/3288", use="ArchiveReference"):
        CaseNumber.parse("Sak 2021/3288")
    # the parts given explicitly: either order of the text is accepted
    assert CaseNumber(text="2014/15", sequence=15, year=2014).canonical == "15/2014"


def test_a_case_number_file_of_before_the_prefix_field_loads() -> None:
    """Example 000 as written before ``prefix`` existed (no such key): same document."""
    import khsmodel

    path = EXAMPLES / "000-osu-sak-2-2016-saksframlegg.json"
    text = path.read_text(encoding="utf-8")
    assert '"prefix": "sak"' in text  # "sak21/2015" as the seed writes it

    def drop(value: object) -> object:
        if isinstance(value, dict):
            return {k: drop(v) for k, v in value.items() if k != "prefix"}
        if isinstance(value, list):
            return [drop(v) for v in value]
        return value

    old = json.dumps(drop(json.loads(text)))
    assert '"prefix"' not in old
    assert khsmodel.loads(old) == khsmodel.loads(text)


def test_a_prefix_that_contradicts_the_text_is_a_load_error_with_its_path() -> None:
    import khsmodel

    path = EXAMPLES / "000-osu-sak-2-2016-saksframlegg.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["case_number"]["prefix"] = "PS"
    with pytest.raises(khsmodel.InvalidDocumentError) as info:
        khsmodel.loads(json.dumps(data))
    [error] = info.value.errors
    assert error.path == "$.case_number" and "prefix 'PS'" in error.message
    data["case_number"]["prefix"] = 7
    with pytest.raises(khsmodel.InvalidDocumentError) as info:
        khsmodel.loads(json.dumps(data))
    [error] = info.value.errors
    assert error.path == "$.case_number.prefix"


# ---------------------------------------------------------------------------
# Every case-number form of shared/domain/field-phrases.md, classified
# ---------------------------------------------------------------------------

FIELD_PHRASES = shared_dir("domain") / "field-phrases.md"

#: Why a text is refused: a word of the error message for each kind of refusal.
NO_NUMBER, RANGE, SEVERAL, TRAILING = "has no number", "range of cases", "numbers (", "text after"
ARCHIVE, MEETING = "use ArchiveReference", "meeting or of its minutes"
NO_YEAR, YEAR_FIRST, SHAPE = "no year", "starts with a year", "not of the form"

_Parsed = tuple[str | None, int, int]
#: Each row of field-phrases.md §3 ("Case and meeting numbering") and each form of its
#: "More forms" line, as listed -> the texts given to CaseNumber.parse with the
#: meeting year at hand, and what comes out: (prefix, sequence, year) or the refusal.
#: A row holding a title or a second number is tried whole and by its number.
FIELD_LIST: dict[str, list[tuple[str, int | None, _Parsed | str]]] = {
    "02-14 Godkjenning av referat": [
        ("02-14 Godkjenning av referat", 2014, TRAILING), ("02-14", 2014, (None, 2, 2014))],
    "37-13 Fast post": [  # a standing item of 2013 on an agenda of 2014
        ("37-13 Fast post", 2014, TRAILING), ("37-13", 2014, (None, 37, 2013))],
    "Sak 01-21": [("Sak 01-21", 2021, ("Sak", 1, 2021))],
    "Sakskart": [("Sakskart", 2021, NO_NUMBER)],
    "sak 5-12 og sak 9-12": [
        ("sak 5-12 og sak 9-12", 2012, SEVERAL),
        ("sak 5-12", 2012, ("sak", 5, 2012)), ("sak 9-12", 2012, ("sak", 9, 2012))],
    "Sak 2014/15": [("Sak 2014/15", 2014, ("Sak", 15, 2014))],
    "protokoll nr. 02/14": [("protokoll nr. 02/14", 2014, MEETING)],
    "protokoll nr 03/2014": [("protokoll nr 03/2014", 2014, MEETING)],
    "Saksnr Utvalsnamn Møtedato": [("Saksnr Utvalsnamn Møtedato", 2014, NO_NUMBER)],
    "Arkivreferanse: 2014/4587": [("Arkivreferanse: 2014/4587", 2014, ARCHIVE)],
    "Vår ref.: 2013/ / GEN": [("Vår ref.: 2013/ / GEN", 2014, ARCHIVE)],
    "Dykkar ref.:": [("Dykkar ref.:", 2014, ARCHIVE)],
    "Vår ref.: 2012/ /305/ Flugstad": [("Vår ref.: 2012/ /305/ Flugstad", 2013, ARCHIVE)],
    "Deres ref.:": [("Deres ref.:", 2013, ARCHIVE)],
    "Sak 2013/01": [("Sak 2013/01", 2013, ("Sak", 1, 2013))],
    "Prtkll 3/2012": [("Prtkll 3/2012", 2012, MEETING)],  # OCR-damaged "Protokoll"
    "Vår ref: JS/haf": [("Vår ref: JS/haf", 2012, ARCHIVE)],
    "Sak 2011/38": [("Sak 2011/38", 2011, ("Sak", 38, 2011))],
    "PROTOKOLL NR. 05/11": [("PROTOKOLL NR. 05/11", 2011, MEETING)],
    "Styresak 60-2016": [("Styresak 60-2016", 2016, ("Styresak", 60, 2016))],
    "Styresak 61/2016": [("Styresak 61/2016", 2016, ("Styresak", 61, 2016))],
    "2017/2-34/012": [("2017/2-34/012", 2017, SEVERAL)],  # an archive number with sub-parts
    "Styresak nr: 111/02": [("Styresak nr: 111/02", 2002, ("Styresak nr:", 111, 2002))],
    "Styresak 037/04 B": [("Styresak 037/04 B", 2004, TRAILING)],  # sub-case letters: no
    "Styresaknr. 42/05 REF: 2005/": [
        ("Styresaknr. 42/05 REF: 2005/", 2005, TRAILING),
        ("Styresaknr. 42/05", 2005, ("Styresaknr.", 42, 2005))],
    "Sak 01/2015": [("Sak 01/2015", 2015, ("Sak", 1, 2015))],
    "Saksmappe: 2015/ 4": [("Saksmappe: 2015/ 4", 2015, ARCHIVE)],
    "Sak nr: 041/2012": [("Sak nr: 041/2012", 2012, ("Sak nr:", 41, 2012))],
    "Sak 53/2011": [("Sak 53/2011", 2011, ("Sak", 53, 2011))],
    "15/2019 Levekårsutvalet PS": [
        ("15/2019 Levekårsutvalet PS", 2019, TRAILING), ("15/2019", 2019, (None, 15, 2019))],
    "ArkivsakID 18/1407": [("ArkivsakID 18/1407", 2018, ARCHIVE)],
    "sak PS 57/15": [("sak PS 57/15", 2015, ("sak PS", 57, 2015))],
    "Saksnr PS 5/10 … RS 2/10": [
        ("Saksnr PS 5/10 … RS 2/10", 2010, SEVERAL),
        ("Saksnr PS 5/10", 2010, ("Saksnr PS", 5, 2010)), ("RS 2/10", 2010, ("RS", 2, 2010))],
    "PS 2012/16 … RS 2012/6": [
        ("PS 2012/16 … RS 2012/6", 2012, SEVERAL),
        ("PS 2012/16", 2012, ("PS", 16, 2012)), ("RS 2012/6", 2012, ("RS", 6, 2012))],
    "59/15 14/390": [("59/15 14/390", 2015, SEVERAL), ("59/15", 2015, (None, 59, 2015))],
    "Saksnr. Arkivsaksnr. / Tittel … 8/14 14/3716": [
        ("Saksnr. Arkivsaksnr. / Tittel … 8/14 14/3716", 2014, ARCHIVE),
        ("8/14", 2014, (None, 8, 2014))],
    "L.nr.:": [("L.nr.:", 2014, ARCHIVE)],
    "Saksnr Løpenr Regdato": [("Saksnr Løpenr Regdato", 2014, ARCHIVE)],
    "Arkivsaknr: 2013/520-3": [("Arkivsaknr: 2013/520-3", 2013, ARCHIVE)],
    "SR-sak 32/14": [("SR-sak 32/14", 2014, ("SR-sak", 32, 2014))],
    "(SR-sakene 32/14-46/14)": [("(SR-sakene 32/14-46/14)", 2014, RANGE)],
    "Saknr.: 206/12-243/12": [("Saknr.: 206/12-243/12", 2012, RANGE)],
    "(47-55/14)": [("(47-55/14)", 2014, RANGE)],
    "Møte: 6/2014": [("Møte: 6/2014", 2014, MEETING)],
    "Driftsutvalg 0001/10": [("Driftsutvalg 0001/10", 2010, ("Driftsutvalg", 1, 2010))],
    "20161014_OSO Helgeland-innkalling_og_protokoll.pdf": [
        ("20161014_OSO Helgeland-innkalling_og_protokoll.pdf", 2016, SHAPE)],
    # the "More forms" line
    "Sak HS 30/14": [("Sak HS 30/14", 2014, ("Sak HS", 30, 2014))],
    "sak KS-024/16": [("sak KS-024/16", 2016, ("sak KS-", 24, 2016))],
    "K. sak 64/09": [("K. sak 64/09", 2009, ("K. sak", 64, 2009))],
    "Arkivsaksnr.: 12/1505": [("Arkivsaksnr.: 12/1505", 2012, ARCHIVE)],
    "042/16 - Helse- og velferdsutvalget": [
        ("042/16 - Helse- og velferdsutvalget", 2016, TRAILING),
        ("042/16", 2016, (None, 42, 2016))],
    "Sak 38/16 … 16. september d.å.": [
        ("Sak 38/16 … 16. september d.å.", 2016, TRAILING),
        ("Sak 38/16", 2016, ("Sak", 38, 2016))],
    "Jnr GJG/rr": [("Jnr GJG/rr", 2016, ARCHIVE)],
    "009/15": [("009/15", 2015, (None, 9, 2015))],
    "PS 8/17 … RS 22/17 … 2017/295": [
        ("PS 8/17 … RS 22/17 … 2017/295", 2017, SEVERAL),
        ("PS 8/17", 2017, ("PS", 8, 2017)), ("RS 22/17", 2017, ("RS", 22, 2017)),
        ("2017/295", 2017, YEAR_FIRST)],  # bare year first: the archive case, not guessed
    "K-sak 19/": [("K-sak 19/", 2019, NO_YEAR)],  # the number is cut off in the transcript
}  # fmt: skip


def _field_list_forms() -> list[str]:
    """The phrases of §3 of field-phrases.md: first column of its table, and the quoted
    forms of its "More forms" line."""
    text = FIELD_PHRASES.read_text(encoding="utf-8")
    section = text[text.index("## 3.") : text.index("## 4.")]
    rows = [
        line.split("|")[1].strip()
        for line in section.splitlines()
        if line.startswith("| ") and not line.startswith("| phrase")
    ]
    more = next(line for line in section.splitlines() if line.startswith("More forms"))
    return rows + re.findall(r'"([^"]+)"', more)


def test_the_classification_covers_every_case_form_of_the_field_list() -> None:
    require_shared(FIELD_PHRASES)
    forms = _field_list_forms()
    assert len(forms) >= 56  # 46 rows and 10 more forms; an empty read would prove nothing
    assert sorted(forms) == sorted(FIELD_LIST)


@pytest.mark.parametrize(
    ("text", "reference_year", "expected"),
    [check for checks in FIELD_LIST.values() for check in checks],
)
def test_field_list_case_form(text: str, reference_year: int | None, expected: object) -> None:
    if isinstance(expected, str):
        with pytest.raises(KhsModelError) as info:
            CaseNumber.parse(text, reference_year=reference_year)
        assert expected in str(info.value) and repr(text) in str(info.value)
    else:
        number = CaseNumber.parse(text, reference_year=reference_year)
        assert (number.prefix, number.sequence, number.year) == expected
        assert str(number) == text


def test_field_list_counts() -> None:
    """How many of the field list's case forms are read whole, by their number, or not."""
    whole = [p for p, checks in FIELD_LIST.items() if not isinstance(checks[0][2], str)]
    by_number = [
        p
        for p, checks in FIELD_LIST.items()
        if isinstance(checks[0][2], str) and any(not isinstance(c[2], str) for c in checks)
    ]
    refused = [p for p in FIELD_LIST if p not in whole and p not in by_number]
    assert (len(whole), len(by_number), len(refused)) == (17, 12, 27), (whole, by_number)


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
    with refused("archive reference", "09/810"):
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
    with refused("case number", "0/2016"):
        CaseNumber.parse("0/2016")
    with refused("case number", "0/2016"):
        CaseNumber(text="0/2016", sequence=0, year=2016)


@pytest.mark.parametrize("bad", ["", "2021", "2021-3288", "3288/2021/1", "2021/", "2021/3288 sak"])
def test_bad_archive_references_are_rejected(bad: str) -> None:
    with refused("archive reference", bad):
        ArchiveReference.parse(bad, reference_year=2021)


@given(ks.archive_references())
def test_generated_archive_references_parse_back(ref: ArchiveReference) -> None:
    assert ArchiveReference.parse(ref.text, reference_year=ref.year) == ref


def test_case_number_with_an_implausible_year_is_refused_with_a_hint() -> None:
    with refused("case number", "2021/3288", use="ArchiveReference") as info:
        CaseNumber.parse("2021/3288")
    assert "year 3288, outside 1900–2100" in str(info.value)  # the hint: what was read
    with refused("case number", "4/1850", use=None):
        CaseNumber(text="4/1850", sequence=4, year=1850)
    with refused("archive reference", "1850/12"):
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
    with refused("journal number", 8687) as info:
        JournalNumber(year=8687, sequence=16)
    assert "year 2016, sequence 8687" in str(info.value)  # the reading that fits
    with refused("journal number", 0):
        JournalNumber(year=2016, sequence=0)
    with refused("journal number", "2016"):
        JournalNumber(year="2016", sequence=1)  # type: ignore[arg-type]


def test_noark5_journal_number_option_refuses_an_lnr_read_backwards() -> None:
    pytest.importorskip("lxml")
    import khsmodel
    from tests.support import export_samples as samples

    with pytest.raises(KhsModelError, match="8687"):
        khsmodel.export(samples.case_document(), "noark5", journal_number="8687/16")
    assert khsmodel.export(samples.case_document(), "noark5", journal_number="2016/8687")
