"""The next plan from the last, and what changed between two plans.

:func:`next_plan` (also ``ActionPlan.next_plan``) makes a new plan that
carries over the measures not closed (or those chosen): each points back with
``carried_over_from``, its status and progress stay in the old plan, and its
timeframe is read again against the new period. :func:`diff` compares two plans
and gives a :class:`PlanDiff`: measures added, removed, carried over and
changed (text, details, responsibility, timeframe, focus area), measures whose
status or progress notes differ (not compared for a measure carried over: it
starts the new plan without them), focus areas added, removed, renamed or
renumbered.

How measures are matched, in this order, each measure at most once:

1. ``carried_over_from``: a new measure whose reference names the old plan
   (its ``id``) and a measure of it (focus area and number, or else the text);
2. identity: the same measure ``id``;
3. the same text, compared without case, punctuation and extra spaces (in plan
   order when a text occurs more than once);
4. similar text: :func:`similarity` (the :class:`difflib.SequenceMatcher`
   ratio of the texts' words) at least :data:`SIMILARITY` (0.75): one word of
   eight changed still matches, two of four do not. Candidates are found through an index of
   words shared with the old texts, so the work grows
   with the number of measures and the words they share, not with the product
   of the two plans' sizes: a new text's rarest words propose old texts, at
   most :data:`WORD_BUDGET` of them, and it is compared with the
   :data:`CANDIDATES` that share most words. The best pairs are taken first (highest ratio, then plan order).

>>> import datetime as dt
>>> from khsmodel import ActionPlan, FocusArea, Measure, Period, diff
>>> old = ActionPlan(id="hp-2015", title="Handlingsplan 2015", focus_areas=(FocusArea(number=1,
...     title="Kompetanse", measures=(Measure(number=1, text="Alert-opplæring i kommunene"),
...                                   Measure(number=2, text="Nyhetsbrev"))),))
>>> new = old.next_plan(title="Handlingsplan 2016", id="hp-2016",
...                     period=Period(start=dt.date(2016, 1, 1), end=dt.date(2016, 12, 31)))
>>> d = diff(old, new)
>>> [(m.old.number, m.new.number, m.how) for m in d.carried]
[(1, 1, 'carried_over'), (2, 2, 'carried_over')]
>>> print(diff(old, old).text())
Handlingsplan 2015 → Handlingsplan 2015: ingen endringer
>>> from khsmodel.labels import EN
>>> print(diff(old, old).text(EN))
Handlingsplan 2015 → Handlingsplan 2015: no differences
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict, deque
from collections.abc import Iterator
from itertools import compress, islice
from typing import Any

import attrs

from .errors import DocumentKindError
from .labels import Labels, for_language
from .plans import ActionPlan, FocusArea, Measure, MeasureStatus, next_plan, shared_headings

__all__ = [
    "CANDIDATES",
    "RENAMED",
    "SIMILARITY",
    "WORD_BUDGET",
    "FocusAreaChange",
    "MeasureMatch",
    "MeasurePlace",
    "PlanDiff",
    "diff",
    "next_plan",
    "similarity",
]

#: Least :class:`difflib.SequenceMatcher` ratio of two texts taken as one measure reworded.
SIMILARITY = 0.75
#: Least ratio of two titles of focus areas with one number taken as one area renamed.
RENAMED = 0.5
#: The most old texts the words of one new text propose as candidates (its rarest words
#: first; the rarest always, up to this many of its texts).
WORD_BUDGET = 400
#: The most old measures one new measure is compared with.
CANDIDATES = 8

_PUNCT = re.compile(r"[\W_]+")

def _words(norm: str) -> list[str]:
    return norm.split()


def _bag(words: list[str]) -> frozenset[str]:
    """The words as a set that keeps repeats apart: the second "og" is "og\x002", so the
    size of two bags' intersection is the number of words the texts have in common."""
    seen: dict[str, int] = {}
    out = []
    for w in words:
        k = seen[w] = seen.get(w, 0) + 1
        out.append(w if k == 1 else f"{w}\x00{k}")
    return frozenset(out)


def _matched(a: list[str], b2j: dict[str, list[int]], n_b: int) -> int:
    """How many elements of ``a`` and ``b`` SequenceMatcher(None, a, b, autojunk=False)
    matches (the sum of its matching blocks' sizes; ``b2j``: each element of ``b`` to
    its indices, ascending, ``n_b`` its length): the same longest-block-first
    recursion, without the junk handling that has nothing to do here and without
    building the blocks, so ``2 * _matched(…) / (len(a) + len(b))`` is its ratio."""
    total = 0
    todo = [(0, len(a), 0, n_b)]
    while todo:
        alo, ahi, blo, bhi = todo.pop()
        besti, bestj, bestsize = alo, blo, 0
        j2len: dict[int, int] = {}
        for i in range(alo, ahi):
            newj2len: dict[int, int] = {}
            for j in b2j.get(a[i], ()):
                if j < blo:
                    continue
                if j >= bhi:
                    break
                k = newj2len[j] = j2len.get(j - 1, 0) + 1
                if k > bestsize:
                    besti, bestj, bestsize = i - k + 1, j - k + 1, k
            j2len = newj2len
        if bestsize:
            total += bestsize
            if alo < besti and blo < bestj:
                todo.append((alo, besti, blo, bestj))
            if besti + bestsize < ahi and bestj + bestsize < bhi:
                todo.append((besti + bestsize, ahi, bestj + bestsize, bhi))
    return total


def _most_shared(shared: Counter[int], n: int) -> list[int]:
    """The ``n`` old texts sharing most words, ties in the order they were proposed: what
    ``Counter.most_common(n)`` gives, one count at a time from the highest (the counts are
    a few words at most), each level picked in C rather than through a heap in Python."""
    out: list[int] = []
    level = max(shared.values())
    while level > 0 and len(out) < n:
        out.extend(islice(compress(shared, map(level.__eq__, shared.values())), n - len(out)))
        level -= 1
    return out


def similarity(a: str, b: str) -> float:
    """How alike two measure texts are, 0.0 to 1.0: the :class:`difflib.SequenceMatcher`
    ratio of their words, compared without case and punctuation.

    >>> similarity("Utvikle e-læringsmoduler", "utvikle E-LÆRINGSMODULER!")
    1.0
    >>> round(similarity("Kartlegge bruk av døgnplasser", "Kartlegge bruken av døgnplasser"), 2)
    0.75
    """
    return _ratio(_norm(a), _norm(b))


def _ratio(a: str, b: str) -> float:
    """The similarity of two compared (normalised) texts: 1.0 when equal."""
    if a == b:
        return 1.0
    return difflib.SequenceMatcher(None, _words(a), _words(b), autojunk=False).ratio()


def _similar(a: str, b: str, least: float) -> bool:
    return difflib.SequenceMatcher(None, _norm(a), _norm(b), autojunk=False).ratio() >= least


def _norm(text: str) -> str:
    """A text as compared: no case, punctuation or extra spaces."""
    return _PUNCT.sub(" ", text.casefold()).strip()


# ---------------------------------------------------------------- the diff


@attrs.frozen
class MeasurePlace:
    """A measure where a plan has it: focus area (None: ongoing activities), number, words.

    ``heading`` is the measure's own heading, as the plan's tables print it over its text
    ("Fagdag" over "Kommunene etterspør kompetanse …"); None for one without, or whose
    heading heads a group of measures (:func:`khsmodel.plans.shared_headings`)."""

    focus_area: int | None
    focus_area_title: str | None
    number: int
    text: str
    label: str | None = None
    heading: str | None = None
    #: The measure's status in its plan (what ``followup`` compares), None for none.
    status: MeasureStatus | None = None

    def name(self, ongoing: str = "ongoing {number}") -> str:
        """"2.3 'Konferanse'": focus area and number (or ``ongoing``, "ongoing 3"), and the
        text, after the measure's own heading as the tables print it ("2.4 Fagdag:
        'Kommunene …'")."""
        where = f"{self.focus_area}.{self.number}" if self.focus_area is not None else (
            ongoing.format(number=self.number))  # fmt: skip
        return f"{where} {self.heading}: {self.text!r}" if self.heading else f"{where} {self.text!r}"

    def to_data(self) -> dict[str, Any]:
        return {
            "focus_area": self.focus_area,
            "focus_area_title": self.focus_area_title,
            "number": self.number,
            "label": self.label,
            "heading": self.heading,
            "text": self.text,
            "status": self.status.value if self.status is not None else None,
        }


@attrs.frozen
class MeasureMatch:
    """A measure of the old plan and the new one taken to be the same measure.

    ``how``: ``carried_over``, ``id``, ``text`` or ``similar``; ``similarity``
    the ratio of the compared texts (1.0 when equal); ``changed`` what differs:
    ``text``, ``details``, ``responsibility``, ``timeframe`` (as written) and
    ``focus_area`` (moved to another focus area); ``followup`` what differs in the
    follow-up of the measure: ``status`` and ``progress`` (its dated notes); always
    empty for one carried over, whose status and progress stay in the old plan.
    """

    old: MeasurePlace
    new: MeasurePlace
    how: str
    similarity: float
    changed: tuple[str, ...] = ()
    followup: tuple[str, ...] = ()

    def to_data(self) -> dict[str, Any]:
        return {"old": self.old.to_data(), "new": self.new.to_data(), "how": self.how,
                "similarity": round(self.similarity, 3), "changed": list(self.changed),
                "followup": list(self.followup)}  # fmt: skip


@attrs.frozen
class FocusAreaChange:
    """A focus area ``added``, ``removed``, ``renamed`` (same number, other title) or
    ``renumbered`` (same title, other number); ``old`` and ``new`` are (number, title)."""

    kind: str
    old: tuple[int, str] | None
    new: tuple[int, str] | None

    def to_data(self) -> dict[str, Any]:
        def side(x: tuple[int, str] | None) -> dict[str, Any] | None:
            return None if x is None else {"number": x[0], "title": x[1]}

        return {"kind": self.kind, "old": side(self.old), "new": side(self.new)}


@attrs.frozen
class PlanDiff:
    """What changed from ``old`` to ``new``: see the module's documentation.

    False (empty) when nothing did: no measure added, removed, carried over or
    changed, none with another status or progress, no focus area changed.
    ``identical`` says whether the two plans are equal in every field (titles,
    period, ids … as well): a diff can be empty for plans that differ in what it
    does not compare, and its :meth:`text` then says what did not change.
    """

    old_title: str
    new_title: str
    added: tuple[MeasurePlace, ...]
    removed: tuple[MeasurePlace, ...]
    matched: tuple[MeasureMatch, ...]
    focus_areas: tuple[FocusAreaChange, ...]
    #: The new plan's language: the words of :meth:`text` (``nb``, ``nn``, ``en`` …).
    language: str = "nb"
    #: The two plans are equal in every field: "ingen endringer" is then literally true.
    identical: bool = False

    @property
    def carried(self) -> tuple[MeasureMatch, ...]:
        """The measures matched through ``carried_over_from``."""
        return tuple(m for m in self.matched if m.how == "carried_over")

    @property
    def changed(self) -> tuple[MeasureMatch, ...]:
        """The matched measures whose words or focus area differ."""
        return tuple(m for m in self.matched if m.changed)

    @property
    def followed_up(self) -> tuple[MeasureMatch, ...]:
        """The matched measures (not carried over) whose status or progress notes differ."""
        return tuple(m for m in self.matched if m.followup)

    def content_changed(self) -> bool:
        """Whether measures or focus areas changed apart from their follow-up (status,
        progress): what the appendix "Endringer fra forrige plan" lists."""
        return bool(self.added or self.removed or self.focus_areas or self.carried
                    or self.changed)  # fmt: skip

    def __bool__(self) -> bool:
        return self.content_changed() or bool(self.followed_up)

    def to_data(self) -> dict[str, Any]:
        """Plain data for JSON (``khsmodel diff --report json``)."""
        return {
            "old": self.old_title,
            "new": self.new_title,
            "focus_areas": [c.to_data() for c in self.focus_areas],
            "carried_over": [m.to_data() for m in self.carried],
            "changed": [m.to_data() for m in self.changed if m.how != "carried_over"],
            "followup": [m.to_data() for m in self.followed_up],
            "added": [p.to_data() for p in self.added],
            "removed": [p.to_data() for p in self.removed],
            "summary": self.counts(),
        }

    def counts(self) -> dict[str, int]:
        return {
            "carried_over": len(self.carried),
            "changed": len(self.changed),
            "added": len(self.added),
            "removed": len(self.removed),
            "focus_areas": len(self.focus_areas),
            "followup": len(self.followed_up),
        }

    def lines(self, labels: Labels | None = None) -> Iterator[str]:
        """The diff as text, one change a line, in the words of ``labels`` (by default those
        of the new plan's :attr:`language`: "nytt fokusområde: 1 'Barn og unge'")."""
        L = labels or for_language(self.language)
        w = L.plan_changes

        def name(p: MeasurePlace) -> str:
            return p.name(w["line_ongoing"])

        def status(p: MeasurePlace) -> str:
            return L.measure_status[p.status] if p.status else L.status_report["no_status"]

        for c in self.focus_areas:
            o = f"{c.old[0]} {c.old[1]!r}" if c.old else ""
            n = f"{c.new[0]} {c.new[1]!r}" if c.new else ""
            yield f"{w['line_area_' + c.kind]}: " + (f"{o} → {n}" if o and n else o or n)
        for m in self.matched:
            if m.how != "carried_over" and not m.changed and not m.followup:
                continue
            what = w["line_carried"] if m.how == "carried_over" else w["line_changed"]
            ratio = f"{m.similarity:.2f}".replace(".", w["decimal_mark"])
            how = f" [{w['line_similar'].format(ratio=ratio)}]" if m.how == "similar" else ""
            changed = (*m.changed, *m.followup)
            fields = f" ({', '.join(w[f] for f in changed)})" if changed else ""
            # a new status says from what to what ("status: Uten status → Gjennomført")
            moved = (f"; {w['status']}: {status(m.old)} → {status(m.new)}"
                     if "status" in m.followup else "")  # fmt: skip
            yield f"{what}{fields}: {name(m.old)} → {name(m.new)}{how}{moved}"
        for p in self.added:
            yield f"{w['line_added']}: {name(p)}"
        for p in self.removed:
            yield f"{w['line_removed']}: {name(p)}"

    def text(self, labels: Labels | None = None) -> str:
        """The diff as text (``khsmodel diff``): the titles, a line per change, the counts;
        in the words of ``labels``, by default the new plan's language's (the JSON of
        :meth:`to_data` keeps its English keys: it is data)."""
        w = (labels or for_language(self.language)).plan_changes
        head = f"{self.old_title} → {self.new_title}"
        if not self:
            # "ingen endringer" only where it is literally true; else what was compared
            return f"{head}: {w['line_none' if self.identical else 'line_none_compared']}"
        c = self.counts()
        summary = w["line_summary"].format(
            carried=c["carried_over"], changed=c["changed"], added=c["added"],
            removed=c["removed"], focus_areas=c["focus_areas"])  # fmt: skip
        if c["followup"]:
            summary += w["line_summary_followup"].format(followup=c["followup"])
        return "\n".join([head, *self.lines(labels), summary])


def _places(plan: ActionPlan) -> list[tuple[FocusArea | None, Measure]]:
    return [*plan.iter_measures(), *((None, m) for m in plan.ongoing_activities)]


def _own_headings(plan: ActionPlan) -> dict[int, str]:
    """id() of each measure with a heading of its own → that heading (the tables print it
    over the measure's text; a heading shared by neighbours heads a group instead)."""
    out: dict[int, str] = {}
    for measures in (*(fa.measures for fa in plan.focus_areas), plan.ongoing_activities):
        for m, shared in zip(measures, shared_headings(measures), strict=True):
            if m.heading is not None and not shared:
                out[id(m)] = m.heading
    return out


def _place(fa: FocusArea | None, m: Measure, own: dict[int, str]) -> MeasurePlace:
    return MeasurePlace(fa.number if fa else None, fa.title if fa else None, m.number, m.text,
                        m.label, own.get(id(m)), m.status)  # fmt: skip


def _focus_areas(old: ActionPlan, new: ActionPlan) -> tuple[list[FocusAreaChange], dict[int, int]]:
    """The focus area changes, and old number → new number of the areas that correspond:
    the same title (compared as texts are), else the same number and a title at least
    :data:`RENAMED` similar (renamed); others are removed and added."""
    by_title: dict[str, deque[FocusArea]] = defaultdict(deque)
    for fa in old.focus_areas:
        by_title[_norm(fa.title)].append(fa)
    same: dict[int, int] = {}
    used: set[int] = set()  # id() of the old areas that correspond to a new one
    changes: list[FocusAreaChange] = []
    pending: list[FocusArea] = []
    for fa in new.focus_areas:
        q = by_title.get(_norm(fa.title))
        if not q:
            pending.append(fa)
            continue
        o = q.popleft()
        same[o.number] = fa.number
        used.add(id(o))
        if o.number != fa.number:
            changes.append(FocusAreaChange("renumbered", (o.number, o.title), (fa.number, fa.title)))
    old_by_number = {fa.number: fa for fa in old.focus_areas}
    for fa in pending:
        by_number = old_by_number.get(fa.number)
        if (by_number is not None and id(by_number) not in used
                and _similar(by_number.title, fa.title, RENAMED)):  # fmt: skip
            used.add(id(by_number))
            same[by_number.number] = fa.number
            changes.append(FocusAreaChange("renamed", (by_number.number, by_number.title),
                                           (fa.number, fa.title)))  # fmt: skip
        else:
            changes.append(FocusAreaChange("added", None, (fa.number, fa.title)))
    for o in old.focus_areas:
        if id(o) not in used:
            changes.append(FocusAreaChange("removed", (o.number, o.title), None))
    return changes, same


def _changed(
    ofa: FocusArea | None, om: Measure, nfa: FocusArea | None, nm: Measure, areas: dict[int, int]
) -> tuple[str, ...]:
    out = []
    if om.text != nm.text:
        out.append("text")
    if om.details != nm.details:
        out.append("details")
    if (om.responsibility.text if om.responsibility else None) != (
        nm.responsibility.text if nm.responsibility else None
    ):
        out.append("responsibility")
    if (om.timeframe.text if om.timeframe else None) != (nm.timeframe.text if nm.timeframe else None):
        out.append("timeframe")
    o_area = areas.get(ofa.number) if ofa is not None else None
    n_area = nfa.number if nfa is not None else None
    if (ofa is None) != (nfa is None) or (ofa is not None and o_area != n_area):
        out.append("focus_area")
    return tuple(out)


def _followup(om: Measure, nm: Measure) -> tuple[str, ...]:
    return (*(("status",) if om.status != nm.status else ()),
            *(("progress",) if om.progress != nm.progress else ()))  # fmt: skip


def diff(old: ActionPlan, new: ActionPlan) -> PlanDiff:
    """What changed from ``old`` to ``new``; see the module's documentation for the matching."""
    for name, plan in (("old", old), ("new", new)):
        if not isinstance(plan, ActionPlan):
            raise DocumentKindError(
                ("ActionPlan",),
                type(plan).__name__,
                f"diff() compares action plans; {name} is a {type(plan).__name__}",
            )
    olds, news = _places(old), _places(new)
    area_changes, areas = _focus_areas(old, new)
    old_of: dict[int, int] = {}  # new index → old index
    taken: set[int] = set()
    how: dict[int, tuple[str, float]] = {}

    def pair(j: int, i: int, kind: str, ratio: float = 1.0) -> None:
        old_of[j] = i
        taken.add(i)
        how[j] = (kind, ratio)

    memo: dict[str, str] = {}  # texts recur, within a plan and between the two

    def norm(text: str) -> str:
        got = memo.get(text)
        if got is None:
            got = memo[text] = _norm(text)
        return got

    norm_old = [norm(m.text) for _, m in olds]
    # 1. carried_over_from
    if old.id is not None and any(
        m.carried_over_from is not None and m.carried_over_from.plan == old.id for _, m in news
    ):
        by_key: dict[tuple[int | None, int], int] = {}
        for i, (fa, m) in enumerate(olds):
            by_key.setdefault((fa.number if fa else None, m.number), i)
        by_text: dict[str, list[int]] = defaultdict(list)
        for i, t in enumerate(norm_old):
            by_text[t].append(i)
        for j, (_, m) in enumerate(news):
            ref = m.carried_over_from
            if ref is None or ref.plan != old.id:
                continue
            found: int | None = None
            if ref.measure is not None:
                found = by_key.get((ref.focus_area, ref.measure))
            elif ref.text:
                found = next((k for k in by_text.get(_norm(ref.text), ()) if k not in taken), None)
            if found is not None and found not in taken:
                pair(j, found, "carried_over", _ratio(norm_old[found], norm(m.text)))
    # 2. identity
    by_id: dict[str, int] = {}
    for i, (_, m) in enumerate(olds):
        if m.id is not None:
            by_id.setdefault(m.id, i)
    for j, (_, m) in enumerate(news):
        if j not in old_of and m.id is not None:
            same_id = by_id.get(m.id)
            if same_id is not None and same_id not in taken:
                pair(j, same_id, "id", _ratio(norm_old[same_id], norm(m.text)))
    # 3. the same text
    queues: dict[str, deque[int]] = defaultdict(deque)
    for i, t in enumerate(norm_old):
        if i not in taken:
            queues[t].append(i)
    norm_new = [norm(m.text) for _, m in news]
    for j, t in enumerate(norm_new):
        if j in old_of:
            continue
        q = queues.get(t)
        if not q:
            continue
        while q and q[0] in taken:
            q.popleft()
        if not q:
            continue
        first = q[0]
        if len(q) > 1:  # a text used more than once: the one at the same place, if any
            nfa, nm = news[j]
            place = (nfa.number if nfa else None, nm.number)
            for k in q:
                ofa, om = olds[k]
                if k not in taken and (areas.get(ofa.number) if ofa else None, om.number) == place:
                    first = k
                    break
        q.remove(first)
        pair(j, first, "text")
    # 4. similar text, through an index of shared words
    old_words = {i: _words(norm_old[i]) for i in range(len(olds)) if i not in taken}
    index: dict[str, list[int]] = defaultdict(list)
    for i, ws in old_words.items():
        for w in set(ws):
            index[w].append(i)
    old_bags = {i: _bag(ws) for i, ws in old_words.items()}
    proposals: list[tuple[float, int, int]] = []
    for j, t in enumerate(norm_new):
        if j in old_of:
            continue
        new_words = _words(t)
        new_bag = _bag(new_words)
        n_new = len(new_words)
        # the rarest words first, while they propose at most WORD_BUDGET candidates
        # (the rarest one always, its first WORD_BUDGET old texts)
        rare = sorted({w for w in new_words if w in index}, key=lambda w: (len(index[w]), w))
        shared: Counter[int] = Counter()
        spent = 0
        for w in rare:
            hits = index[w]
            if spent and spent + len(hits) > WORD_BUDGET:
                break
            shared.update(hits[:WORD_BUDGET])
            spent += len(hits)
        if not shared:
            continue
        b2j: dict[str, list[int]] = {}
        for k, word in enumerate(new_words):
            b2j.setdefault(word, []).append(k)
        for i in _most_shared(shared, CANDIDATES):
            ws = old_words[i]
            total = len(ws) + n_new
            # upper bounds of the ratio, cheapest first, as SequenceMatcher's
            # real_quick_ratio (the lengths) and quick_ratio (the words in common,
            # counted with repeats: the size of the bags' intersection)
            if 2.0 * min(len(ws), n_new) / total < SIMILARITY:
                continue
            if 2.0 * len(new_bag & old_bags[i]) / total < SIMILARITY:
                continue
            r = 2.0 * _matched(ws, b2j, n_new) / total  # SequenceMatcher(ws, new).ratio()
            if r >= SIMILARITY:
                proposals.append((-r, j, i))
    proposals.sort()
    for neg, j, i in proposals:
        if j not in old_of and i not in taken:
            pair(j, i, "similar", -neg)
    old_own, new_own = _own_headings(old), _own_headings(new)
    matched = []
    for j in sorted(old_of):
        i = old_of[j]
        (ofa, om), (nfa, nm) = olds[i], news[j]
        kind, ratio = how[j]
        matched.append(MeasureMatch(_place(ofa, om, old_own), _place(nfa, nm, new_own), kind, ratio,
                                    _changed(ofa, om, nfa, nm, areas),
                                    () if kind == "carried_over" else _followup(om, nm)))  # fmt: skip
    return PlanDiff(
        old_title=old.title,
        new_title=new.title,
        added=tuple(_place(fa, m, new_own) for j, (fa, m) in enumerate(news) if j not in old_of),
        removed=tuple(_place(fa, m, old_own) for i, (fa, m) in enumerate(olds) if i not in taken),
        matched=tuple(matched),
        focus_areas=tuple(area_changes),
        language=new.language,
        identical=old == new,
    )
