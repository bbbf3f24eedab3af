"""The oparl exporter: OParl 1.1 JSON, every object checked against the official schemas.

The schemas are read from ../shared/schemas/oparl/ (never copied into the
repository); without that folder the schema tests skip and say why. They
link to each other with a non-standard ``"schema": "File.json"`` key instead
of ``$ref``; the tests validate each object against its own type's schema
and, with those keys turned into ``$ref``\\ s resolved by a ``referencing``
registry, every embedded object through its parent too.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import attrs
import pytest
from hypothesis import given

import khsmodel
from khsmodel import (
    AgendaItem,
    Agreement,
    AgreementLevel,
    Attachment,
    BodyMember,
    CaseDocument,
    CaseNumber,
    Decision,
    DecisionKind,
    Meeting,
    Minutes,
    Participant,
    ParticipantRole,
    Partnership,
    Person,
    Role,
    RoleKind,
    VoteCount,
    exporters,
)
from khsmodel import strategies as ks
from khsmodel.errors import (
    ExporterOptionError,
    UnknownOptionError,
    UnsupportedKindError,
    UnwritableTextError,
)
from khsmodel_exporters.oparl import DEFAULT_BASE_URL, OPARL_VERSION, oslo_offset
from tests.support.needs import require_shared, shared_dir

ROOT = Path(__file__).resolve().parents[2]
OPARL = shared_dir("schemas/oparl")
sys.path.insert(0, str(ROOT / "examples"))

from catalogue import EXAMPLES  # noqa: E402

KINDS = ("partnership", "meeting", "case_document")
SUPPORTED = sorted(n for n, build in EXAMPLES.items() if type(build()).KIND in KINDS)
PREFIX = "https://schema.oparl.org/1.1/"
SAMI = "Hábmer, Fuolldá, Kárášjohka, Porsáŋgu, Evenášši, Deanu gielda, Snåase, Raarvihke, Æøå"
# Properties whose values are URLs of objects that must be in the same output.
LINKS = {
    "Paper": ("body", "originatorPerson", "originatorOrganization"),
    "Consultation": ("paper", "agendaItem", "meeting", "organization"),
    "Meeting": ("organization", "participant"),
    "AgendaItem": ("meeting", "consultation"),
    "Organization": ("body", "subOrganizationOf", "membership"),
    "Person": ("body",),
    "Membership": ("person", "organization", "onBehalfOf"),
    "File": ("paper", "meeting"),
    "LegislativeTerm": ("body",),
    "Location": ("meetings",),
}


# ---------------------------------------------------------------------------- schemas


class Schemas:
    """Validators for each OParl type: alone, and with embedded objects resolved."""

    def __init__(self, folder: Path) -> None:
        from jsonschema import Draft202012Validator, FormatChecker
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT202012

        self.raw = {
            p.stem: json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.json")
        }
        checker = FormatChecker()

        @checker.checks("url")
        def is_url(value: object) -> bool:
            if not isinstance(value, str):
                return True
            parts = urlsplit(value)
            return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in value

        def linked(node: Any) -> Any:
            if isinstance(node, dict):
                out = {k: linked(v) for k, v in node.items() if k != "schema"}
                if isinstance(node.get("schema"), str):
                    out["$ref"] = node["schema"]
                return out
            if isinstance(node, list):
                return [linked(v) for v in node]
            return node

        registry: Registry[Any] = Registry().with_resources(
            (f"{name}.json", Resource.from_contents(linked(s), default_specification=DRAFT202012))
            for name, s in self.raw.items()
        )
        self.own = {n: Draft202012Validator(s, format_checker=checker) for n, s in self.raw.items()}
        self.deep = {
            n: Draft202012Validator(linked(s), registry=registry, format_checker=checker)
            for n, s in self.raw.items()
        }

    def errors(self, obj: dict[str, Any], *, deep: bool = False) -> list[str]:
        kind = obj["type"].removeprefix(PREFIX)
        validator = (self.deep if deep else self.own)[kind]
        return [f"{kind} {list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(obj)]


@pytest.fixture(scope="module")
def schemas() -> Schemas:
    require_shared(OPARL / "Body.json")
    return Schemas(OPARL)


def objects(node: Any) -> Iterator[dict[str, Any]]:
    """Every OParl object in the output, embedded ones included."""
    if isinstance(node, dict):
        if isinstance(node.get("type"), str) and node["type"].startswith(PREFIX):
            yield node
        for value in node.values():
            yield from objects(value)
    elif isinstance(node, list):
        for value in node:
            yield from objects(value)


def export(doc: Any, **options: Any) -> dict[str, Any]:
    data = khsmodel.export(doc, "oparl", **options)
    out: dict[str, Any] = json.loads(data.decode("utf-8"))
    return out


def check(schemas: Schemas, doc: Any) -> dict[str, Any]:
    """Export, validate every object, and check ids and links; return the output."""
    out = export(doc)
    assert set(out) == {"oparlVersion", "object", "included"}
    assert out["oparlVersion"] == OPARL_VERSION
    found = list(objects(out))
    problems = [e for o in found for e in schemas.errors(o)]
    problems += [e for o in (out["object"], *out["included"]) for e in schemas.errors(o, deep=True)]
    assert not problems, "\n".join(problems[:20])
    ids = [o["id"] for o in found]
    assert len(ids) == len(set(ids)), "ids must be unique"
    known = set(ids) | {o["id"] + suffix for o in found if o["type"] == PREFIX + "Body"
                        for suffix in ("/organization", "/person", "/meeting", "/paper")}  # fmt: skip
    for o in found:
        kind = o["type"].removeprefix(PREFIX)
        for key in LINKS.get(kind, ()):
            values = o.get(key, [])
            for url in [values] if isinstance(values, str) else values:
                assert url in known, f"{kind}.{key} points at {url}, which is not in the output"
    return out


def by_type(out: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [o for o in objects(out) if o["type"] == PREFIX + kind]


def by_id(out: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {o["id"]: o for o in objects(out)}


def case_004() -> CaseDocument:
    doc = EXAMPLES["004-partnerskapsmote-sak-07-2021-saksframlegg"]()
    assert isinstance(doc, CaseDocument)
    return doc


def meeting_with_agenda() -> Meeting:
    """The partnership meeting of 23 September 2021 with case 07-2021 decided by vote."""
    case = case_004()
    decision = Decision(
        kind=DecisionKind.ADOPTED,
        text="Partnerskapsmøtet slutter seg til handlingsplan for SSU for perioden 2021-2022.",
        date=dt.date(2021, 9, 23), body="partnerskapsmotet", case_number=case.case_number,
        heading="Vedtak", unanimous=False, votes=VoteCount(in_favour=12, against=0, abstained=1),
    )  # fmt: skip
    return Meeting(
        body="partnerskapsmotet", date=dt.date(2021, 9, 23), title="Partnerskapsmøte 2021",
        partnership=case.partnership, start_time=dt.time(9, 30), end_time=dt.time(15, 0),
        location="Hábmer / Hamarøy",
        participants=(
            Participant(person=Person(name="Ánde Sárá Niillas", roles=(Role(
                title="ordfører", kind=RoleKind.MAYOR, organisation="hamaroy",
                organisation_text="Hábmera suohkan"),)), role=ParticipantRole.CHAIR),
            Participant(person=Person(name="Trude Kristin Kristensen"),
                        role=ParticipantRole.SECRETARY),
            Participant(person=Person(name="Fráva Máhtte"), present=False),
        ),
        agenda=(
            AgendaItem(case_number=case.case_number, title=str(case.title),
                       case_document=attrs.evolve(case, partnership=None), decision=decision),
            AgendaItem(case_number=CaseNumber.parse("08-2021"), title="Eventuelt"),
        ),
        minutes=Minutes(title="Protokoll", date=dt.date(2021, 9, 30), approved=dt.date(2021, 10, 5),
                        url="https://helsefellesskapet.example/protokoll-2021.pdf"),
        presentations=(Attachment(title="Status SSU", media_type="application/pdf"),),
    )  # fmt: skip


# ---------------------------------------------------------------------------- registry, CLI


def test_registered_with_suffix_and_kinds() -> None:
    exp = exporters.get("oparl")
    assert (exp.suffix, exp.media_type, tuple(exp.kinds)) == (".oparl.json", "application/json",
                                                              KINDS)  # fmt: skip


def test_unsupported_kind_and_bad_options_are_refused() -> None:
    agreement = Agreement(id="a", title="Samarbeidsavtale", level=AgreementLevel.OVERARCHING)
    with pytest.raises(UnsupportedKindError) as kind:
        khsmodel.export(agreement, "oparl")
    assert (kind.value.kind, kind.value.kinds) == ("agreement", ("partnership", "meeting", "case_document"))
    for bad in ("ftp://example.org/oparl", "oparl", "https://example.org/o?x=1", 42):
        with pytest.raises(ExporterOptionError) as option:
            khsmodel.export(case_004(), "oparl", base_url=bad)
        assert (option.value.exporter, option.value.key, option.value.value) == ("oparl", "base_url", bad)
    with pytest.raises(UnknownOptionError) as unknown:
        khsmodel.export(case_004(), "oparl", indent=4)
    assert (unknown.value.key, unknown.value.value) == ("indent", 4)


def test_cli_export_writes_the_file(tmp_path: Path) -> None:
    from khsmodel.cli import main

    src = ROOT / "examples" / "documents" / "004-lofoten-vesteralen-salten-partnership.json"
    assert main(["export", str(src), "--format", "oparl", "--out-dir", str(tmp_path)]) == 0
    out = tmp_path / "004-lofoten-vesteralen-salten-partnership.oparl.json"
    assert out.read_bytes() == khsmodel.export(khsmodel.load(src), "oparl")


# ------------------------------------------------------------------------- schema validity


def test_the_schemas_link_by_their_own_key_not_ref(schemas: Schemas) -> None:
    text = json.dumps(schemas.raw)
    assert "$ref" not in text and '"schema": "File.json"' in text


@pytest.mark.parametrize("name", SUPPORTED)
def test_every_supporting_example_validates(schemas: Schemas, name: str) -> None:
    out = check(schemas, EXAMPLES[name]())
    assert out["object"]["type"].removeprefix(PREFIX) == {
        "partnership": "Body", "meeting": "Meeting", "case_document": "Paper"
    }[type(EXAMPLES[name]()).KIND]  # fmt: skip


def test_the_examples_cover_every_kind() -> None:
    assert {type(EXAMPLES[n]()).KIND for n in SUPPORTED} == set(KINDS)


@given(ks.documents(kinds=KINDS))
def test_generated_documents_validate(schemas: Schemas, doc: Any) -> None:
    check(schemas, doc)
    assert khsmodel.export(doc, "oparl") == khsmodel.export(doc, "oparl")


@given(ks.case_documents(body="osu"))
def test_generated_cases_without_partnership_validate(schemas: Schemas, case: Any) -> None:
    out = check(schemas, case)
    assert "body" not in out["object"]


# ------------------------------------------------------------------------------- content


def test_case_004_is_a_paper_with_consultation_and_files(schemas: Schemas) -> None:
    out = check(schemas, case_004())
    paper = out["object"]
    base = DEFAULT_BASE_URL
    assert paper["id"] == f"{base}/paper/partnerskapsmotet-7-2021"
    assert paper["reference"] == "2021/3288"  # the archive case number ...
    assert paper["name"] == (
        "Handlingsplan for strategisk samarbeidsutvalg (SSU) for perioden 2021-2022"
    )
    assert paper["date"] == "2021-08-02"
    assert [f["name"] for f in paper["auxiliaryFile"]] == [
        "Forslag til handlingsplan for strategisk samarbeidsutvalg (SSU)"
    ]
    objs = by_id(out)
    assert [objs[u]["name"] for u in paper["originatorPerson"]] == ["Trude Kristin Kristensen"]
    assert [objs[u]["shortName"] for u in paper["originatorOrganization"]] == ["OSO"]
    assert paper["relatedPaper"] == [f"{base}/paper/oso-4-2021"]
    (consultation,) = paper["consultation"]
    assert objs[consultation["organization"][0]]["name"] == "Partnerskapsmøtet"
    assert consultation["role"] == "Vedtak"
    meeting = objs[consultation["meeting"]]
    assert meeting["start"] == "2021-09-23T00:00:00+02:00"
    item = objs[consultation["agendaItem"]]
    assert (item["number"], item["order"]) == ("07-2021", 7)  # ... and the meeting's case number
    assert item["consultation"] == consultation["id"]
    assert [o["type"].removeprefix(PREFIX) for o in out["included"]] == [
        "Body", "Organization", "Organization", "Person", "Meeting"]  # fmt: skip


def test_partnership_004_is_a_body_with_organisations(schemas: Schemas) -> None:
    partnership = EXAMPLES["004-lofoten-vesteralen-salten-partnership"]()
    out = check(schemas, partnership)
    body = out["object"]
    assert body["name"] == "Helsefellesskapet Lofoten, Vesterålen og Salten"
    assert body["classification"] == "Helsefellesskap"
    assert body["legislativeTerm"] == []
    orgs = {o["name"]: o for o in by_type(out, "Organization")}
    assert orgs["Overordnet samarbeidsorgan"]["organizationType"] == "Gremium"
    assert orgs["Overordnet samarbeidsorgan"]["shortName"] == "OSO"
    hamaroy = orgs["Hamarøy"]
    assert (hamaroy["organizationType"], hamaroy["classification"]) == ("Institution", "Kommune")
    assert hamaroy["keyword"] == ["Medlem"]
    assert orgs["Nordlandssykehuset HF"]["keyword"] == ["Helseforetak"]
    assert all(o["body"] == body["id"] for o in orgs.values())


def test_body_members_become_persons_with_memberships(schemas: Schemas) -> None:
    p = EXAMPLES["004-lofoten-vesteralen-salten-partnership"]()
    assert isinstance(p, Partnership)
    oso = p.body("oso")
    assert oso is not None
    chair = Person(name="Áile Ŋŧđž Čuđe", email="aile@hamaroy.example")
    member = BodyMember(person=chair, party="hamaroy", role=RoleKind.CHAIR,
                        valid_from=dt.date(2021, 1, 1), valid_to=dt.date(2022, 12, 31))  # fmt: skip
    p = attrs.evolve(p, bodies=tuple(attrs.evolve(b, members=(member,)) if b is oso else b
                                     for b in p.bodies))  # fmt: skip
    out = check(schemas, p)
    (person,) = by_type(out, "Person")
    assert person["name"] == "Áile Ŋŧđž Čuđe"
    assert unquote(person["id"].rsplit("/", 1)[1]) == "Áile Ŋŧđž Čuđe"  # never transliterated
    assert person["email"] == ["aile@hamaroy.example"]
    (membership,) = person["membership"]
    objs = by_id(out)
    assert objs[membership["organization"]]["shortName"] == "OSO"
    assert objs[membership["onBehalfOf"]]["name"] == "Hamarøy"
    assert (membership["role"], membership["startDate"], membership["endDate"]) == (
        "leder", "2021-01-01", "2022-12-31")  # fmt: skip
    assert objs[membership["organization"]]["membership"] == [membership["id"]]


def test_meeting_with_agenda(schemas: Schemas) -> None:
    out = check(schemas, meeting_with_agenda())
    meeting = out["object"]
    assert meeting["id"] == f"{DEFAULT_BASE_URL}/meeting/partnerskapsmotet-2021-09-23"
    assert (meeting["start"], meeting["end"]) == ("2021-09-23T09:30:00+02:00",
                                                  "2021-09-23T15:00:00+02:00")  # fmt: skip
    assert meeting["location"]["description"] == "Hábmer / Hamarøy"
    assert meeting["meetingState"] == "durchgeführt"
    assert meeting["resultsProtocol"]["accessUrl"] == (
        "https://helsefellesskapet.example/protokoll-2021.pdf")  # fmt: skip
    assert meeting["auxiliaryFile"][0]["mimeType"] == "application/pdf"
    objs = by_id(out)
    assert [objs[u]["name"] for u in meeting["participant"]] == [
        "Ánde Sárá Niillas", "Trude Kristin Kristensen"]  # fmt: skip
    first, second = meeting["agendaItem"]
    assert (first["number"], first["order"], first["result"]) == ("07-2021", 1, "Vedtak")
    assert first["resolutionText"] == (
        "Partnerskapsmøtet slutter seg til handlingsplan for SSU for perioden 2021-2022.\n"
        "Ikke enstemmig\n12 for, 0 mot, 1 avsto"
    )
    assert (second["number"], second["order"], second["name"]) == ("08-2021", 2, "Eventuelt")
    assert "consultation" not in second
    consultation = objs[first["consultation"]]
    assert consultation["agendaItem"] == first["id"]
    assert objs[consultation["paper"]]["reference"] == "2021/3288"
    chair = objs[meeting["participant"][0]]
    assert objs[chair["membership"][0]["organization"]]["name"] == "Hamarøy"


def test_documents_exported_apart_agree_on_ids() -> None:
    meeting = export(meeting_with_agenda())
    case = export(case_004())
    (consultation,) = case["object"]["consultation"]
    assert consultation["meeting"] == meeting["object"]["id"]
    assert consultation["agendaItem"] == meeting["object"]["agendaItem"][0]["id"]
    assert case["object"]["id"] in by_id(meeting)


def test_norwegian_and_sami_text_survive(schemas: Schemas) -> None:
    title = f"{SAMI} <b>&</b>\ttab\r\nCRLF  "
    case = attrs.evolve(case_004(), title=title,
                        attachments=(Attachment(title="Vedlegg: Guovdageaidnu – ČĐŊŠŦŽ"),))  # fmt: skip
    data = khsmodel.export(case, "oparl")
    assert SAMI.encode("utf-8") in data  # UTF-8, no \u escapes
    out = check(schemas, case)
    assert out["object"]["name"] == title
    assert out["object"]["auxiliaryFile"][0]["name"] == "Vedlegg: Guovdageaidnu – ČĐŊŠŦŽ"


def test_base_url_option_and_determinism() -> None:
    case = case_004()
    data = khsmodel.export(case, "oparl")
    assert data == khsmodel.export(case_004(), "oparl")
    assert data.endswith(b"}\n")
    out = export(case, base_url="https://innsyn.helsefellesskapet.example/oparl/v1/")
    ids = [o["id"] for o in objects(out)]
    assert all(i.startswith("https://innsyn.helsefellesskapet.example/oparl/v1/") for i in ids)
    assert "v1//" not in json.dumps(out)


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"title": "Plan\x0b2021"}, "$.title"),
        ({"attachments": (Attachment(title="Vedlegg\x00"),)}, "$.attachments[0].title"),
    ],
)  # fmt: skip
def test_control_characters_are_rejected_with_their_path(
    tmp_path: Path, change: dict[str, Any], path: str
) -> None:
    target = tmp_path / "sak.oparl.json"
    with pytest.raises(UnwritableTextError) as bad:
        khsmodel.export(attrs.evolve(case_004(), **change), "oparl", target)
    assert bad.value.path == path and "OParl" in bad.value.reason
    assert not target.exists()


@pytest.mark.parametrize(
    ("day", "time", "offset"),
    [
        (dt.date(2022, 2, 4), dt.time(9), "+01:00"),
        (dt.date(2021, 3, 28), dt.time(1, 59), "+01:00"),
        (dt.date(2021, 3, 28), dt.time(3, 0), "+02:00"),
        (dt.date(2021, 10, 31), dt.time(1, 0), "+02:00"),
        (dt.date(2021, 10, 31), dt.time(4, 0), "+01:00"),
    ],
)
def test_oslo_offset(day: dt.date, time: dt.time, offset: str) -> None:
    assert oslo_offset(day, time) == offset
