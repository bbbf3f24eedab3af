"""Parties: organisations (kommune, helseforetak, …), their units, and people with roles."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from ._base import model
from .identifiers import KommuneNumber, OrganisationNumber

__all__ = [
    "Organisation",
    "OrganisationKind",
    "OtherName",
    "Person",
    "Role",
    "RoleKind",
    "Unit",
]


class OrganisationKind(StrEnum):
    """Kind of organisation. Values follow ``shared/domain`` (party kinds in Norwegian)."""

    MUNICIPALITY = "kommune"
    COUNTY_AUTHORITY = "fylkeskommune"
    HOSPITAL_TRUST = "helseforetak"
    REGIONAL_HEALTH_AUTHORITY = "regionalt_helseforetak"
    INTERMUNICIPAL_COOPERATION = "interkommunalt_samarbeid"
    USER_COUNCIL = "brukerutvalg"
    GP_REPRESENTATION = "fastleger"
    GOVERNMENT = "statlig"
    OTHER = "other"


@model
class Unit:
    """A part of an organisation that is not a party itself: LMS, BUPA, a clinic, a hospital."""

    id: str
    name: str
    abbreviation: str | None = None


@model
class OtherName:
    """Another official name, e.g. a Sámi form ("Hábmer" for Hamarøy), with language and validity."""

    name: str
    lang: str
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


@model
class Organisation:
    """An organisation that can be a party: a municipality, a hospital trust, KS, a user council …

    One object holds one name and numbering period: a municipality that got a
    new kommunenummer in 2020 is two objects (``valid_to`` / ``valid_from``),
    linked by ``succeeded_by``. ``aliases`` are other names used in documents
    for the same party ("VV", "K26").

    >>> from khsmodel import Organisation, OrganisationKind, OrganisationNumber
    >>> vv = Organisation(id="vestre-viken", kind=OrganisationKind.HOSPITAL_TRUST,
    ...                   name="Vestre Viken HF",
    ...                   organisation_number=OrganisationNumber("894166762"))
    >>> vv.organisation_number.grouped()
    '894 166 762'
    """

    id: str
    kind: OrganisationKind
    name: str
    short_name: str | None = None
    aliases: tuple[str, ...] = ()
    organisation_number: OrganisationNumber | None = None
    kommune_number: KommuneNumber | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    parent: str | None = None
    units: tuple[Unit, ...] = ()
    other_names: tuple[OtherName, ...] = ()
    succeeded_by: tuple[str, ...] = ()
    url: str | None = None
    note: str | None = None

    def unit(self, unit_id: str) -> Unit | None:
        """The unit with this id, or None."""
        return next((u for u in self.units if u.id == unit_id), None)


class RoleKind(StrEnum):
    """Structured kind of a person's role; the role's text as written is kept beside it."""

    CHAIR = "chair"
    DEPUTY_CHAIR = "deputy_chair"
    MEMBER = "member"
    SECRETARY = "secretary"
    CASE_OFFICER = "case_officer"
    CHIEF_EXECUTIVE = "chief_executive"
    DIRECTOR = "director"
    MANAGER = "manager"
    MAYOR = "mayor"
    USER_REPRESENTATIVE = "user_representative"
    GP_REPRESENTATIVE = "gp_representative"
    PRACTICE_CONSULTANT = "practice_consultant"
    EMPLOYEE_REPRESENTATIVE = "employee_representative"
    OTHER = "other"


@model
class Role:
    """A person's role as written ("styreleder Vestre Viken helseforetak"), with structure.

    ``title`` is the role word(s) as written ("styreleder"); ``organisation`` and
    ``body`` refer by id to a party or a body; ``organisation_text`` keeps the
    organisation as written.
    """

    title: str
    kind: RoleKind | None = None
    organisation: str | None = None
    organisation_text: str | None = None
    body: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


@model
class Person:
    """A person with name and roles: "Siri Hatlen, styreleder Vestre Viken helseforetak".

    ``text`` keeps the whole description as written where the source gives one.

    >>> from khsmodel import Person, Role, RoleKind
    >>> p = Person(name="Siri Hatlen", roles=(Role(title="styreleder", kind=RoleKind.CHAIR,
    ...            organisation="vestre-viken", organisation_text="Vestre Viken helseforetak"),))
    >>> p.display()
    'Siri Hatlen, styreleder Vestre Viken helseforetak'
    """

    name: str
    roles: tuple[Role, ...] = ()
    text: str | None = None
    email: str | None = None

    def display(self) -> str:
        """The text as written, or name and roles joined as a Norwegian document would."""
        if self.text:
            return self.text
        parts = [" ".join(x for x in (r.title, r.organisation_text) if x) for r in self.roles]
        roles = " og ".join(p for p in parts if p)
        return f"{self.name}, {roles}" if roles else self.name
