"""The ``pdfa`` exporter: PDF/A-2b for the archive, by converting the Word output with LibreOffice.

Open-source reportlab writes neither PDF/A nor tagged PDF, so this exporter
takes the documented route: the ``docx`` exporter's document, converted by
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

``timeout`` (number of seconds, default 180)
    How long the conversion may take before it is stopped.
``soffice`` (str, default: the environment variable ``KHSMODEL_SOFFICE``,
else ``soffice`` or ``libreoffice`` on ``PATH``)
    The LibreOffice program to run. When none is found, ``khsmodel formats``
    lists the exporter as unavailable with the reason.

Any other option is passed on to the ``docx`` exporter (e.g. ``font``).
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

__all__ = ["PDFA_FILTER", "SOFFICE_ENV", "PdfaExporter", "find_soffice"]

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
    """PDF/A-2b (tagged, in the document's language) through Word and LibreOffice, for the archive."""

    name = "pdfa"
    #: Not plain ".pdf": exported next to the ``pdf`` exporter's file, it must not replace it.
    suffix = ".pdfa.pdf"
    media_type = "application/pdf"
    kinds: tuple[str, ...] = tuple(DOCUMENT_TYPES)
    requires: tuple[str, ...] = ("docx",)
    install_hint = 'pip install "khsmodel[docx]" and install LibreOffice Writer'
    cli_options: ClassVar[Mapping[str, CliOption]] = {
        "timeout": CliOption("number", "SECONDS", "how long LibreOffice may take (default 180)"),
        "soffice": CliOption("text", "/path/to/soffice", "the LibreOffice program to run"),
        "font": CliOption("text", "FAMILY", "font family of the Word document (default Arial)"),
        "timeline": CliOption("bool", help="end an action plan with its timeline (default true)"),
        "language": CliOption(
            "text", "TAG", "print the document's words in this language (nb, nn, en, se, …)"
        ),
    }

    def missing_program(self) -> str | None:
        """Why LibreOffice cannot be found by default (``KHSMODEL_SOFFICE`` or ``PATH``), or None."""
        try:
            find_soffice()
        except KhsModelError as exc:
            return str(exc)
        return None

    def export(self, doc: Document, **options: Any) -> bytes:
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
