"""Seeds 003 (Helsefelleskap Vest-Viken) and 004 (Lofoten, Vesterålen og Salten) as Python.

Content is checked against the seed texts and shared/domain/parties.csv: the
programme with its speakers, the presentations, the priority groups, the plan's
headings and bullets, the recommendation, the numbers. Every document must
round-trip through JSON, and every id it refers to must resolve in its
embedded partnership.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs
import pytest

import khsmodel
from khsmodel import (
    ActionPlan,
    Agreement,
    AtEvent,
    Body,
    BodyMember,
    CaseDocument,
    CaseReference,
    Decision,
    EventRef,
    ItemList,
    Meeting,
    Membership,
    NextMeeting,
    Organisation,
    OrganisationKind,
    Paragraph,
    Participant,
    Partnership,
    PriorityGroupKey,
    Proposal,
    Resource,
    ResponsibleParty,
    Role,
)
from tests.support.needs import require_shared, shared_dir

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "examples"))

import lofoten  # noqa: E402
import vest_viken  # noqa: E402

SEEDS = shared_dir("seeds")
#: Skips (fails in CI) when the seed texts are absent; see tests/support/needs.py.
needs_seeds = pytest.mark.requires_shared("seeds")

FUNCTIONS: dict[str, Callable[[], khsmodel.Document]] = {
    "vest_viken.partnership": vest_viken.partnership,
    "vest_viken.agreement_government_ks": vest_viken.agreement_government_ks,
    "vest_viken.agreement_overarching": vest_viken.agreement_overarching,
    "vest_viken.partnership_meeting_2022": vest_viken.partnership_meeting_2022,
    "lofoten.partnership": lofoten.partnership,
    "lofoten.action_plan_2021_2022": lofoten.action_plan_2021_2022,
    "lofoten.case_07_2021": lofoten.case_07_2021,
}

GROUP_KEYS = [
    PriorityGroupKey.CHILDREN_YOUNG,
    PriorityGroupKey.SEVERE_MENTAL_ILLNESS_SUBSTANCE,
    PriorityGroupKey.FRAIL_ELDERLY,
    PriorityGroupKey.MULTIMORBIDITY,
]


# --- reading the seeds ---------------------------------------------------------------


def _seed(number: str) -> str:
    (path,) = SEEDS.glob(f"{number}_*.txt")
    return path.read_text(encoding="utf-8")


def _lines(number: str) -> list[str]:
    return _seed(number).splitlines()


def _bullets(number: str, marker: str) -> list[str]:
    return [
        line.strip()[len(marker) :] for line in _lines(number) if line.strip().startswith(marker)
    ]


def _line_after(number: str, heading: str) -> str:
    """The first non-empty line after a line equal to ``heading``."""
    lines = _lines(number)
    i = lines.index(heading) + 1
    while not lines[i].strip():
        i += 1
    return lines[i]


def _seed_003_presentations() -> list[str]:
    lines = _lines("003")
    start, end = lines.index("Presentasjoner:"), lines.index("Referater fra utvalgene")
    return [line.strip() for line in lines[start + 1 : end] if line.strip()]


def _seed_004_plan() -> list[tuple[str, list[str]]]:
    """The plan's headings after the second list of groups, each with its bullets."""
    lines = [line for line in _lines("004") if line.strip()]
    start = lines.index("Formål")
    list_ends = [i for i in range(start, len(lines) - 1) if lines[i].startswith("- ")
                 and not lines[i + 1].startswith("- ")]  # fmt: skip
    areas: list[tuple[str, list[str]]] = []
    for line in lines[list_ends[0] + 1 :]:
        if line.startswith("- "):
            areas[-1][1].append(line[2:])
        else:
            areas.append((line, []))
    return areas


def _parties_csv() -> list[dict[str, str]]:
    with require_shared(shared_dir("domain/parties.csv")).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


# --- walking documents ---------------------------------------------------------------


def _walk(obj: object) -> Iterator[object]:
    """Every model object inside ``obj`` (depth first, ``obj`` included)."""
    if isinstance(obj, tuple):
        for x in obj:
            yield from _walk(x)
    elif attrs.has(type(obj)):
        yield obj
        for field in attrs.fields(type(obj)):  # type: ignore[arg-type]
            yield from _walk(getattr(obj, field.name))


#: (class, field) → "party" or "body": the fields that hold ids into a partnership.
_REF_FIELDS: dict[type, dict[str, str]] = {
    Membership: {"party": "party"},
    Role: {"organisation": "party", "body": "body"},
    Organisation: {"parent": "party", "succeeded_by": "party"},
    Body: {"parent": "body"},
    BodyMember: {"party": "party"},
    Resource: {"body": "body"},
    Decision: {"body": "body"},
    CaseReference: {"body": "body"},
    EventRef: {"body": "body"},
    NextMeeting: {"body": "body"},
    AtEvent: {"body": "body"},
    Meeting: {"body": "body", "represented_parties": "party"},
    Participant: {"party": "party"},
    CaseDocument: {"body": "body"},
    ActionPlan: {"owner": "body"},
    Proposal: {"proposed_by": "body"},
    ResponsibleParty: {"party": "party", "body": "body"},
}


def _references(doc: object) -> Iterator[tuple[str, str, str]]:
    """(namespace, id, where) for every id a document refers to."""
    for obj in _walk(doc):
        for field, namespace in _REF_FIELDS.get(type(obj), {}).items():
            value = getattr(obj, field)
            for ref in value if isinstance(value, tuple) else (value,):
                if ref is not None:
                    yield namespace, ref, f"{type(obj).__name__}.{field}"


def _context(doc: khsmodel.Document) -> Partnership:
    if isinstance(doc, Partnership):
        return doc
    if isinstance(doc, Agreement):  # agreements hold their parties by value
        return vest_viken.partnership()
    assert doc.partnership is not None
    return doc.partnership


# --- every document ------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_round_trips_through_json(name: str) -> None:
    doc = FUNCTIONS[name]()
    assert khsmodel.loads(khsmodel.dumps(doc)) == doc


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_deterministic_and_fresh(name: str) -> None:
    first, second = FUNCTIONS[name](), FUNCTIONS[name]()
    assert first == second
    assert khsmodel.dumps(first) == khsmodel.dumps(second)


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_every_referenced_id_resolves(name: str) -> None:
    doc = FUNCTIONS[name]()
    context = _context(doc)
    refs = list(_references(doc))
    if not isinstance(doc, Agreement):
        assert refs, "a document of the seeds refers to parties or bodies"
    for namespace, ref, where in refs:
        found = context.party(ref) if namespace == "party" else context.body(ref)
        assert found is not None, f"{where} = {ref!r} is not a {namespace} of {context.id}"


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_ids_are_lower_case_slugs_and_unique(name: str) -> None:
    doc = FUNCTIONS[name]()
    slug = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
    for obj in _walk(doc):
        ident = getattr(obj, "id", None)
        if isinstance(ident, str):
            assert slug.match(ident), ident
        if isinstance(obj, Partnership):
            party_ids = [p.id for p in obj.parties]
            body_ids = [b.id for b in obj.bodies]
            assert len(set(party_ids)) == len(party_ids)
            assert len(set(body_ids)) == len(body_ids)
            assert not set(party_ids) & set(body_ids), "a party and a body share an id"


@needs_seeds
@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_every_paragraph_and_list_item_is_in_the_seed(name: str) -> None:
    doc = FUNCTIONS[name]()
    text = _seed("003" if name.startswith("vest_viken") else "004")
    for obj in _walk(doc):
        if isinstance(obj, Paragraph):
            assert obj.text in text, obj.text
        elif isinstance(obj, ItemList):
            for item in obj.items:
                assert f"- {item}" in text, item


# --- seed 003: Helsefelleskap Vest-Viken --------------------------------------------


@needs_seeds
def test_vest_viken_names_as_written() -> None:
    p = vest_viken.partnership()
    lines = _lines("003")
    assert p.name == "Helsefelleskap Vest-Viken" == lines[0]
    assert "Helsefelleskapet Vest-viken" in p.aliases
    assert p.established == dt.date(2020, 11, 23)
    assert p.description == (Paragraph(text=_line_after("003", "Helsefelleskapet Vest-viken")),)


@needs_seeds
def test_vest_viken_priority_groups_as_written() -> None:
    p = vest_viken.partnership()
    assert [g.text for g in p.priority_groups] == _bullets("003", "• ")[:4]
    assert [g.key for g in p.priority_groups] == GROUP_KEYS
    assert "Personer med rus og psykiske helseplage" in [g.text for g in p.priority_groups]
    assert p.priority_groups_text in _lines("003")


def test_vest_viken_has_21_municipalities_with_2020_numbers() -> None:
    p = vest_viken.partnership()
    municipalities = [o for o in p.parties if o.kind is OrganisationKind.MUNICIPALITY]
    assert len(municipalities) == 21
    assert {o.kommune_number.county for o in municipalities if o.kommune_number} == {"30"}
    assert all(o.valid_from == dt.date(2020, 1, 1) for o in municipalities)
    members = p.members_on(dt.date(2021, 1, 1))
    assert len(members) == 22
    assert {m.party for m in members} == {o.id for o in municipalities} | {"vestre-viken"}
    assert p.members_on(dt.date(2020, 11, 22)) == ()
    vv = p.party("vestre-viken")
    assert vv is not None and vv.organisation_number is not None
    assert vv.organisation_number.value == "894166762"
    ks = p.party("ks")
    assert ks is not None and ks.organisation_number is not None
    assert ks.organisation_number.value == "971032146"


@needs_seeds
def test_vest_viken_numbers_match_parties_csv() -> None:
    rows = {
        r["name"]: r
        for r in _parties_csv()
        if r["kind"] == "kommune"
        and r["valid_from"] == "2020-01-01"
        and "Vest-Viken" in r["partnership"]
    }
    assert len(rows) == 21
    municipalities = [
        o for o in vest_viken.partnership().parties if o.kind is OrganisationKind.MUNICIPALITY
    ]
    assert sorted(o.name for o in municipalities) == sorted(rows)
    for o in municipalities:
        row = rows[o.name]
        assert str(o.kommune_number) == row["kommunenummer"], o.name
        assert str(o.organisation_number) == row["organisasjonsnummer"], o.name
        assert o.valid_to == dt.date.fromisoformat(row["valid_to"])


def test_vest_viken_agreements() -> None:
    gov = vest_viken.agreement_government_ks()
    assert gov.level is khsmodel.AgreementLevel.NATIONAL
    assert gov.date == dt.date(2019, 10, 23)
    assert gov.short_title == "Avtale om etablering av helsefelleskap"
    assert [o.kind for o in gov.parties] == [OrganisationKind.GOVERNMENT, OrganisationKind.OTHER]
    assert [g.text for g in gov.priority_groups][1] == (
        "Personer med alvorlige psykiske lidelser og rusproblemer"
    )
    over = vest_viken.agreement_overarching()
    assert over.level is khsmodel.AgreementLevel.OVERARCHING
    assert over.url is not None and over.url.endswith(".pdf")
    p = vest_viken.partnership()
    assert p.agreements == (gov, over)
    for party in over.parties:
        assert p.party(party.id) == party


@needs_seeds
def test_vest_viken_agreement_texts_as_written() -> None:
    lines = _lines("003")
    gov = vest_viken.agreement_government_ks()
    over = vest_viken.agreement_overarching()
    for text in (gov.title, gov.short_title, gov.url, over.title, over.url):
        assert text in lines


@needs_seeds
def test_vest_viken_resources() -> None:
    p = vest_viken.partnership()
    lines = _lines("003")
    kinds = {r.kind for r in p.resources}
    assert khsmodel.ResourceKind.MINUTES in kinds
    by_body = {r.body: r for r in p.resources if r.body}
    assert by_body["ssu"].title in lines
    assert by_body["samarbeidsstyret"].title in lines
    assert by_body["samarbeidsstyret"].date == dt.date(2022, 1, 10)
    # the page's last line ("… er flyttet til ny side. Se: …") is the site's navigation:
    # no text of the resource; the page it names is the partnership's link
    assert "flyttet til ny side" in lines[-1]
    assert by_body["lsu"].text == ()
    assert any(link.title in lines[-1] for link in p.links)
    (info,) = [r for r in p.resources if r.kind is khsmodel.ResourceKind.MANAGEMENT_INFORMATION]
    assert info.url in lines
    assert [b.text for b in info.text if isinstance(b, Paragraph)] == [
        _line_after("003", "Styringsinformasjon")
    ]


@needs_seeds
def test_meeting_numbers_and_texts() -> None:
    m = vest_viken.partnership_meeting_2022()
    text = _seed("003")
    assert m.date == dt.date(2022, 2, 4)
    assert m.body == "partnerskapsmotet"
    assert (m.participants_count, m.participants_approximate) == (80, True)
    assert m.participants_text == "ca. 80 deltakere" and "med ca. 80 deltakere" in text
    assert m.represented_text == "Alle de 21 kommunene i kommunehelsesamarbeidet var representert."
    assert m.represented_text in text
    assert len(m.represented_parties) == 21 == len(set(m.represented_parties))
    assert m.partnership is not None
    assert set(m.represented_parties) == {
        o.id for o in m.partnership.parties if o.kind is OrganisationKind.MUNICIPALITY
    }
    assert m.title in _lines("003")
    assert [(link.title, link.url) for link in m.links] == [
        ("Øvrig omtale av møtet", _line_after("003", "Øvrig omtale av møtet;"))
    ]
    mandate = m.partnership.body("partnerskapsmotet")
    assert mandate is not None and mandate.level == 1
    assert mandate.mandate[0] == m.description[0]


@needs_seeds
def test_programme_bullets_as_written() -> None:
    m = vest_viken.partnership_meeting_2022()
    assert [item.text for item in m.programme] == _bullets("003", "• ")[4:]
    assert len(m.programme) == 6


EXPECTED_SPEAKERS = [
    ["Siri Hatlen", "Gunn Cecilie Ringdal"],
    ["Grete Syrdal"],
    ["Rune Kløvtveit", "Håvard Hagen Vika"],
    ["Lisbeth Sommervoll"],
    ["Grete Syrdal", "Kari Hesselberg", "Anne-Hilde Crowo"],
    ["Andreas Moan"],
]


@needs_seeds
def test_programme_speakers_as_written() -> None:
    m = vest_viken.partnership_meeting_2022()
    assert [[s.name for s in item.speakers] for item in m.programme] == EXPECTED_SPEAKERS
    for item in m.programme:
        for speaker in item.speakers:
            assert speaker.text is not None and speaker.text in item.text
            assert speaker.text.startswith(f"{speaker.name}, ")
            assert speaker.roles
            for role in speaker.roles:
                assert role.title in speaker.text
                assert role.organisation_text is None or role.organisation_text in speaker.text


def test_speaker_roles_point_at_parties_and_bodies() -> None:
    m = vest_viken.partnership_meeting_2022()
    roles = {s.name + "/" + r.title: r for item in m.programme for s in item.speakers
             for r in s.roles}  # fmt: skip
    assert roles["Siri Hatlen/styreleder"].organisation == "vestre-viken"
    assert roles["Gunn Cecilie Ringdal/Ordfører"].organisation == "lier"
    assert roles["Grete Syrdal/avtroppende leder"].body == "ssu"
    assert roles["Grete Syrdal/leder"].body == "samarbeidsstyret"
    assert roles["Grete Syrdal/Kommunalsjef Helse og sosial"].organisation == "baerum"
    assert roles["Kari Hesselberg/Kommunalsjef"].organisation == "ovre-eiker"
    assert roles["Anne-Hilde Crowo/Kommunalsjef Helsetjenester"].organisation == "drammen"
    assert roles["Rune Kløvtveit/leder"].body == "brukerutvalget"
    assert roles["Håvard Hagen Vika/representant"].kind is khsmodel.RoleKind.GP_REPRESENTATIVE
    assert roles["Lisbeth Sommervoll/administrerende direktør"].organisation == "vestre-viken"
    assert roles["Andreas Moan/Prosjektdirektør"].organisation == "helse-sor-ost"
    assert roles["Andreas Moan/Prosjektdirektør"].organisation_text == "Helse-Sør Øst"


@needs_seeds
def test_programme_note_and_presentations() -> None:
    m = vest_viken.partnership_meeting_2022()
    lines = _lines("003")
    sommervoll = m.programme[3]
    assert sommervoll.notes == ("Utviklingsplanen ligger ute til høring med frist den 21 mars.",)
    assert sommervoll.notes[0] in lines
    # the page links files by name; the title a reader sees is kept apart from it
    files = [a.file_name for a in m.presentations]
    assert files == _seed_003_presentations()
    assert files == [
        "Vestre-Viken-utviklingsplan",
        "Status-helsefelleskapet",
        "Digital-transformasjon-",
        "Fire-prioriterte-grupper-i-helsefellesskapet",
    ]
    titles = [a.title for a in m.presentations]
    assert titles == [
        "Vestre Viken utviklingsplan",
        "Status helsefelleskapet",
        "Digital transformasjon",
        "Fire prioriterte grupper i helsefellesskapet",
    ]
    linked = {t: i for i, item in enumerate(m.programme) for t in item.presentations}
    assert linked == {
        "Status helsefelleskapet": 1,
        "Vestre Viken utviklingsplan": 3,
        "Digital transformasjon": 5,
    }
    for note in m.notes:
        assert isinstance(note, Paragraph) and note.text in lines


# --- seed 004: Lofoten, Vesterålen og Salten -----------------------------------------


@needs_seeds
def test_lofoten_parties_match_parties_csv() -> None:
    rows = {
        r["name"]: r
        for r in _parties_csv()
        if r["kind"] == "kommune" and "Lofoten" in r["partnership"]
    }
    p = lofoten.partnership()
    municipalities = [o for o in p.parties if o.kind is OrganisationKind.MUNICIPALITY]
    assert sorted(o.name for o in municipalities) == sorted(rows)
    memberships = {m.party: m for m in p.memberships}
    for o in municipalities:
        row = rows[o.name]
        assert str(o.kommune_number) == row["kommunenummer"], o.name
        assert str(o.organisation_number) == row["organisasjonsnummer"], o.name
        inferred = "membership inferred" in row["verified"]
        note = memberships[o.id].note or ""
        # a reader's note: the region in Norwegian; that a membership is inferred is the
        # model's provenance, not a note a document prints
        assert note in {"Lofoten", "Salten", "Vesterålen"}, (o.name, inferred)
        assert memberships[o.id].valid_from is None  # parties.csv has no membership dates
    nlsh = p.party("nordlandssykehuset")
    assert nlsh is not None and str(nlsh.organisation_number) == "983974910"
    assert nlsh.parent == "helse-nord"
    assert memberships["nordlandssykehuset"].role is khsmodel.MembershipRole.HOSPITAL_TRUST


def test_lofoten_sami_names() -> None:
    p = lofoten.partnership()

    def names(party_id: str) -> list[tuple[str, str]]:
        org = p.party(party_id)
        assert org is not None
        return [(n.name, n.lang) for n in org.other_names]

    assert names("hamaroy") == [("Hábmer", "smj")]
    assert names("fauske") == [("Fuossko", "smj"), ("Fuosko", "smj")]
    assert names("sorfold") == [("Fuolldá", "smj")]
    assert names("sortland") == [("Suortá", "se")]
    assert names("bodo") == []


def test_lofoten_bodies() -> None:
    p = lofoten.partnership()
    meeting = p.body("partnerskapsmotet")
    assert meeting is not None and "Dialog- og partnerskapsmøtet" in meeting.aliases
    oso = p.body("oso")
    assert oso is not None and oso.kind is khsmodel.BodyKind.OVERARCHING_COMMITTEE
    clinical = p.body("klinisk-samarbeidsutvalg")
    assert clinical is not None and clinical.parent == "oso"
    assert clinical.kind is khsmodel.BodyKind.CLINICAL_COMMITTEE
    mandate = clinical.mandate[0]
    assert isinstance(mandate, Paragraph)
    assert "bestående av representanter fra kommunene, helseforetaket og brukerutvalget" in (
        mandate.text
    )
    secretariat = p.body("samhandlingssekretariat")
    assert secretariat is not None and secretariat.kind is khsmodel.BodyKind.SECRETARIAT
    (declaration,) = p.resources
    assert declaration.kind is khsmodel.ResourceKind.DECLARATION
    assert declaration.title == "Vestfjorderklæringen 2021 - 2023"
    assert declaration.period is not None and declaration.period.contains(dt.date(2022, 6, 1))


@needs_seeds
def test_plan_title_period_and_purpose() -> None:
    plan = lofoten.action_plan_2021_2022()
    lines = _lines("004")
    assert plan.title in lines
    assert plan.owner == "ssu" and plan.status is khsmodel.PlanStatus.PROPOSED
    assert plan.period is not None
    assert plan.period.start == dt.date(2021, 9, 23)
    assert plan.period.end is None
    assert plan.period.end_event == EventRef(
        name="partnerskapsmøtet 2022", body="partnerskapsmotet"
    )
    assert plan.period.text == "23. september 2021 til og med partnerskapsmøtet 2022"
    assert [b.text for b in plan.introduction if isinstance(b, Paragraph)] == [
        "Gjeldene for perioden 23. september 2021 til og med partnerskapsmøtet 2022."
    ]
    assert [b.text for b in plan.purpose if isinstance(b, Paragraph)] == [
        _line_after("004", "Formål")
    ]
    assert plan.priority_groups_text in lines
    assert [g.text for g in plan.priority_groups] == _bullets("004", "- ")[4:8]
    assert [g.key for g in plan.priority_groups] == GROUP_KEYS


@needs_seeds
def test_plan_focus_areas_and_measures_as_written() -> None:
    plan = lofoten.action_plan_2021_2022()
    expected = _seed_004_plan()
    assert len(expected) == 4
    # the third heading has no bullets; the sentence after it (with its full stop, not a
    # heading) and that sentence's bullet are its content
    assert [(fa.title, [m.text for m in fa.measures]) for fa in plan.focus_areas] == [
        *expected[:2], (expected[2][0], list(expected[3][1]))
    ]
    assert expected[2][1] == []
    assert [getattr(p, "text", None) for p in plan.focus_areas[2].description] == [expected[3][0]]
    assert [fa.number for fa in plan.focus_areas] == [1, 2, 3]
    assert sum(1 for _ in plan.iter_measures()) == 7 == len(_bullets("004", "- ")) - 8
    for fa, measure in plan.iter_measures():
        assert fa.label is None
        assert measure.number == fa.measures.index(measure) + 1
        assert measure.responsibility is None and measure.timeframe is None


@needs_seeds
def test_case_header_as_written() -> None:
    case = lofoten.case_07_2021()
    lines = _lines("004")
    assert case.document_type == "Partnerskapsmøte sak 07-2021" and case.document_type in lines
    assert case.title in lines
    assert (case.case_number.sequence, case.case_number.year) == (7, 2021)
    assert case.body == "partnerskapsmotet"
    (officer,) = case.case_officers
    assert f"Saksbehandler: {officer.name}" in lines
    assert case.document_date is not None and case.meeting_date is not None
    assert f"Dato dok: {case.document_date:%d.%m.%Y}" in lines
    assert f"Møtedato: {case.meeting_date:%d.%m.%Y}" in lines
    assert f"Vår ref: {case.archive_reference}" in lines
    assert case.attachments_heading in lines
    (attachment,) = case.attachments
    assert attachment.title == _line_after("004", "Vedlegg (t):")
    assert attachment.document == lofoten.action_plan_2021_2022()


@needs_seeds
def test_case_recommendation_and_sections() -> None:
    case = lofoten.case_07_2021()
    assert case.proposal is not None
    assert case.proposal.kind is khsmodel.ProposalKind.RECOMMENDATION
    assert case.proposal.heading == "Anbefaling"
    assert case.proposal.text == _line_after("004", "Anbefaling")
    assert case.proposal.proposed_by == "oso"
    background = case.section(khsmodel.SectionKind.BACKGROUND)
    assert background is not None and background.heading == "Bakgrunn"
    assert [b.text for b in background.content if isinstance(b, Paragraph)] == [
        _line_after("004", "Bakgrunn")
    ]
    presentation = case.section(khsmodel.SectionKind.PRESENTATION)
    assert presentation is not None and presentation.heading == "Saksfremstilling"
    first, groups, last = presentation.content
    assert isinstance(first, Paragraph) and first.text == _line_after("004", "Saksfremstilling")
    assert isinstance(groups, ItemList) and list(groups.items) == _bullets("004", "- ")[:4]
    assert isinstance(last, Paragraph) and last.text.startswith("Videre tar handlingsplanen")


@needs_seeds
def test_case_references_and_oso_decision() -> None:
    case = lofoten.case_07_2021()
    text = _seed("004")
    mandate, recommendation = case.references
    assert mandate.text == "OSO sak 004-2021"
    assert mandate.case_number is not None
    assert (mandate.case_number.text, mandate.case_number.sequence) == ("004-2021", 4)
    assert mandate.body == "oso"
    assert mandate.decision is not None and mandate.decision.text in text
    decision = recommendation.decision
    assert decision is not None
    assert decision.text == "Et enstemmig OSO anbefaler at den vedlagte handlingsplanen vedtas."
    assert decision.text in text
    assert decision.kind is khsmodel.DecisionKind.RECOMMENDATION
    assert decision.body == "oso" and decision.unanimous is True
