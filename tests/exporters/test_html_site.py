"""``khsmodel site`` / :func:`build_site`: a static folder of pages, PDF/A files and an index."""

from __future__ import annotations

import itertools
import os
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import attrs
import pytest

from khsmodel import ActionPlan, KhsModelError
from khsmodel.cli import main
from khsmodel.errors import UnwritableTextError
from khsmodel_exporters.html.site import build_site
from tests.support.html_support import parse
from tests.support.needs import ROOT, unavailable

sys.path.insert(0, str(ROOT / "examples"))
from catalogue import EXAMPLES

CASE = "000-osu-sak-2-2016-saksframlegg"
PLAN = "002-khs-handlingsplan-2016-2017"
PLAN_2015 = "001-khs-handlingsplan-2015"
WITH_CHANGES = "002-khs-handlingsplan-2016-2017-med-endringer"
STATUS = "002-khs-statusrapport-2016-06-30"
MEETING_PLAN = "003-vest-viken-moteplan-2022"
MEETING = "003-partnerskapsmote-2022-02-04"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    build_site([(n, make()) for n, make in EXAMPLES.items()], out, pdfa=False,
               base_url="https://helsefellesskap.example.no/dok/")  # fmt: skip
    return out


def test_a_page_per_document_an_index_and_a_sitemap(site: Path) -> None:
    names = sorted(p.name for p in site.iterdir())
    assert names == sorted([*(f"{n}.html" for n in EXAMPLES), "index.html", "sitemap.xml"])
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://helsefellesskap.example.no/dok/index.html</loc>" in sitemap
    assert sitemap.count("<loc>") == len(EXAMPLES) + 1


def _follow_up() -> list[tuple[str, Any]]:
    """What examples/make_documents.py adds to the seed examples on its site."""
    import khs
    import made_up_meeting_plan
    import vest_viken

    return [
        (WITH_CHANGES, khs.action_plan_2016_2017()),
        (STATUS, khs.status_report_2016()),
        (MEETING_PLAN, vest_viken.meeting_plan_2022()),
        ("oppdiktet-moteplan-2026", made_up_meeting_plan.meeting_plan_2026()),
    ]


@pytest.fixture(scope="module")
def full_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site examples/make_documents.py builds: the seeds and their follow-up."""
    import khs

    out = tmp_path_factory.mktemp("full") / "site"
    build_site([*((n, make()) for n, make in EXAMPLES.items()), *_follow_up()], out,
               pdfa=False, previous={WITH_CHANGES: khs.action_plan_2015()})  # fmt: skip
    return out


def _nav(site: Path, name: str) -> list[tuple[str, str]]:
    """The page's site links: (address, text)."""
    tree = parse((site / f"{name}.html").read_bytes())
    nav = next(n for n in tree.all("nav") if n.attrs.get("aria-label") == "Nettstedet")
    return [(a.attrs["href"] or "", " ".join(a.text().split())) for a in nav.iter("a")]


@pytest.mark.parametrize("which", ["site", "full_site"])
def test_every_link_is_relative_and_resolves(which: str, request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(which)
    for page in site.glob("*.html"):
        tree = parse(page.read_bytes())
        assert tree.errors == [], page.name
        ids = {e.attrs.get("id") for e in tree.all()}
        for a in tree.all("a"):
            href = a.attrs["href"] or ""
            parts = urlsplit(href)
            if parts.scheme in ("http", "https"):  # an address the document itself gives
                continue
            assert not parts.scheme and not parts.netloc and not href.startswith("/"), href
            if parts.path:
                assert (site / parts.path).is_file(), (page.name, href)
            else:
                assert parts.fragment in ids, (page.name, href)
            assert " ".join(a.text().split()), (page.name, href)  # says where it goes


def test_index_lists_every_document_by_kind(site: Path) -> None:
    tree = parse((site / "index.html").read_bytes())
    assert tree.one("html").attrs["lang"] == "nb-NO"
    assert len(tree.all("h1")) == 1
    sections = [" ".join(h.text().split()) for h in tree.all("h2")]
    # the documents first, then the partnership's pages, bodies and members
    assert sections == ["Avtaler", "Handlingsplaner", "Møter", "Saker", "Partnerskapet"]
    headings = [int(h.tag[1]) for h in tree.all("h1", "h2", "h3")]
    assert headings[0] == 1 and all(b <= a + 1 for a, b in itertools.pairwise(headings))
    main = tree.one("main").text()
    assert main.index("Felles handlingsplan") < main.index("Medlemskap over tid")
    linked = {a.attrs["href"] for a in tree.all("a")}
    assert linked == {f"{n}.html" for n in EXAMPLES}


def _one(el: Any, tag: str) -> Any:
    (found,) = el.iter(tag)
    return found


def _members(table: Any) -> list[list[str]]:
    return [[c.text().strip() for c in tr.iter("th", "td")] for tr in table.iter("tr")]


def test_index_shows_each_partnership_s_members_over_time(site: Path) -> None:
    tree = parse((site / "index.html").read_bytes())
    tables = {" ".join(_one(t, "caption").text().split()): t for t in tree.all("table")}
    khs = tables["Medlemskap over tid: Kommunehelsesamarbeidet"]
    rows = _members(khs)
    assert rows[0] == ["Part", "Rolle", "Fra", "Til"]
    assert [th.attrs["scope"] for th in khs.iter("th")][:4] == ["col"] * 4
    assert all(_one(tr, "th").attrs["scope"] == "row" for tr in _one(khs, "tbody").iter("tr"))
    # the source says "i 2009" and 2017: printed as years, never as 1 January
    assert ["Asker", "Medlem", "2009", "2017"] in rows
    assert ["Vestre Viken HF", "Helseforetak", "30.\u00a0mars\u00a02009", "2017"] in rows
    assert "januar" not in khs.text()
    # who joined when: the 22 members of Vest-Viken from 23 November 2020, no end known
    vv = _members(tables["Medlemskap over tid: Helsefelleskap Vest-Viken"])
    assert vv[0] == ["Part", "Rolle", "Fra"] and len(vv) == 1 + 22
    assert {r[2] for r in vv[1:]} == {"23.\u00a0november\u00a02020"}
    # Lofoten, Vesterålen og Salten: memberships without dates, one role beside the rest
    lvs = _members(tables["Medlemmer: Helsefellesskapet Lofoten, Vesterålen og Salten"])
    assert lvs[0] == ["Part", "Rolle"] and ["Nordlandssykehuset HF", "Helseforetak"] in lvs


def test_index_of_one_partnership_names_no_partnership_in_its_headings(tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_site([(n, make()) for n, make in EXAMPLES.items() if "khs" in n], out, pdfa=False)
    tree = parse((out / "index.html").read_bytes())
    assert [" ".join(h.text().split()) for h in tree.all("h3")] == [
        "Organer", "Medlemskap over tid"]  # fmt: skip
    (table,) = tree.all("table")
    assert " ".join(_one(table, "caption").text().split()) == "Medlemskap over tid"
    assert len(list(_one(table, "tbody").iter("tr"))) == 27


def test_documents_that_belong_together_are_linked_both_ways(site: Path) -> None:
    def site_links(name: str) -> list[str]:
        tree = parse((site / f"{name}.html").read_bytes())
        nav = next(n for n in tree.all("nav") if n.attrs.get("aria-label") == "Nettstedet")
        return [a.attrs["href"] or "" for a in nav.iter("a")]

    # the partnership's page, then the plan attached to the case / the case adopting the plan
    assert site_links(CASE) == ["index.html", "001-khs-partnership.html", f"{PLAN}.html"]
    assert site_links(PLAN) == ["index.html", "001-khs-partnership.html", f"{CASE}.html"]


def test_pdfa_beside_each_page(tmp_path: Path) -> None:
    from khsmodel_exporters.pdfa import weasyprint_missing

    reason = weasyprint_missing()
    if reason is not None:
        unavailable(reason)
    out = tmp_path / "site"
    given = b"%PDF-1.7 made before"
    build_site([(CASE, EXAMPLES[CASE]()), (PLAN, EXAMPLES[PLAN]())], out, pdfs={PLAN: given})
    assert (out / f"{PLAN}.pdf").read_bytes() == given  # reused, not made again
    assert (out / f"{CASE}.pdf").read_bytes().startswith(b"%PDF-")
    tree = parse((out / f"{CASE}.html").read_bytes())
    assert f"{CASE}.pdf" in {a.attrs["href"] for a in tree.all("a")}
    index = parse((out / "index.html").read_bytes())
    pdf_links = [a for a in index.all("a") if (a.attrs["href"] or "").endswith(".pdf")]
    assert {a.attrs["href"] for a in pdf_links} == {f"{CASE}.pdf", f"{PLAN}.pdf"}
    # on screen the link says "PDF/A" beside the page's link with the title (the title is
    # not shown twice); its name says whose it is: the case by its number
    for a in pdf_links:
        (hidden,) = list(a.iter("span"))
        assert hidden.attrs["class"] == "vh"
        assert a.text().removesuffix(hidden.text()) == "PDF/A"
    assert (f"{CASE}.pdf", "PDF/A: Sak 2/2016: Felles handlingsplan 2016-2017") in {
        (a.attrs["href"], " ".join(a.text().split())) for a in pdf_links}  # fmt: skip


def test_failed_build_leaves_the_previous_site(tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_site([(PLAN, EXAMPLES[PLAN]())], out, pdfa=False)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    bad = attrs.evolve(EXAMPLES[PLAN](), title="Plan\x0b")
    with pytest.raises(UnwritableTextError) as refused:
        build_site([(CASE, EXAMPLES[CASE]()), ("bad", bad)], out, pdfa=False)
    assert (refused.value.path, refused.value.character) == ("$.title", "\x0b")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(os.listdir(tmp_path)) == ["site"]  # no temporary folder left
    # a good build replaces it whole: the old page is gone
    build_site([(CASE, EXAMPLES[CASE]())], out, pdfa=False)
    assert sorted(p.name for p in out.iterdir()) == [f"{CASE}.html", "index.html"]
    assert sorted(os.listdir(tmp_path)) == ["site"]


@pytest.mark.parametrize(
    ("documents", "message"),
    [
        ([("../x", ActionPlan(title="P"))], "must be ASCII letters, digits"),
        ([("index", ActionPlan(title="P"))], "not index or sitemap"),
        ([("a", ActionPlan(title="P")), ("a", ActionPlan(title="Q"))], "given twice"),
    ],
)
def test_bad_names_are_refused(
    tmp_path: Path, documents: list[tuple[str, ActionPlan]], message: str
) -> None:
    with pytest.raises(KhsModelError, match=message):
        build_site(documents, tmp_path / "site", pdfa=False)  # type: ignore[arg-type]
    assert not (tmp_path / "site").exists()
    with pytest.raises(KhsModelError, match="base_url must be"):
        build_site([("a", ActionPlan(title="P"))], tmp_path / "s", base_url="ftp://x")


def test_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(ROOT / "examples" / "documents" / f"{n}.json") for n in (CASE, PLAN)]
    out = tmp_path / "site"
    assert main(["site", *files, "--out-dir", str(out), "--no-pdfa"]) == 0
    assert "3 files in" in capsys.readouterr().out
    assert (out / "index.html").is_file() and (out / f"{CASE}.html").is_file()
    assert main(["site", str(tmp_path / "missing.json"), "--out-dir", str(out)]) == 2
    assert "missing.json" in capsys.readouterr().err


# ---------------------------------------------------------------- what a first user met
def test_page_names_from_file_names_with_spaces_and_norwegian_letters() -> None:
    from khsmodel_exporters.html.site import page_names, slug

    assert slug("Handlingsplan for Østfold åpen økt") == "handlingsplan-for-ostfold-apen-okt"
    assert slug("Æble Ŋáššá Đž Čŧ") == "aeble-nassa-dz-ct"
    assert page_names(["Plan A", "plan-a", "index", "sitemap", "!!"]) == [
        "plan-a", "plan-a-2", "index-2", "sitemap-2", "dokument"]  # fmt: skip


def test_site_over_a_glob_skips_json_that_is_no_khsmodel_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    import khsmodel

    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(ROOT / "examples" / "documents" / f"{PLAN}.json",
                src / "Handlingsplan for Østfold åpen økt.json")  # fmt: skip
    case = khsmodel.load(ROOT / "examples" / "documents" / f"{CASE}.json")
    (src / "plan.oparl.json").write_bytes(khsmodel.export(case, "oparl"))
    (src / "002-khs-endringer-fra-2015.json").write_text('{"added": []}', encoding="utf-8")
    files = sorted(str(p) for p in src.glob("*.json"))
    out = tmp_path / "site"
    assert main(["site", *files, "--out-dir", str(out), "--no-pdfa"]) == 0
    err = capsys.readouterr().err.splitlines()
    notes = [e for e in err if "not a khsmodel document" in e]
    assert len(notes) == 2 and all("skipped" in e for e in notes)
    # and the plan's own warnings (the seed's PLAN011), counted in one line as export does
    assert [e for e in err if e not in notes] == [
        f"{src / 'Handlingsplan for Østfold åpen økt.json'}: 2 warnings (PLAN011); "
        "--warnings or khsmodel validate prints them"]  # fmt: skip
    assert sorted(p.name for p in out.iterdir()) == [
        "handlingsplan-for-ostfold-apen-okt.html", "index.html"]  # fmt: skip
    # validate decides the same: skipped with a note, the plan checked
    assert main(["validate", *files]) == 0
    captured = capsys.readouterr()
    assert "1 file checked" in captured.out and captured.err.count("skipped") == 2
    # a khsmodel document that does not load still stops both
    (src / "broken.json").write_text('{"format": "khsmodel", "kind": "action_plan"}', "utf-8")
    files.append(str(src / "broken.json"))
    assert main(["site", *files, "--out-dir", str(out), "--no-pdfa"]) == 1
    assert main(["validate", *files]) == 1
    capsys.readouterr()
    assert main(["validate", str(src / "plan.oparl.json")]) == 1  # nothing left to check
    assert "none of the files" in capsys.readouterr().err


def test_index_links_status_reports_and_meeting_plans_and_orders_plans_by_period(
    tmp_path: Path,
) -> None:
    import khs
    import made_up_meeting_plan
    import vest_viken

    docs = [(n, make()) for n, make in EXAMPLES.items()] + [
        ("med-endringer", khs.action_plan_2016_2017()),
        ("status", khs.status_report_2016()),
        ("moteplan", vest_viken.meeting_plan_2022()),
        ("moteplan-2026", made_up_meeting_plan.meeting_plan_2026()),
    ]
    out = tmp_path / "site"
    build_site(docs, out, pdfa=False, previous={"med-endringer": khs.action_plan_2015()})
    tree = parse((out / "index.html").read_bytes())
    sections = [" ".join(h.text().split()) for h in tree.all("h2")]
    assert "Statusrapporter" in sections and "Møteplaner" in sections
    linked = [a.attrs["href"] for a in tree.all("a")]
    for name in ("status", "moteplan", "moteplan-2026", "med-endringer"):
        assert f"{name}.html" in linked, name
    plans = [h for h in linked if "handlingsplan" in h or h == "med-endringer.html"]
    assert plans.index("001-khs-handlingsplan-2015.html") < plans.index(f"{PLAN}.html")
    assert plans.index(f"{PLAN}.html") < plans.index("004-ssu-handlingsplan-2021-2022.html")
    # several partnerships: each document says whose it is
    items = [" ".join(li.text().split()) for li in tree.all("li")]
    assert "Handlingsplan for 2015 · Kommunehelsesamarbeidet" in items
    assert any(i.endswith("· Helsefelleskap Vest-Viken") for i in items)
    # an agreement names no partnership: the one that lists it; a national one, none
    assert "Samarbeidsavtale · Kommunehelsesamarbeidet" in items
    assert any(i.startswith("Overordnet samarbeidsavtale") and i.endswith(
        "· Helsefelleskap Vest-Viken") for i in items)  # fmt: skip
    national = next(i for i in items if i.startswith("Avtale mellom regjeringen og KS"))
    assert national.endswith("(23. oktober 2019)")
    # the index is called the same in its title, header, footer and every page's link to it
    name = " ".join(tree.one("title").text().split())
    assert " ".join(tree.one("footer").text().split()) == name
    page = parse((out / "status.html").read_bytes())
    home = [a for a in page.all("a") if a.attrs["href"] == "index.html"]
    assert home and all(" ".join(a.text().split()) == name for a in home)
    changes = " ".join(parse((out / "med-endringer.html").read_bytes()).root.text().split())
    assert "Endringer fra forrige plan" in changes


# ---------------------------------------------------------------- what a reviewer met
def _title(page: Path) -> str:
    """The page's <title> (not an SVG's)."""
    (title,) = parse(page.read_bytes()).one("head").iter("title")
    return " ".join(title.text().split())


def test_every_page_has_a_name_of_its_own(full_site: Path) -> None:
    titles = {p.stem: _title(p) for p in full_site.glob("*.html")}
    assert len(set(titles.values())) == len(titles), titles
    # the plan with the appendix of changes from the 2015 plan is named so
    assert titles[PLAN] == "Handlingsplan 2016-2017"
    assert titles[WITH_CHANGES] == "Handlingsplan 2016-2017 – med endringer fra forrige plan"
    # the index and the navigation call each page what its <title> does
    index = parse((full_site / "index.html").read_bytes())
    for a in index.all("a"):
        href = a.attrs["href"] or ""
        if href.endswith(".html"):
            assert " ".join(a.text().split()) == titles[href[:-5]], href
    for href, text in _nav(full_site, CASE)[1:]:
        if href.endswith(".html"):
            assert text == titles[href[:-5]], href
    # the page itself still prints the plan's own title
    h1 = parse((full_site / f"{WITH_CHANGES}.html").read_bytes()).one("h1")
    assert " ".join(h1.text().split()) == "Handlingsplan 2016-2017"


def test_pages_that_would_share_a_name_are_told_apart_by_a_rule(tmp_path: Path) -> None:
    import datetime as dt

    from khsmodel import Adoption
    from khsmodel.labels import NN

    def plan(day: int | None) -> ActionPlan:
        adopted = (Adoption(body="OSU", date=dt.date(2016, 2, day)),) if day else ()
        return ActionPlan(title="Handlingsplan", adoptions=adopted)

    def names(docs: list[tuple[str, Any]], **options: Any) -> dict[str, str]:
        out = tmp_path / "site"
        build_site(docs, out, pdfa=False, **options)
        return {p.stem: _title(p) for p in out.glob("*.html") if p.stem != "index"}

    # by date when the dates tell them apart (the index does not print the date twice)
    assert names([("a", plan(8)), ("b", plan(9))]) == {
        "a": "Handlingsplan (8. februar 2016)", "b": "Handlingsplan (9. februar 2016)"}
    index = parse((tmp_path / "site" / "index.html").read_bytes()).one("main").text()
    assert index.count("8.\u00a0februar\u00a02016") == 1  # the page's name says it
    # else by the page's name (no date, no partnership): all of them, the dated one too
    assert names([("a", plan(None)), ("b", plan(None)), ("c", plan(8))]) == {
        "a": "Handlingsplan (a)", "b": "Handlingsplan (b)", "c": "Handlingsplan (c)"}
    # the plan with its appendix, in Nynorsk: a page's name in its document's language
    def nn(p: ActionPlan) -> ActionPlan:
        return attrs.evolve(p, language="nn")

    got = names([("a", nn(plan(8))), ("b", nn(plan(8)))], labels=NN,
                previous={"b": nn(plan(None))})  # fmt: skip
    assert got == {"a": "Handlingsplan", "b": "Handlingsplan – med endringar frå førre plan"}


def test_cases_are_named_with_their_number(full_site: Path) -> None:
    index = parse((full_site / "index.html").read_bytes())
    cases = next(h for h in index.all("h2") if h.text() == "Saker")
    ul = cases.parent.children[cases.parent.children.index(cases) + 1]
    assert isinstance(ul, type(cases)) and ul.tag == "ul"
    first = [" ".join(a.text().split()) for a in ul.iter("a")]
    assert first[0] == "Sak 2/2016: Felles handlingsplan 2016-2017"
    # a number as the case system writes it ("07-2021"), with the bundle's word
    assert first[1].startswith("Sak 07-2021: Handlingsplan for strategisk samarbeidsutvalg")
    assert (f"{CASE}.html", "Sak 2/2016: Felles handlingsplan 2016-2017") in _nav(full_site, PLAN)
    assert (f"{PLAN}.html", "Handlingsplan 2016-2017") in _nav(full_site, CASE)


def test_a_case_number_with_words_of_its_own_is_printed_as_written(tmp_path: Path) -> None:
    import attrs as _attrs

    from khsmodel.identifiers import CaseNumber
    from khsmodel.labels import EN

    case = _attrs.evolve(EXAMPLES[CASE](), case_number=CaseNumber.parse("PS 3/2021"))
    build_site([("ps", case), ("sak", EXAMPLES[CASE]())], tmp_path / "s", pdfa=False, labels=EN)
    titles = [_title(tmp_path / "s" / f"{n}.html") for n in ("ps", "sak")]
    # the case is in Bokmål: its page, and so its name, says "Sak" on an English site
    assert titles == ["PS 3/2021: Felles handlingsplan 2016-2017",
                      "Sak 2/2016: Felles handlingsplan 2016-2017"]  # fmt: skip
    en_case = _attrs.evolve(EXAMPLES[CASE](), language="en")
    build_site([("sak", en_case)], tmp_path / "e", pdfa=False, labels=EN)
    assert _title(tmp_path / "e" / "sak.html") == "Case 2/2016: Felles handlingsplan 2016-2017"


def test_documents_that_follow_each_other_up_are_linked(full_site: Path) -> None:
    def to(name: str) -> list[str]:
        return [h for h, _ in _nav(full_site, name)]

    home, khs_page = "index.html", "001-khs-partnership.html"
    # the status report and the plan it reports on (both pages of it), both ways
    assert to(STATUS) == [home, khs_page, f"{PLAN}.html", f"{WITH_CHANGES}.html"]
    assert f"{STATUS}.html" in to(PLAN) and f"{STATUS}.html" in to(WITH_CHANGES)
    # the plan with its changes: the plan it is compared with and the plain plan
    assert {f"{PLAN}.html", f"{PLAN_2015}.html"} <= set(to(WITH_CHANGES))
    assert f"{WITH_CHANGES}.html" in to(PLAN_2015) and f"{WITH_CHANGES}.html" in to(PLAN)
    assert f"{PLAN}.html" not in to(PLAN_2015)  # the plain plan is compared with nothing
    # a meeting plan and the meetings of its partnership in its year
    assert to(MEETING_PLAN) == [home, "003-vest-viken-partnership.html", f"{MEETING}.html"]
    assert to(MEETING) == [home, "003-vest-viken-partnership.html", f"{MEETING_PLAN}.html"]
    # every page of a document of a partnership the site has a page of links to it, by name
    for name in (CASE, PLAN, PLAN_2015, STATUS):
        assert (khs_page, "Kommunehelsesamarbeidet") in _nav(full_site, name), name
    assert _nav(full_site, "004-ssu-handlingsplan-2021-2022")[1] == (
        "004-lofoten-vesteralen-salten-partnership.html",
        "Helsefellesskapet Lofoten, Vesterålen og Salten")  # fmt: skip
    # a partnership without a page of its own: no link to it
    assert to("oppdiktet-moteplan-2026") == [home]


def test_tables_scroll_sideways_rather_than_break_words(site: Path) -> None:
    """The page's CSS: no rule breaks a word anywhere; a table wider than the screen scrolls
    in its wrapper, which the keyboard reaches and its caption names."""
    from khsmodel_exporters.html._render import CSS

    for rule in ("overflow-wrap:anywhere", "word-break:break-all", "word-break:break-word"):
        assert rule not in CSS
    assert ".table-wrap{margin:0 0 1em;overflow-x:auto}" in CSS
    assert "hyphens:auto;overflow-wrap:break-word" in CSS
    for name in ("index", PLAN):
        tree = parse((site / f"{name}.html").read_bytes())
        wraps = [d for d in tree.all("div") if "table-wrap" in (d.attrs.get("class") or "")]
        assert wraps, name
        captions = {c.attrs.get("id") for c in tree.all("caption")}
        for d in wraps:
            assert d.attrs["tabindex"] == "0" and d.attrs["role"] == "region"
            assert d.attrs["aria-labelledby"] in captions


def test_command_line_tells_apart_two_files_of_the_same_plan(tmp_path: Path) -> None:
    """``khsmodel site`` over two copies of one plan: same date, same partnership, so the
    page names (from the file names) tell them apart, in <title>, index and navigation."""
    import shutil

    src = tmp_path / "in"
    src.mkdir()
    for stem in ("Plan vedtatt", "Plan til arkivet"):
        shutil.copy(ROOT / "examples" / "documents" / f"{PLAN}.json", src / f"{stem}.json")
    out = tmp_path / "site"
    assert main(["site", *sorted(map(str, src.glob("*.json"))), "--out-dir", str(out),
                 "--no-pdfa"]) == 0  # fmt: skip
    assert {_title(p) for p in out.glob("plan-*.html")} == {
        "Handlingsplan 2016-2017 (plan-til-arkivet)", "Handlingsplan 2016-2017 (plan-vedtatt)"}
    index = parse((out / "index.html").read_bytes())
    assert sorted(" ".join(a.text().split()) for a in index.all("a")) == [
        "Handlingsplan 2016-2017 (plan-til-arkivet)", "Handlingsplan 2016-2017 (plan-vedtatt)"]
