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

from ._base import Block, Link, Period, document, language_field, model
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
    """One item of § 6-2 first paragraph: its number, key words, in-force date.

    ``subject`` gives the item in key words (shared/domain/law-and-agreements.md),
    not the statute's wording: documents print it as key words, and the exact
    text is Lovdata's. ``number`` is the item's position in the list, or None
    where the sources disagree (``joint_planning``: 12 or 13). ``verified``
    False: the item itself is not confirmed in the consolidated law text;
    ``date_assumed``: the in-force date is the act's main date, not checked for
    this section.
    """

    key: StatutoryItem
    number: int | None
    subject: str
    in_force: dt.date
    verified: bool = True
    date_assumed: bool = False


_D2012 = dt.date(2012, 1, 1)
_D2022 = dt.date(2022, 8, 1)


def _item(key: StatutoryItem, number: int | None, subject: str, in_force: dt.date = _D2012,
          **kw: bool) -> StatutoryItemDefinition:  # fmt: skip
    # items 1-11: in force with the act's main date (2012-01-01), assumed for § 6-2
    assumed = kw.pop("date_assumed", in_force == _D2012)
    return StatutoryItemDefinition(
        key=key, number=number, subject=subject, in_force=in_force, date_assumed=assumed, **kw
    )


#: § 6-2 items, in the key words of shared/domain/law-and-agreements.md. Numbers are
#: positions in the law's list: 1–11 from 2012-01-01 (date assumed), item 12
#: (children and young people) from 2022-08-01. ``joint_planning`` is kept apart
#: (``verified=False``, no number): it was passed by Stortinget in 2021 but is not in
#: the consolidated text seen, and sources number it 12 or 13.
STATUTORY_ITEMS: tuple[StatutoryItemDefinition, ...] = (
    _item(StatutoryItem.TASK_DIVISION, 1,
          "enighet om hvilke helse- og omsorgsoppgaver hvert forvaltningsnivå har ansvar for, "
          "og hvilke tiltak partene skal utføre"),
    _item(StatutoryItem.ADMISSION_DISCHARGE_REHAB, 2,
          "retningslinjer for samarbeid ved innleggelse, utskrivning, habilitering, "
          "rehabilitering og lærings- og mestringstilbud (pasienter med behov for "
          "koordinerte tjenester)"),
    _item(StatutoryItem.HOSPITAL_ADMISSION, 3, "retningslinjer for innleggelse i sykehus"),
    _item(StatutoryItem.MUNICIPAL_EMERGENCY_BEDS, 4,
          "beskrivelse av kommunens tilbud om døgnopphold for øyeblikkelig hjelp "
          "(§ 3-5 tredje ledd)"),
    _item(StatutoryItem.DISCHARGE_READY_PATIENTS, 5,
          "retningslinjer for samarbeid om utskrivningsklare pasienter som trenger kommunale "
          "tjenester"),
    _item(StatutoryItem.KNOWLEDGE_EXCHANGE, 6,
          "retningslinjer for gjensidig kunnskapsoverføring og informasjonsutveksling, "
          "faglige nettverk og hospitering"),
    _item(StatutoryItem.RESEARCH_EDUCATION, 7,
          "samarbeid om forskning, utdanning, praksis og læretid"),
    _item(StatutoryItem.MIDWIFERY, 8, "samarbeid om jordmortjenester"),
    _item(StatutoryItem.LOCAL_ICT, 9, "samarbeid om IKT-løsninger lokalt"),
    _item(StatutoryItem.PREVENTION, 10, "samarbeid om forebygging"),
    _item(StatutoryItem.PREPAREDNESS_ACUTE_CHAIN, 11,
          "omforente beredskapsplaner og planer for den akuttmedisinske kjeden"),
    _item(StatutoryItem.CHILDREN_COMPLEX_NEEDS, 12,
          "samarbeid om tjenester til barn og unge med sammensatte vansker og lidelser som "
          "får tjenester fra begge forvaltningsnivåene", _D2022),
    _item(StatutoryItem.JOINT_PLANNING, None,
          "hvordan partene sammen skal planlegge og utvikle tjenester (konkret beskrivelse)",
          _D2022, verified=False, date_assumed=True),
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


@document
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
    #: The language the document is written in (BCP 47; exporters print their words in it).
    language: str = language_field()

    def section(self, topic: AgreementTopic) -> AgreementSection | None:
        """The first section on a topic, or None."""
        return next((s for s in self.sections if s.topic is topic), None)

    def missing_statutory_items(self, on: dt.date | None = None) -> tuple[StatutoryItem, ...]:
        """§ 6-2 items in force on ``on`` (default: the agreement's date, else the latest list)
        that it does not cover."""
        # an undated agreement is judged by the latest version of the list, never by the
        # clock: the same agreement gives the same answer every day (as validate does)
        latest = max(i.in_force for i in STATUTORY_ITEMS if i.verified)
        day = on or self.date or (self.validity.first_day if self.validity else None) or latest
        covered = set(self.statutory_items)
        for s in self.sections:
            covered.update(s.statutory_items)
        return tuple(i.key for i in statutory_items_in_force(day) if i.key not in covered)
