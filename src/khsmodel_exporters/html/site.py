"""A static site of a partnership's documents: what a secretariat uploads as it is.

:func:`build_site` writes a folder with

- ``index.html``: the agreements, action plans, status reports, meeting plans,
  meetings and case documents, each linked to its page and its PDF; then the
  partnership (its page, bodies and members);
- one ``html`` page per document (``NAME.html``, ``NAME`` a plain page name: the
  command line makes it from the file name with :func:`page_names`, ``NAME`` being the input's
  name), with a header linking back to the index, to the document's PDF/A, to its
  partnership's page and to the documents it belongs with (:func:`_related`);
  each page has a name of its own (:func:`_page_titles`: a case by its number, a
  plan with its appendix of changes so named, names still shared told apart);
- the tagged PDF/A-2a of each document beside its page (``NAME.pdf``; leave it out
  with ``pdfa=False``);
- ``sitemap.xml`` when a ``base_url`` is given (a sitemap needs absolute addresses).

Links are relative only: the site works opened from disk. The build is atomic:
the new site is written into a temporary folder beside ``out_dir`` and swapped
in when complete, so a failed build leaves the previous site untouched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from khsmodel._base import first_day
from khsmodel.agreements import Agreement, AgreementLevel
from khsmodel.cases import CaseDocument
from khsmodel.documents import Document
from khsmodel.errors import KhsModelError
from khsmodel.labels import Labels, for_language
from khsmodel.meetingplans import MeetingPlan
from khsmodel.meetings import Meeting
from khsmodel.partnerships import Partnership
from khsmodel.plans import ActionPlan
from khsmodel.status import StatusReport

from .. import content as C
from ._render import CSS, FONTS, esc, render, table_wrap

__all__ = ["build_site", "page_names", "primary_language", "site_language", "slug"]

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
#: The document kinds the index lists, each under its heading (words of ``Labels.web``,
#: ``Labels.agreements``).
_KINDS: tuple[tuple[str, str], ...] = (
    ("agreement", "agreements"),
    ("action_plan", "action_plans"),
    ("status_report", "status_reports"),
    ("meeting_plan", "meeting_plans"),
    ("meeting", "meetings"),
    ("case_document", "case_documents"),
)
#: What the link to a document's PDF says after its title (a format's name, no word).
_PDFA = "PDF/A"


def _kind_heading(labels: Labels, word: str) -> str:
    return labels.agreements if word == "agreements" else labels.web[word]


#: Letters a page name spells in ASCII: Norwegian as Norwegians write them in addresses
#: (æ → ae, ø → o, å → a), the Sámi letters as their base letter.
_ASCII = str.maketrans({
    "æ": "ae", "ø": "o", "å": "a", "á": "a", "č": "c", "đ": "d", "ŋ": "n", "š": "s",
    "ŧ": "t", "ž": "z", "ï": "i", "ä": "a", "ö": "o", "ß": "ss",
})  # fmt: skip


def slug(text: str) -> str:
    """A page name from a file name: lower case ASCII letters, digits, ``.``, ``_``, ``-``.

    >>> slug("Handlingsplan for Østfold åpen økt")
    'handlingsplan-for-ostfold-apen-okt'
    >>> slug("Sámediggi – Kárášjohka"), slug("…")
    ('samediggi-karasjohka', 'dokument')
    """
    import unicodedata

    text = unicodedata.normalize("NFC", text).lower().translate(_ASCII)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9._-]+", "-", text)
    text = re.sub(r"-{2,}", "-", text).strip("-._")
    return text or "dokument"


def page_names(stems: Sequence[str]) -> list[str]:
    """The page name of each file name stem (:func:`slug`); a name taken twice (or ``index``,
    ``sitemap``) gets ``-2``, ``-3`` … in the order given.

    >>> page_names(["Plan 2016", "plan-2016", "index"])
    ['plan-2016', 'plan-2016-2', 'index-2']
    """
    taken = {"index", "sitemap"}
    out = []
    for stem in stems:
        base = slug(stem)
        name, n = base, 1
        while name in taken:
            n += 1
            name = f"{base}-{n}"
        taken.add(name)
        out.append(name)
    return out


def _order(doc: Document) -> tuple[int, int, int]:
    """When a document is about: a plan by its period's start, others by their date."""
    when: object = None
    if isinstance(doc, ActionPlan) and doc.period is not None:
        when = doc.period.start
    if when is None:
        when = _date(doc)
    if when is None:
        return (0, 0, 0)
    return (getattr(when, "year", 0) or 0, getattr(when, "month", 0) or 0,
            getattr(when, "day", 0) or 0)  # fmt: skip


def site_language(documents: Sequence[Document]) -> str | None:
    """The language the documents share (``"nn"``; a region is not told apart: ``nb`` and
    ``nb-NO`` agree), or None when they differ (or there are none): the language of a
    site's index and navigation when :func:`build_site` is given no ``labels``.

    >>> from khsmodel import ActionPlan
    >>> site_language([ActionPlan(title="A", language="nn"), ActionPlan(title="B", language="nn-NO")])
    'nn'
    >>> site_language([ActionPlan(title="A", language="nn"), ActionPlan(title="B")]) is None
    True
    """
    found = {primary_language(d.language) for d in documents}
    return found.pop() if len(found) == 1 else None


def primary_language(language: str) -> str:
    """The language of a tag without its region, lower case, ``no`` and ``nob`` (earlier
    spellings of Bokmål, as :func:`khsmodel.labels.for_language` reads them) as ``nb``:
    what tells the site's languages apart (its index's, its notes').

    >>> [primary_language(t) for t in ("nb-NO", "nob", "NO", "nn", "se-NO")]
    ['nb', 'nb', 'nb', 'nn', 'se']
    """
    primary = language.split("-")[0].lower()
    return "nb" if primary in ("no", "nob") else primary


def _own_labels(doc: Document, site: Labels) -> Labels:
    """The words of a document's page: its own language's; the site's bundle when the
    document is in the site's language (so a bundle given to build_site applies)."""
    if primary_language(doc.language) == primary_language(site.language):
        return site
    return for_language(doc.language)


def _date(doc: Document) -> dt.date | None:
    if isinstance(doc, Meeting):
        return doc.date
    if isinstance(doc, CaseDocument):
        return doc.meeting_date or doc.document_date
    if isinstance(doc, ActionPlan):
        # the first adoption's date (a joint plan is adopted by several bodies)
        return next((a.date for a in doc.adoptions if a.date is not None), None)
    if isinstance(doc, Agreement):
        return doc.date
    as_of = getattr(doc, "as_of", None)  # a status report
    return as_of if isinstance(as_of, dt.date) else None


def _same(a: object, b: object) -> bool:
    return a is b or a == b


def _partnership_name(doc: Document) -> str | None:
    p = doc if isinstance(doc, Partnership) else getattr(doc, "partnership", None)
    return p.name if isinstance(p, Partnership) else None


def _related(
    docs: dict[str, Document], previous: Mapping[str, ActionPlan]
) -> dict[str, list[str]]:
    """Which documents belong together, by what their fields say (names, in order):

    - a case and the meeting of its body on its meeting date; a case and a plan it has
      attached or whose adoption names the case's number;
    - a status report and the plan it reports on;
    - pages of the same plan (one of them with the appendix of changes, ``previous``),
      and a plan's page with that appendix and the page of the plan it is compared with;
    - a meeting plan and the meetings of its partnership in its year, or of a body on a
      date it plans;

    each linked both ways. A document's link to its partnership's page is not here
    (:func:`_partnership_pages`): it goes one way, the index lists them all.
    """
    out: dict[str, list[str]] = {n: [] for n in docs}

    def link(a: str, b: str) -> None:
        if a == b:
            return
        if b not in out[a]:
            out[a].append(b)
        if a not in out[b]:
            out[b].append(a)

    for name, doc in docs.items():
        if isinstance(doc, CaseDocument):
            for other, o in docs.items():
                if isinstance(o, Meeting) and o.body == doc.body and o.date == doc.meeting_date:
                    link(name, other)
                if isinstance(o, ActionPlan) and (
                    any(  # the plan says which case adopted it
                        a.case_number is not None and a.case_number.text == doc.case_number.text
                        for a in o.adoptions
                    )  # or the case has the plan attached (as it was then: a proposal
                    # of the same plan, its id, before the adoption)
                    or any(a.document == o or (isinstance(a.document, ActionPlan)
                                               and a.document.id is not None
                                               and a.document.id == o.id)
                           for a in doc.attachments)
                ):
                    link(name, other)
        elif isinstance(doc, StatusReport):
            for other, o in docs.items():
                if isinstance(o, ActionPlan) and _same(o, doc.plan):
                    link(name, other)
        elif isinstance(doc, ActionPlan):
            before = previous.get(name)
            for other, o in docs.items():
                if not isinstance(o, ActionPlan) or other == name:
                    continue
                if _same(o, doc) or (before is not None and _same(o, before)):
                    link(name, other)
        elif isinstance(doc, MeetingPlan):
            owner = _partnership_name(doc)
            planned = {(m.body, m.date) for m in doc.meetings}
            for other, o in docs.items():
                if isinstance(o, Meeting) and (
                    (owner is not None and _partnership_name(o) == owner
                     and o.date.year == doc.year)
                    or (o.body, o.date) in planned
                ):  # fmt: skip
                    link(name, other)
    return out


def _partnership_pages(docs: dict[str, Document]) -> dict[str, str]:
    """The page of each partnership the site has a page of, by the partnership's name (the
    first page given when two are of the same)."""
    out: dict[str, str] = {}
    for name, doc in docs.items():
        if isinstance(doc, Partnership):
            out.setdefault(doc.name, name)
    return out


def _case_label(case: CaseDocument, labels: Labels) -> str:
    """The case's number as the document prints it: "Sak 2/2016"; a number written with
    words of its own ("PS 3/2021", "OS-sak 5/2023") as written."""
    number = C.display_text(case.case_number.text)
    if case.case_number.prefix:
        return number
    return f"{labels.case_word.capitalize()} {number}"


def _page_titles(
    docs: dict[str, Document],
    titles: dict[str, str],
    labels: Labels,
    previous: Mapping[str, ActionPlan],
    own: Mapping[str, Labels] | None = None,
) -> dict[str, str]:
    """What the site calls each page (its ``<title>``, its link text on the index and in
    the other pages' navigation): the document's title, and

    - a case's number before it: "Sak 2/2016: Felles handlingsplan 2016-2017";
    - a plan with its appendix of changes (``previous``): "… – med endringer fra forrige
      plan";

    then pages that would still share a name are told apart by, in this order, what of
    these differs among them all: the document's date ("(8. februar 2016)"), its
    partnership's name, and last the page's name (its file name).
    """
    out: dict[str, str] = {}
    for name, doc in docs.items():
        title = titles[name]
        words = (own or {}).get(name, labels)  # the document's own language
        if isinstance(doc, CaseDocument):
            label = _case_label(doc, words)
            title = title if title == label else f"{label}: {title}"
        elif name in previous:
            title = f"{title} – {words.web['with_changes']}"
        out[name] = title
    by_title: dict[str, list[str]] = {}
    for name, title in out.items():
        by_title.setdefault(title, []).append(name)
    L = labels.in_text()
    for title, names in by_title.items():
        if len(names) < 2:
            continue

        def when(n: str) -> str | None:
            d = _date(docs[n])
            return L.date(d) if d is not None else None

        def owner(n: str) -> str | None:
            p = _partnership_name(docs[n])
            return C.display_text(p) if p is not None else None

        for tell in (when, owner, lambda n: n):
            told = [tell(n) for n in names]
            if None not in told and len(set(told)) == len(told):
                for n, x in zip(names, told, strict=True):
                    out[n] = f"{title} ({x})"
                break
    return out


def _partnerships(docs: dict[str, Document]) -> dict[str, Partnership]:
    """The partnerships the documents belong to, by name."""
    found: dict[str, Partnership] = {}
    for d in docs.values():
        p = d if isinstance(d, Partnership) else getattr(d, "partnership", None)
        if isinstance(p, Partnership):
            found.setdefault(p.name, p)
            if isinstance(d, Partnership):
                found[p.name] = d
    return found


def _index_title(docs: dict[str, Document], labels: Labels) -> str:
    """The index's one name, in its title, header, footer and every page's link to it: the
    partnership's name when the documents all belong to one, else "Dokumenter"."""
    found = _partnerships(docs)
    if len(found) == 1:
        return C.display_text(next(iter(found)))
    return labels.web["documents"]


def _page_links(
    name: str,
    related: list[str],
    titles: dict[str, str],
    pdfa: bool,
    home: str,
    partnership: str | None,
) -> tuple[tuple[str, str], ...]:
    links = [("index.html", home)]
    if pdfa:
        links.append((f"{name}.pdf", f"{titles[name]} ({_PDFA})"))
    if partnership is not None and partnership != name:
        links.append((f"{partnership}.html", titles[partnership]))
    links.extend((f"{r}.html", titles[r]) for r in related if r != partnership)
    return tuple(links)


def _members(p: Partnership, labels: Labels, *, named: bool, n: int) -> list[str]:
    """The partnership's members over time: a table of who joined and left when, each
    date as precise as the source gives it ("2009", "23. november 2020"); a column
    no membership fills is left out. Nothing when the model holds no memberships."""
    if not p.memberships:
        return []
    L = labels.in_text()
    # who joined first comes first; memberships starting together keep the model's order
    ms = sorted(p.memberships, key=lambda m: first_day(m.valid_from) or dt.date.min)
    rows = [
        (
            C.display_text(party.name) if (party := p.party(m.party)) is not None
            else C.display_text(m.party),
            L.membership_roles[m.role],
            L.date(m.valid_from) if m.valid_from is not None else "",
            L.date(m.valid_to) if m.valid_to is not None else "",
        )
        for m in ms
    ]
    columns = (L.party, L.role, L.from_, L.to)
    # the role only when the rows differ in it (not "Medlem" in every row); a date
    # column when some membership gives that date
    keep = [0]
    keep += [1] if len({r[1] for r in rows}) > 1 else []
    keep += [i for i in (2, 3) if any(r[i] for r in rows)]
    dated = 2 in keep or 3 in keep
    title = L.members_over_time if dated else L.members
    if named:
        title = f"{title}: {C.display_text(p.name)}"
    head = "".join(f'<th scope="col">{esc(columns[i])}</th>' for i in keep)
    ident = f"khs-members-{n}"
    out = [f"<h3>{esc(title)}</h3>",
           f'{table_wrap(ident)}<table class="grid members"><caption id="{ident}" class="vh">'
           f"{esc(title)}</caption><thead><tr>{head}</tr></thead><tbody>"]  # fmt: skip
    for r in rows:
        cells = "".join(f"<td>{esc(r[i])}</td>" for i in keep[1:])
        out.append(f'<tr><th scope="row">{esc(r[0])}</th>{cells}</tr>')
    out.append("</tbody></table></div>")
    return out


def _index(docs: dict[str, Document], titles: dict[str, str], labels: Labels, pdfa: bool) -> bytes:
    # the partnership the documents belong to: only when they all name the same one
    found = _partnerships(docs)
    partnership = next(iter(found.values())) if len(found) == 1 else None
    title = _index_title(docs, labels)
    body: list[str] = [f"<h1>{esc(title)}</h1>"]

    def owner(name: str) -> str:
        """The partnership a document belongs to, when the site holds several."""
        d = docs[name]
        p = d if isinstance(d, Partnership) else getattr(d, "partnership", None)
        if isinstance(d, Agreement) and d.level is not AgreementLevel.NATIONAL:
            # an agreement names no partnership: the one partnership that lists it is its
            # own (a national agreement, which partnerships list too, belongs to none)
            owners = [q for q in found.values() if any(a.id == d.id for a in q.agreements)]
            p = owners[0] if len(owners) == 1 else None
        if len(found) < 2 or not isinstance(p, Partnership) or isinstance(d, Partnership):
            return ""
        return f" · {esc(C.display_text(p.name))}"

    def item(name: str) -> str:
        when = _date(docs[name])
        day = f" ({labels.in_text().date(when)})" if when else ""
        # what the page's name already says (told apart by its date) is not said twice
        extra = ("" if day and titles[name].endswith(day) else esc(day)) + owner(name)
        # the title once on screen: the PDF/A link shows "PDF/A" and says whose to a screen
        # reader (its name starts with what it shows: WCAG 2.5.3)
        pdf = (f' · <a href="{esc(name)}.pdf">{_PDFA}<span class="vh">: {esc(titles[name])}'
               "</span></a>" if pdfa else "")  # fmt: skip
        return f'<li><a href="{esc(name)}.html">{esc(titles[name])}</a>{extra}{pdf}</li>'

    # the documents first, by kind; then the partnership: its page, bodies and members
    for kind, word in _KINDS:
        heading = _kind_heading(labels, word)
        names = [n for n, d in docs.items() if kind == type(d).KIND]
        if not names:
            continue
        names.sort(key=lambda n: (_order(docs[n]), n))
        body.append(f"<h2>{esc(heading)}</h2><ul>")
        body.extend(item(n) for n in names)
        body.append("</ul>")
    own = [n for n, d in docs.items() if isinstance(d, Partnership)]
    if own or partnership is not None:
        body.append(f"<h2>{esc(labels.web['partnership'])}</h2>")
        if own:
            body.append("<ul>" + "".join(item(n) for n in own) + "</ul>")
        if partnership is not None and partnership.bodies:
            body.append(f"<h3>{esc(labels.bodies)}</h3><ul>")
            for b in partnership.bodies:
                abbr = f" ({esc(C.display_text(b.abbreviation))})" if b.abbreviation else ""
                body.append(f"<li>{esc(C.display_text(b.name))}{abbr}</li>")
            body.append("</ul>")
        # the members over time: of the one partnership, or of each partnership document
        shown = [partnership] if partnership is not None else list(found.values())
        for i, p in enumerate(shown, start=1):
            body.extend(_members(p, labels, named=len(shown) > 1, n=i))
    lang = esc(labels.language)
    page = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title>",
        '<meta name="generator" content="khsmodel">',
        f"<style>\n{CSS.replace('FONTS', FONTS)}</style>",
        "</head>",
        "<body>",
        f'<header class="site-header"><p>{esc(title)}</p></header>',
        '<main id="khs-main">',
        *body,
        "</main>",
        f'<footer class="site-footer"><p>{esc(title)}</p></footer>',
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(page).encode("utf-8")


def _sitemap(base_url: str, files: Sequence[str]) -> bytes:
    base = base_url if base_url.endswith("/") else base_url + "/"
    urls = "".join(f"<url><loc>{esc(base + f)}</loc></url>" for f in files)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{urls}</urlset>\n"
    ).encode()


def build_site(
    documents: Sequence[tuple[str, Document]],
    out_dir: str | os.PathLike[str],
    *,
    pdfa: bool = True,
    base_url: str | None = None,
    labels: Labels | None = None,
    pdfs: Mapping[str, bytes] | None = None,
    previous: Mapping[str, ActionPlan] | None = None,
) -> list[Path]:
    """Write the site of ``documents`` (each a file name stem and its document) to ``out_dir``.

    ``labels`` are the words of the index and of the site's navigation; by default
    those of the documents' language when they all share one
    (:func:`site_language`), else Bokmål. Each document's page and PDF are in
    its own language (in ``labels`` when that is the document's language).

    ``pdfs`` holds PDF/A files already made (by name, e.g. by the ``pdfa``
    exporter beside the other formats); the others are rendered here.
    ``previous`` gives a plan's page (by name) the appendix of changes from
    the plan before it, as the exporters' ``previous`` option does.
    Returns the files written (relative to ``out_dir``). Raises
    :class:`KhsModelError` for a name that is not a plain file name, a name
    given twice, or a document that cannot be written (with its path); then
    nothing in ``out_dir`` has changed.
    """
    docs: dict[str, Document] = {}
    for name, doc in documents:
        if not _NAME.fullmatch(name) or name.lower() in ("index", "sitemap"):
            raise KhsModelError(
                f"site page name {name!r} must be ASCII letters, digits, '.', '_' or '-' "
                "(and not index or sitemap); page_names() makes such names from file names"
            )
        if name in docs:
            raise KhsModelError(f"site page name {name!r} is given twice")
        docs[name] = doc
    if base_url is not None and not re.fullmatch(r"https?://\S+", base_url):
        raise KhsModelError(f"base_url must be an http(s) address, got {base_url!r}")
    target = Path(out_dir)
    parent = target.parent
    if not parent.is_dir():
        raise KhsModelError(f"{target}: its folder {parent} does not exist")

    if labels is None:
        labels = for_language(site_language(list(docs.values())) or "nb")
    own = {n: _own_labels(d, labels) for n, d in docs.items()}
    # each document's content is built once: its title for the links, its page, its PDF/A
    contents = {  # bad text: error with path
        n: C.build(d, labels=own[n], previous=(previous or {}).get(n)) for n, d in docs.items()
    }
    titles = _page_titles(docs, {n: c.title for n, c in contents.items()}, labels,
                          previous or {}, own)  # fmt: skip
    related = _related(docs, previous or {})
    home = _index_title(docs, labels)
    own_page = _partnership_pages(docs)
    files: dict[str, bytes] = {}
    for name, content in contents.items():
        owner = _partnership_name(docs[name])
        links = _page_links(name, related[name], titles, pdfa, home,
                            own_page.get(owner) if owner is not None else None)  # fmt: skip
        files[f"{name}.html"] = render(content, labels=own[name], links=links, title=titles[name])
        if pdfa:
            from ._pdf import render_pdf

            made = (pdfs or {}).get(name)
            files[f"{name}.pdf"] = (
                made if made is not None else render_pdf(content, labels=own[name])
            )
    files["index.html"] = _index(docs, titles, labels, pdfa)
    if base_url is not None:
        pages = [
            "index.html",
            *sorted(f for f in files if f.endswith(".html") and f != "index.html"),
        ]
        files["sitemap.xml"] = _sitemap(base_url, pages)

    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=parent))
    try:
        for rel, data in sorted(files.items()):
            (tmp / rel).write_bytes(data)
            os.chmod(tmp / rel, 0o644)
        os.chmod(tmp, 0o755)
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=parent))
            os.replace(target, old / "site")
        try:
            os.replace(tmp, target)
        except BaseException:
            if old is not None:  # put the previous site back
                os.replace(old / "site", target)
            raise
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        with contextlib.suppress(OSError):
            shutil.rmtree(tmp)
        raise
    return [Path(f) for f in sorted(files)]
