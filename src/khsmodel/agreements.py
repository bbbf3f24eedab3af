"""Agreements (samarbeidsavtale), the statutory items of hol. § 6-2, priority patient groups.

Both catalogues are versioned by date (see ``shared/domain/law-and-agreements.md``):

>>> import datetime as dt
>>> from khsmodel import statutory_items_in_force, priority_groups_on
>>> len(statutory_items_in_force(dt.date(2016, 2, 8))), len(statutory_items_in_force(dt.date(2023, 1, 1)))
(11, 12)
>>> [g.key.value for g in priority_groups_on(dt.date(2021, 9, 23))][:2]
['children_young', 'severe_mental_illness_substance']
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import ClassVar

from ._base import Block, Link, Period, model
from .decisions import Decision
from .parties import Organisation, Person

__all__ = [
    "PRIORITY_GROUP_VERSIONS",
    "STATUTORY_ITEMS",
    "Agreement",
    "AgreementLevel",
    "AgreementSection",
    "AgreementTopic",
    "PriorityGroup",
    "PriorityGroupKey",
    "StatutoryItem",
    "StatutoryItemDefinition",
    "priority_groups_on",
    "statutory_items_in_force",
]


class AgreementLevel(StrEnum):
    """Level of an agreement in the hierarchy."""

    NATIONAL = "national"  # e.g. the government–KS agreement of 2019
    OVERARCHING = "overarching"  # overordnet samarbeidsavtale
    SERVICE = "service"  # tjenesteavtale
    SUB = "sub"  # delavtale
    SPECIAL = "special"  # særavtale
    OTHER = "other"


class StatutoryItem(StrEnum):
    """Stable keys of the minimum contents of helse- og omsorgstjenesteloven § 6-2."""

    TASK_DIVISION = "task_division"
    ADMISSION_DISCHARGE_REHAB = "admission_discharge_rehab"
    HOSPITAL_ADMISSION = "hospital_admission"
    MUNICIPAL_EMERGENCY_BEDS = "municipal_emergency_beds"
    DISCHARGE_READY_PATIENTS = "discharge_ready_patients"
    KNOWLEDGE_EXCHANGE = "knowledge_exchange"
    RESEARCH_EDUCATION = "research_education"
    MIDWIFERY = "midwifery"
    LOCAL_ICT = "local_ict"
    PREVENTION = "prevention"
    PREPAREDNESS_ACUTE_CHAIN = "preparedness_acute_chain"
    CHILDREN_COMPLEX_NEEDS = "children_complex_needs"
    JOINT_PLANNING = "joint_planning"


@model
class StatutoryItemDefinition:
    """One item of § 6-2 first paragraph: its number in that version, key words, in-force date."""

    key: StatutoryItem
    number: int
    subject: str
    in_force: dt.date
    verified: bool = True


_D2012 = dt.date(2012, 1, 1)
_D2022 = dt.date(2022, 8, 1)

#: § 6-2 items. Item numbers are positions in the law's list; numbers 1–11 from
#: 2012-01-01, item 12 (children) from 2022-08-01. ``joint_planning`` is kept
#: apart (``verified=False``): its number and date differ between sources.
STATUTORY_ITEMS: tuple[StatutoryItemDefinition, ...] = (
    StatutoryItemDefinition(key=StatutoryItem.TASK_DIVISION, number=1, in_force=_D2012,
        subject="enighet om hvilke helse- og omsorgsoppgaver forvaltningsnivåene er "
                "pålagt ansvaret for og hvilke tiltak partene til enhver tid skal utføre"),
    StatutoryItemDefinition(key=StatutoryItem.ADMISSION_DISCHARGE_REHAB, number=2, in_force=_D2012,
        subject="retningslinjer for samarbeid i tilknytning til innleggelse, utskrivning, "
                "habilitering, rehabilitering og lærings- og mestringstilbud"),
    StatutoryItemDefinition(key=StatutoryItem.HOSPITAL_ADMISSION, number=3, in_force=_D2012,
        subject="retningslinjer for innleggelse i sykehus"),
    StatutoryItemDefinition(key=StatutoryItem.MUNICIPAL_EMERGENCY_BEDS, number=4, in_force=_D2012,
        subject="beskrivelse av kommunens tilbud om døgnopphold for øyeblikkelig hjelp"),
    StatutoryItemDefinition(key=StatutoryItem.DISCHARGE_READY_PATIENTS, number=5, in_force=_D2012,
        subject="retningslinjer for samarbeid om utskrivningsklare pasienter som antas å "
                "ha behov for kommunale tjenester"),
    StatutoryItemDefinition(key=StatutoryItem.KNOWLEDGE_EXCHANGE, number=6, in_force=_D2012,
        subject="retningslinjer for gjensidig kunnskapsoverføring og informasjonsutveksling "
                "og for faglige nettverk og hospitering"),
    StatutoryItemDefinition(key=StatutoryItem.RESEARCH_EDUCATION, number=7, in_force=_D2012,
        subject="samarbeid om forskning, utdanning, praksis og læretid"),
    StatutoryItemDefinition(key=StatutoryItem.MIDWIFERY, number=8, in_force=_D2012,
        subject="samarbeid om jordmortjenester"),
    StatutoryItemDefinition(key=StatutoryItem.LOCAL_ICT, number=9, in_force=_D2012,
        subject="samarbeid om IKT-løsninger lokalt"),
    StatutoryItemDefinition(key=StatutoryItem.PREVENTION, number=10, in_force=_D2012,
        subject="samarbeid om forebygging"),
    StatutoryItemDefinition(key=StatutoryItem.PREPAREDNESS_ACUTE_CHAIN, number=11, in_force=_D2012,
        subject="omforente beredskapsplaner og planer for den akuttmedisinske kjeden"),
    StatutoryItemDefinition(key=StatutoryItem.CHILDREN_COMPLEX_NEEDS, number=12, in_force=_D2022,
        subject="samarbeid om tjenester til barn og unge med sammensatte vansker og lidelser "
                "som får tjenester fra begge forvaltningsnivåene"),
    StatutoryItemDefinition(key=StatutoryItem.JOINT_PLANNING, number=12, in_force=_D2022,
        subject="hvordan partene sammen skal planlegge og utvikle tjenester", verified=False),
)  # fmt: skip


def statutory_items_in_force(
    on: dt.date, *, include_unverified: bool = False
) -> tuple[StatutoryItemDefinition, ...]:
    """The § 6-2 items in force on a date (the unverified ``joint_planning`` only if asked)."""
    return tuple(
        i for i in STATUTORY_ITEMS if i.in_force <= on and (i.verified or include_unverified)
    )


class PriorityGroupKey(StrEnum):
    """Canonical keys of the priority patient groups."""

    CHILDREN_YOUNG = "children_young"
    SEVERE_MENTAL_ILLNESS_SUBSTANCE = "severe_mental_illness_substance"
    FRAIL_ELDERLY = "frail_elderly"
    MULTIMORBIDITY = "multimorbidity"
    PREGNANCY_BIRTH_POSTNATAL = "pregnancy_birth_postnatal"


@model
class PriorityGroup:
    """A priority patient group as written ("Personer med rus og psykiske helseplage"), with its key."""

    text: str
    key: PriorityGroupKey | None = None


#: Versions of the national list: (valid from, groups in the exact wording of the source).
PRIORITY_GROUP_VERSIONS: dict[str, tuple[dt.date, tuple[PriorityGroup, ...]]] = {
    "2019": (dt.date(2019, 10, 23), (
        PriorityGroup(text="Barn og unge", key=PriorityGroupKey.CHILDREN_YOUNG),
        PriorityGroup(text="Personer med alvorlige psykiske lidelser og rusproblemer",
                      key=PriorityGroupKey.SEVERE_MENTAL_ILLNESS_SUBSTANCE),
        PriorityGroup(text="Skrøpelige eldre", key=PriorityGroupKey.FRAIL_ELDERLY),
        PriorityGroup(text="Personer med flere kroniske lidelser",
                      key=PriorityGroupKey.MULTIMORBIDITY),
    )),
    "2024": (dt.date(2024, 3, 1), (
        PriorityGroup(text="barn og unge", key=PriorityGroupKey.CHILDREN_YOUNG),
        PriorityGroup(text="personer med alvorlige psykiske lidelser og rusproblemer",
                      key=PriorityGroupKey.SEVERE_MENTAL_ILLNESS_SUBSTANCE),
        PriorityGroup(text="eldre med skrøpelighet", key=PriorityGroupKey.FRAIL_ELDERLY),
        PriorityGroup(text="personer med flere kroniske lidelser",
                      key=PriorityGroupKey.MULTIMORBIDITY),
        PriorityGroup(text="kvinner gjennom svangerskap, fødsel og barseltid",
                      key=PriorityGroupKey.PREGNANCY_BIRTH_POSTNATAL),
    )),
}  # fmt: skip


def priority_groups_on(on: dt.date) -> tuple[PriorityGroup, ...]:
    """The national priority groups in force on a date (empty before 23 October 2019)."""
    current: tuple[PriorityGroup, ...] = ()
    for valid_from, groups in sorted(PRIORITY_GROUP_VERSIONS.values(), key=lambda v: v[0]):
        if valid_from <= on:
            current = groups
    return current


class AgreementTopic(StrEnum):
    """What a section of an agreement is about."""

    PURPOSE = "purpose"  # formål
    ORGANISATION = "organisation"  # organisering
    FINANCING = "financing"  # finansiering
    TASKS = "tasks"  # oppgaver
    STATUTORY = "statutory"  # one or more § 6-2 items
    TERMINATION = "termination"  # revisjon, oppsigelse
    OTHER = "other"


@model
class AgreementSection:
    """A section of an agreement. ``content`` may be empty when the source only names the topic."""

    topic: AgreementTopic
    heading: str | None = None
    content: tuple[Block, ...] = ()
    statutory_items: tuple[StatutoryItem, ...] = ()


@model
class Agreement:
    """A cooperation agreement (samarbeidsavtale) or another agreement of the field.

    ``parties`` are the signing organisations (by value, so an agreement file
    stands alone). ``statutory_items`` lists the § 6-2 items it covers.

    >>> from khsmodel import Agreement, AgreementLevel
    >>> a = Agreement(id="vv-overordnet", level=AgreementLevel.OVERARCHING,
    ...               title="Overordnet samarbeidsavtale Helsefelleskap i Vest-Viken")
    >>> a.section(AgreementTopic.PURPOSE) is None
    True
    """

    KIND: ClassVar[str] = "agreement"

    id: str
    title: str
    level: AgreementLevel
    short_title: str | None = None
    parties: tuple[Organisation, ...] = ()
    signatories: tuple[Person, ...] = ()
    date: dt.date | None = None
    validity: Period | None = None
    description: tuple[Block, ...] = ()
    sections: tuple[AgreementSection, ...] = ()
    statutory_items: tuple[StatutoryItem, ...] = ()
    priority_groups: tuple[PriorityGroup, ...] = ()
    priority_groups_text: str | None = None
    decision: Decision | None = None
    parent: str | None = None
    replaces: str | None = None
    url: str | None = None
    links: tuple[Link, ...] = ()

    def section(self, topic: AgreementTopic) -> AgreementSection | None:
        """The first section on a topic, or None."""
        return next((s for s in self.sections if s.topic is topic), None)

    def missing_statutory_items(self, on: dt.date | None = None) -> tuple[StatutoryItem, ...]:
        """§ 6-2 items in force on ``on`` (default: the agreement date) that it does not cover."""
        day = on or self.date or (self.validity.start if self.validity else None) or dt.date.today()
        covered = set(self.statutory_items)
        for s in self.sections:
            covered.update(s.statutory_items)
        return tuple(i.key for i in statutory_items_in_force(day) if i.key not in covered)
