"""``khsmodel site``: the index and the site's words in the documents' language, ``--language``."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import khsmodel
from khsmodel.cli import main
from khsmodel.labels import NB, NN
from tests.support import export_samples as samples
from tests.support.html_support import parse
from tests.support.pdf_support import plan_2016_2017


def _write(tmp_path: Path, name: str, doc: khsmodel.Document) -> str:
    path = tmp_path / f"{name}.json"
    khsmodel.dump(doc, path)
    return str(path)


def _heads(path: Path) -> set[str]:
    return {h.text() for h in parse(path.read_bytes()).all("h2", "h3")}


def test_nynorsk_documents_make_a_nynorsk_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = _write(tmp_path, "plan", attrs.evolve(plan_2016_2017(), language="nn"))
    out = tmp_path / "site"
    assert main(["site", plan, "--out-dir", str(out), "--no-pdfa"]) == 0
    assert "note:" not in capsys.readouterr().err  # one language: nothing to say
    index = parse((out / "index.html").read_bytes())
    assert index.one("html").attrs["lang"] == "nn-NO"
    heads = _heads(out / "index.html")
    assert {"Partnarskapet", "Handlingsplanar", "Organ"} <= heads
    assert not {"Partnerskapet", "Handlingsplaner", "Organer"} & heads  # no Bokmål
    page = parse((out / "plan.html").read_bytes())
    assert page.one("html").attrs["lang"] == "nn-NO"
    nav = next(n for n in page.all("nav") if n.attrs.get("aria-label"))
    assert nav.attrs["aria-label"] == "Nettstaden"


def test_language_chooses_the_index_and_each_page_keeps_its_own(tmp_path: Path) -> None:
    plan = _write(tmp_path, "plan", attrs.evolve(plan_2016_2017(), language="nb"))
    out = tmp_path / "site"
    assert main(["site", plan, "--out-dir", str(out), "--no-pdfa", "--language", "nn"]) == 0
    assert parse((out / "index.html").read_bytes()).one("html").attrs["lang"] == "nn-NO"
    assert "Handlingsplanar" in _heads(out / "index.html")
    page = parse((out / "plan.html").read_bytes())
    assert page.one("html").attrs["lang"] == "nb-NO"  # the plan is in Bokmål, and stays so
    nav = next(n for n in page.all("nav") if n.attrs.get("aria-label"))
    assert nav.attrs["aria-label"] == NB.web["site"] != NN.web["site"]


def test_documents_in_several_languages_give_a_bokmal_index_and_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = _write(tmp_path, "plan", attrs.evolve(plan_2016_2017(), language="nn"))
    case = _write(tmp_path, "sak", samples.case_document())  # Bokmål
    out = tmp_path / "site"
    assert main(["site", plan, case, "--out-dir", str(out), "--no-pdfa"]) == 0
    err = capsys.readouterr().err
    assert "khsmodel site: note: the documents are in nb, nn; the index and the site's " \
        "words are in nb (--language TAG chooses)" in err
    assert parse((out / "index.html").read_bytes()).one("html").attrs["lang"] == "nb-NO"
    assert "Handlingsplaner" in _heads(out / "index.html")
    assert parse((out / "plan.html").read_bytes()).one("html").attrs["lang"] == "nn-NO"
    assert parse((out / "sak.html").read_bytes()).one("html").attrs["lang"] == "nb-NO"


def test_a_bad_language_tag_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = _write(tmp_path, "plan", plan_2016_2017())
    out = tmp_path / "site"
    assert main(["site", plan, "--out-dir", str(out), "--language", "nno"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "khsmodel site: error: --language nno: expected a language tag such as nb, nn, se, "
        "smj, sma or en (optionally with a region, e.g. nb-NO)\n"
    )
    assert not out.exists()


def test_a_language_whose_words_fall_back_to_bokmal_is_noted_as_export_notes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--language se: the index and the navigation print Bokmål where the Sámi bundle has no
    word. The site says so in the one line export prints for a se document, once per
    language (the site's words, then the languages of the documents' pages)."""
    from khsmodel.labels import fallbacks

    missing = fallbacks("se")
    assert missing and "responsible" in missing  # else there is nothing to note
    plan = _write(tmp_path, "plan", attrs.evolve(plan_2016_2017(), language="nb"))
    out = tmp_path / "site"
    assert main(["site", plan, "--out-dir", str(out), "--no-pdfa", "--language", "se"]) == 0
    err = capsys.readouterr().err.splitlines()
    notes = [line for line in err if "printed in Bokmål" in line]
    assert notes == [
        f"khsmodel site: note: {len(missing)} label(s) have no se text and are printed in "
        f"Bokmål ({', '.join(missing[:5])}, …); khsmodel.labels.fallbacks('se') lists them"
    ]
    assert parse((out / "index.html").read_bytes()).one("html").attrs["lang"].startswith("se")
    # the same words as export's note for a se document
    sami = _write(tmp_path, "sami", attrs.evolve(plan_2016_2017(), language="se"))
    assert main(["export", sami, "-f", "html", "-o", str(tmp_path / "sami.html"),
                 "--no-validate"]) == 0  # fmt: skip
    exported = capsys.readouterr().err.splitlines()
    assert exported == [f"{sami}: {notes[0].removeprefix('khsmodel site: ')}"]
    # a se document in a Bokmål site: its page falls back, noted once (se and se-NO alike)
    sami_no = _write(tmp_path, "sami-no", attrs.evolve(plan_2016_2017(), language="se-NO"))
    out2 = tmp_path / "site2"
    assert main(["site", plan, sami, sami_no, "--out-dir", str(out2), "--no-pdfa",
                 "--language", "nb"]) == 0  # fmt: skip
    notes2 = [line for line in capsys.readouterr().err.splitlines() if "Bokmål" in line]
    assert notes2 == notes
    # Bokmål and Nynorsk only: no fallback, no note
    nn = _write(tmp_path, "nn", attrs.evolve(plan_2016_2017(), language="nn"))
    assert main(["site", plan, nn, "--out-dir", str(tmp_path / "site3"), "--no-pdfa",
                 "--language", "nn"]) == 0  # fmt: skip
    assert "printed in Bokmål" not in capsys.readouterr().err


def test_a_document_with_validation_errors_stops_the_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the site is uploaded as it is: a plan that validate refuses is not published
    good = plan_2016_2017()
    areas = list(good.focus_areas)
    areas[1] = attrs.evolve(areas[1], number=areas[0].number)  # two focus areas number 1
    bad = _write(tmp_path, "plan", attrs.evolve(good, focus_areas=tuple(areas)))
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("the site as it was")
    assert main(["site", bad, "--out-dir", str(out), "--no-pdfa"]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:$.focus_areas[1].number: PLAN003 error" in err
    assert f"{bad}: not published (validation errors;" in err
    assert "khsmodel site: error: nothing written: a document has validation errors" in err
    assert [p.name for p in out.iterdir()] == ["index.html"]
    assert (out / "index.html").read_text() == "the site as it was"
    # --no-validate publishes it anyway, as export --no-validate exports it
    assert main(["site", bad, "--out-dir", str(out), "--no-pdfa", "--no-validate"]) == 0
    assert "PLAN003" not in capsys.readouterr().err
    assert (out / "plan.html").exists()


def test_warnings_are_counted_in_one_line_or_printed_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = _write(tmp_path, "plan", plan_2016_2017())  # two PLAN011: the seed's own wording
    out = tmp_path / "site"
    assert main(["site", plan, "--out-dir", str(out), "--no-pdfa"]) == 0
    err = capsys.readouterr().err
    assert f"{plan}: 2 warnings (PLAN011); --warnings or khsmodel validate prints them" in err
    assert main(["site", plan, "--out-dir", str(out), "--no-pdfa", "--warnings"]) == 0
    err = capsys.readouterr().err
    assert err.count("PLAN011 warning responsible 'Prosjektledelsen'") == 2


def test_language_nob_is_bokmal_as_the_documents_nb(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """--language nob (an earlier spelling of Bokmål, as for_language reads it) and a Bokmål
    document are one language: the command groups the tags it notes by the site's own
    primary_language, not by their first subtag, which made "nob" and "nb" two languages
    (each looked up for a note of its own)."""
    from khsmodel.cli import _common
    from khsmodel_exporters.html.site import primary_language

    assert [primary_language(t) for t in ("nob", "no", "NO", "nb-NO", "nn-NO", "se-NO")] == [
        "nb", "nb", "nb", "nb", "nn", "se"]  # fmt: skip
    asked: list[str] = []
    real = _common.fallback_note

    def noted(language: str) -> str | None:
        asked.append(language)
        return real(language)

    monkeypatch.setattr(_common, "fallback_note", noted)
    plan = _write(tmp_path, "plan", attrs.evolve(plan_2016_2017(), language="nb"))
    nn_plan = _write(tmp_path, "plan-nn", attrs.evolve(plan_2016_2017(), language="nn-NO"))
    out = tmp_path / "site"
    assert main(["site", plan, nn_plan, "--out-dir", str(out), "--no-pdfa",
                 "--language", "nob"]) == 0  # fmt: skip
    assert asked == ["nob", "nn-NO"]  # Bokmål once (the site's tag), Nynorsk once
    assert "note:" not in capsys.readouterr().err  # nothing falls back, nothing to say
    index = parse((out / "index.html").read_bytes())
    assert index.one("html").attrs["lang"] == "nb-NO"
    assert "Handlingsplaner" in _heads(out / "index.html")
    # the Bokmål page is in the site's language: the site's words in its navigation
    page = parse((out / "plan.html").read_bytes())
    assert page.one("html").attrs["lang"] == "nb-NO"
    nav = next(n for n in page.all("nav") if n.attrs.get("aria-label"))
    assert nav.attrs["aria-label"] == NB.web["site"]
