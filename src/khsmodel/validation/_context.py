"""The machinery the rule modules share: lazy paths, the finding sink, reference sets.

Paths are built only when a finding is made: walkers pass :class:`At`
objects (a parent and one segment), or plain indices in the hot loops, and
``str()`` joins them on demand.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from ._report import Finding, Rule, Severity

if TYPE_CHECKING:
    from ..partnerships import Partnership

__all__ = ["At", "Ctx", "Refs"]


class At:
    """A JSON path, built lazily: ``At(At(None, "$"), ".focus_areas")``; ints are indices."""

    __slots__ = ("_parent", "_seg")

    def __init__(self, parent: At | None, seg: str | int) -> None:
        self._parent = parent
        self._seg = seg

    def f(self, name: str) -> At:
        """The path of a field of this object."""
        return At(self, name)

    def i(self, index: int) -> At:
        """The path of an item of this array."""
        return At(self, index)

    def __str__(self) -> str:
        parts: list[str] = []
        node: At | None = self
        while node is not None:
            seg = node._seg
            if isinstance(seg, int):
                parts.append(f"[{seg}]")
            elif node._parent is None:
                parts.append(seg)
            else:
                parts.append(f".{seg}")
            node = node._parent
        return "".join(reversed(parts))

    def __repr__(self) -> str:
        return f"At({str(self)!r})"


ROOT = At(None, "$")


class Refs:
    """Ids that references in a document resolve against.

    ``parties`` / ``bodies`` are None when unknown (no partnership, or one
    that lists none): references are then counted, not checked.
    """

    __slots__ = ("bodies", "parties", "units")

    def __init__(
        self,
        parties: frozenset[str] | None = None,
        bodies: frozenset[str] | None = None,
        units: Mapping[str, frozenset[str]] | None = None,
    ) -> None:
        self.parties = parties
        self.bodies = bodies
        self.units: Mapping[str, frozenset[str]] = units or {}

    @classmethod
    def of(cls, partnership: Partnership) -> Refs:
        parties = frozenset(p.id for p in partnership.parties) or None
        bodies = frozenset(b.id for b in partnership.bodies) or None
        units = {p.id: frozenset(u.id for u in p.units) for p in partnership.parties}
        return cls(parties, bodies, units)


NO_REFS = Refs()


class Ctx:
    """Collects findings for one :func:`validate` call."""

    __slots__ = ("_dispatch", "checked", "enabled", "findings", "good", "severity", "unresolved")

    def __init__(
        self,
        rules: Mapping[str, Rule],
        enabled: frozenset[str],
        dispatch: Callable[[Ctx, Any, At, Refs, bool], None],
    ) -> None:
        self.findings: list[Finding] = []
        self.severity: dict[str, Severity] = {c: r.severity for c, r in rules.items()}
        self.enabled = enabled
        self.unresolved = 0
        self.checked: list[Partnership] = []
        #: Texts found fine as required texts in this run (see ``common.BAD``).
        self.good: set[str] = set()
        self._dispatch = dispatch

    def add(self, code: str, path: At | str, message: str) -> None:
        """Record a finding of rule ``code`` (if that rule is enabled)."""
        severity = self.severity[code]  # KeyError: a code missing from the catalogue
        if code in self.enabled:
            self.findings.append(Finding(code, severity, str(path), message))

    def on(self, code: str) -> bool:
        return code in self.enabled

    def document(self, doc: Any, at: At, refs: Refs, standalone: bool = True) -> None:
        """Check a (nested) document at ``at``; references fall back to ``refs``."""
        self._dispatch(self, doc, at, refs, standalone)

    def party_ok(self, refs: Refs, party_id: str) -> bool:
        """False when ``party_id`` is known to be dangling; unknown context counts as ok."""
        if refs.parties is None:
            self.unresolved += 1
            return True
        return party_id in refs.parties

    def body_ok(self, refs: Refs, body_id: str) -> bool:
        """False when ``body_id`` is known to be dangling; unknown context counts as ok."""
        if refs.bodies is None:
            self.unresolved += 1
            return True
        return body_id in refs.bodies

    def first_check_of(self, partnership: Partnership) -> bool:
        """True the first time a partnership (by identity or equality) is seen in this run."""
        for seen in self.checked:
            if seen is partnership or seen == partnership:
                return False
        self.checked.append(partnership)
        return True
