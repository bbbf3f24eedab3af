"""The ``pdfa`` exporter: one PDF the archive law and the accessibility law both accept.

Two routes, chosen by the ``route`` option:

``route="weasyprint"`` (the default)
    **Tagged PDF/A-2a** made from the ``html`` exporter's page by WeasyPrint
    (``pip install "khsmodel[pdfa]"``; it needs the Pango library, Debian
    ``libpango-1.0-0``). The page's structure becomes the PDF's structure tree
    (headings, paragraphs, lists, tables with header cells, the timeline as a
    figure with alternative text); ``/Lang``, ``/MarkInfo /Marked``, the title
    shown, XMP ``pdfaid:part 2`` and ``conformance A``; the bundled DejaVu Sans
    embedded; "Side X av Y" in the footer. Same input, same bytes. No
    LibreOffice. ``variant="pdf/ua-1"`` writes PDF/UA-1 instead. See
    :mod:`khsmodel_exporters.html._pdf`.

``route="libreoffice"`` (chosen by itself when ``soffice``, ``timeout`` or ``font`` is given)
    **PDF/A-2b**, as before: the ``docx`` exporter's document, converted by
    LibreOffice Writer (``soffice --headless --convert-to pdf``) with the PDF/A-2
and tagged-PDF export options. The result is PDF/A-2b, tagged, with the
document's language (nb-NO by default) and the title, author and subject of
the Word document in its XMP metadata, and every font embedded.

Each conversion runs in its own temporary directory with its own LibreOffice
profile (``-env:UserInstallation``), so conversions can run in parallel and
never touch the user's LibreOffice settings. The export options are given
twice, as filter options on the command line (LibreOffice 7.4 and newer) and
in the fresh profile's settings (older versions), and the output is checked:
a PDF that does not declare PDF/A part 2 is an error, not a result.

Needs LibreOffice (Debian: ``apt-get install libreoffice-writer``) and
python-docx (``pip install "khsmodel[docx]"``). Unlike ``pdf``, the bytes are
not reproducible: LibreOffice stamps the conversion time.

Options of ``export(doc, **options)``:

``route`` (``"weasyprint"`` or ``"libreoffice"``)
    Which route makes the PDF (above).
``variant`` (``"pdf/a-2a"`` or ``"pdf/ua-1"``, WeasyPrint route; default ``"pdf/a-2a"``)
    The PDF standard to write.
``timeline``, ``labels``
    As for the ``html`` exporter (WeasyPrint route) or the ``docx`` exporter.
``timeout`` (number of seconds, default 180; LibreOffice route)
    How long the conversion may take before it is stopped.
``soffice`` (str, default: the environment variable ``KHSMODEL_SOFFICE``,
else ``soffice`` or ``libreoffice`` on ``PATH``; LibreOffice route)
    The LibreOffice program to run. When none is found, ``khsmodel formats``
    lists the exporter as unavailable with the reason.

On the LibreOffice route any other option is passed on to the ``docx``
exporter (e.g. ``font``).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

from khsmodel.documents import DOCUMENT_TYPES, Document
from khsmodel.errors import KhsModelError
from khsmodel.exporters import CliOption

from ._options import DOCUMENT_CLI_OPTIONS

__all__ = ["PDFA_FILTER", "ROUTES", "SOFFICE_ENV", "PdfaExporter", "find_soffice"]

#: The routes to a PDF/A: WeasyPrint from the HTML page (tagged PDF/A-2a), or LibreOffice
#: from the Word document (PDF/A-2b).
ROUTES = ("weasyprint", "libreoffice")
#: Options that belong to the LibreOffice route; given without ``route``, they choose it.
_LIBREOFFICE_OPTIONS = ("soffice", "timeout", "font")
_WEASYPRINT_HINT = (
    'pip install "khsmodel[pdfa]" (WeasyPrint) and the Pango library '
    "(Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0); or route='libreoffice'"
)


def weasyprint_missing() -> str | None:
    """Why WeasyPrint cannot run here (not installed, or Pango missing), or None.

    Looked up without importing WeasyPrint (a second's work): the module is
    found and the Pango library is on the system's library path.
    """
    import ctypes.util
    from importlib.util import find_spec

    if find_spec("weasyprint") is None:
        return f"the pdfa exporter needs WeasyPrint: {_WEASYPRINT_HINT}"
    if ctypes.util.find_library("pango-1.0") is None and not os.environ.get(
        "WEASYPRINT_DLL_DIRECTORIES"
    ):
        return f"the pdfa exporter needs the Pango library for WeasyPrint: {_WEASYPRINT_HINT}"
    return None


#: The export filter with its options (JSON form, LibreOffice 7.4+): PDF/A-2b, tagged.
PDFA_FILTER = (
    'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"},'
    '"UseTaggedPDF":{"type":"boolean","value":"true"}}'
)

# The same options as profile settings, for LibreOffice versions before 7.4.
_REGISTRY = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Filter/PDF/Export"><prop oor:name="SelectPdfVersion" oor:op="fuse"><value>2</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Filter/PDF/Export"><prop oor:name="UseTaggedPDF" oor:op="fuse"><value>true</value></prop></item>
</oor:items>
"""

_PDFA_PART = re.compile(rb"pdfaid:part(?:>\s*|=[\"'])2\b")
_DEFAULT_TIMEOUT = 180.0


#: The environment variable naming the LibreOffice program.
SOFFICE_ENV = "KHSMODEL_SOFFICE"
_INSTALL = "install LibreOffice Writer, e.g. 'apt-get install libreoffice-writer'"


def find_soffice(program: str | None = None) -> str:
    """The LibreOffice program to run; :class:`KhsModelError` naming it when it is missing.

    ``program`` (the ``soffice`` option) wins; else the environment variable
    ``KHSMODEL_SOFFICE`` (and only it: a variable that names a missing program
    is an error naming the variable, not a silent fall-back); else ``soffice``
    or ``libreoffice`` on ``PATH``.
    """
    if program:
        found = shutil.which(program)
        if found:
            return found
        raise KhsModelError(
            f"the pdfa exporter needs LibreOffice: program {program!r} not found (named by the "
            f"soffice option; {_INSTALL}, or give the path of an installed soffice)"
        )
    env = os.environ.get(SOFFICE_ENV)
    if env:
        found = shutil.which(env)
        if found:
            return found
        raise KhsModelError(
            f"the pdfa exporter needs LibreOffice: {SOFFICE_ENV}={env} names no program "
            f"({_INSTALL}, point {SOFFICE_ENV} at an installed soffice, or unset it to use "
            "soffice from PATH)"
        )
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise KhsModelError(
        "the pdfa exporter needs LibreOffice: program 'soffice' not found on PATH "
        f"({_INSTALL}; or set {SOFFICE_ENV}=/path/to/soffice, or give the soffice option: "
        "soffice='/path/to/soffice' in Python, -O soffice=/path/to/soffice on the command line)"
    )


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop the converter and whatever it started (LibreOffice runs soffice.bin under a script)."""
    with contextlib.suppress(ProcessLookupError, PermissionError, OSError):
        if hasattr(os, "killpg"):
            os.killpg(proc.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows
            proc.kill()
    with contextlib.suppress(Exception):
        proc.communicate(timeout=10)


def convert_docx(data: bytes, *, soffice: str, timeout: float) -> bytes:
    """PDF/A-2b bytes of a Word document, converted by LibreOffice in a private directory."""
    with tempfile.TemporaryDirectory(prefix="khsmodel-pdfa-") as tmp:
        root = Path(tmp)
        src = root / "document.docx"
        src.write_bytes(data)
        out = root / "out"
        out.mkdir()
        user = root / "profile" / "user"
        user.mkdir(parents=True)
        (user / "registrymodifications.xcu").write_text(_REGISTRY, encoding="utf-8")
        cmd = [
            soffice,
            f"-env:UserInstallation={(root / 'profile').as_uri()}",
            "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
            "--nolockcheck", "--convert-to", PDFA_FILTER, "--outdir", str(out), str(src),
        ]  # fmt: skip
        env = dict(os.environ, HOME=str(root))
        try:
            proc = subprocess.Popen(
                cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                cwd=root, env=env, start_new_session=True,
            )  # fmt: skip
        except OSError as exc:
            raise KhsModelError(f"could not start LibreOffice ({soffice}): {exc}") from exc
        try:
            stdout, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            _stop(proc)
            raise KhsModelError(
                f"LibreOffice ({soffice}) did not finish the PDF/A conversion within "
                f"{timeout:g} s; it was stopped (raise the timeout option for large documents)"
            ) from exc
        except BaseException:  # Ctrl-C, SIGTERM: stop LibreOffice before its folder goes
            _stop(proc)
            raise
        result = out / "document.pdf"
        # LibreOffice exits 0 even when it fails: the file is what counts.
        if not result.is_file() or result.stat().st_size == 0:
            detail = (stderr or stdout).decode("utf-8", "replace").strip().splitlines()
            raise KhsModelError(
                f"LibreOffice ({soffice}) wrote no PDF (exit code {proc.returncode})"
                + (f": {detail[-1]}" if detail else "")
            )
        pdf = result.read_bytes()
    if not pdf.startswith(b"%PDF-"):
        raise KhsModelError(f"LibreOffice ({soffice}) wrote a file that is not a PDF")
    if _PDFA_PART.search(pdf) is None:
        raise KhsModelError(
            f"LibreOffice ({soffice}) wrote a PDF that does not declare PDF/A-2 "
            "(LibreOffice 7.4 or newer is known to work)"
        )
    return pdf


class PdfaExporter:
    """Tagged PDF/A-2a from the HTML page (WeasyPrint), or PDF/A-2b through Word and
    LibreOffice, for the archive and for publishing; in the document's language."""

    name = "pdfa"
    #: Not plain ".pdf": exported next to the ``pdf`` exporter's file, it must not replace it.
    suffix = ".pdfa.pdf"
    media_type = "application/pdf"
    kinds: tuple[str, ...] = tuple(DOCUMENT_TYPES)
    #: Looked up per route in :meth:`export` (WeasyPrint, or python-docx and LibreOffice).
    requires: tuple[str, ...] = ()
    install_hint = 'pip install "khsmodel[pdfa]"'
    cli_options: ClassVar[Mapping[str, CliOption]] = {
        **DOCUMENT_CLI_OPTIONS,
        "route": CliOption(
            "choice",
            help="weasyprint (tagged PDF/A-2a, default) or libreoffice (PDF/A-2b from Word)",
            choices=ROUTES,
        ),
        "variant": CliOption(
            "choice",
            help="pdf/a-2a (default) or pdf/ua-1 (weasyprint route)",
            choices=("pdf/a-2a", "pdf/ua-1"),
        ),
        "timeout": CliOption("number", "SECONDS", "how long LibreOffice may take (default 180)"),
        "soffice": CliOption("text", "/path/to/soffice", "the LibreOffice program to run"),
        "font": CliOption("text", "FAMILY", "font family of the Word document (default Arial)"),
    }

    def missing_program(self) -> str | None:
        """Why the default route (WeasyPrint and Pango) cannot run here, or None."""
        return weasyprint_missing()

    def export(self, doc: Document, **options: Any) -> bytes:
        route = options.pop("route", None)
        if route is None:
            route = "libreoffice" if any(o in options for o in _LIBREOFFICE_OPTIONS) else (
                "weasyprint")  # fmt: skip
        if route not in ROUTES:
            raise KhsModelError(f"route must be one of {', '.join(ROUTES)}, got {route!r}")
        if route == "weasyprint":
            return self._weasyprint(doc, options)
        if "variant" in options:
            raise KhsModelError("the variant option belongs to route='weasyprint' "
                                "(LibreOffice writes PDF/A-2b)")  # fmt: skip
        timeout = options.pop("timeout", _DEFAULT_TIMEOUT)
        if isinstance(timeout, bool) or not isinstance(timeout, int | float) or not timeout > 0:
            raise KhsModelError(f"timeout must be a positive number of seconds, got {timeout!r}")
        program = options.pop("soffice", None)
        if program is not None and (not isinstance(program, str) or not program):
            raise KhsModelError(f"soffice must be a program name or path, got {program!r}")
        soffice = find_soffice(program)

        from khsmodel import exporters

        docx = exporters.get("docx").export(doc, **options)  # bad text: KhsModelError with path
        return convert_docx(docx, soffice=soffice, timeout=float(timeout))

    def _weasyprint(self, doc: Document, options: dict[str, Any]) -> bytes:
        from ._options import (
    labels_option,
            numbering_option,
            reject_unknown_options,
            timeline_option,
        )

        given = [o for o in _LIBREOFFICE_OPTIONS if o in options]
        if given:
            raise KhsModelError(
                f"option(s) {', '.join(given)} belong to route='libreoffice' "
                "(the weasyprint route takes: labels, language, numbering, timeline, variant)"
            )
        reject_unknown_options(
            "pdfa", options, {"labels", "language", "numbering", "timeline", "variant"}
        )
        labels = labels_option(options, doc)
        numbering = numbering_option(options)
        timeline = timeline_option(options)
        from .html._pdf import VARIANTS

        variant = options.get("variant", "pdf/a-2a")
        if variant not in VARIANTS:
            raise KhsModelError(f"variant must be one of {', '.join(VARIANTS)}, got {variant!r}")
        from .content import build

        content = build(doc, labels=labels, numbering=numbering)  # bad text: error with path
        missing = weasyprint_missing()
        try:
            from .html._pdf import render_pdf

            return render_pdf(content, labels=labels, timeline=timeline, variant=variant)
        except (ImportError, OSError) as exc:
            from khsmodel.exporters import ExporterUnavailableError

            if missing is None and not isinstance(exc, ImportError):
                raise
            raise ExporterUnavailableError(
                "pdfa", missing or f"{type(exc).__name__}: {exc}", _WEASYPRINT_HINT
            ) from exc
