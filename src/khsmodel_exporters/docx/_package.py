"""The .docx package: fixed timestamps and member order, the main part written as it is
generated, no template leftovers, core properties from the document."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml

from ..content import Content


class _FixedZip:
    """A PhysPkgWriter stand-in: fixed timestamps and permissions, so bytes depend on content."""

    def __init__(self, buf: io.BytesIO) -> None:
        self._zip = zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED)

    def write(self, pack_uri: Any, blob: bytes) -> None:
        info = zipfile.ZipInfo(pack_uri.membername, date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self._zip.writestr(info, blob)

    def write_stream(self, pack_uri: Any, fill: Callable[[Callable[[bytes], Any]], None]) -> None:
        """A member written piece by piece by ``fill(write)`` (the same bytes as ``write``)."""
        info = zipfile.ZipInfo(pack_uri.membername, date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        with self._zip.open(info, "w") as member:
            fill(member.write)

    def close(self) -> None:
        self._zip.close()


MainWriter = Callable[[Callable[[bytes], Any]], None]


def _save(document: Any, main: MainWriter) -> bytes:
    """The package, with the main document part written by ``main(write)``."""
    package = document.part.package
    buf = io.BytesIO()
    try:
        from docx.opc.pkgwriter import PackageWriter

        parts = list(package.iter_parts())
        writer: Any = _FixedZip(buf)
        pw: Any = PackageWriter
        pw._write_content_types_stream(writer, parts)
        pw._write_pkg_rels(writer, package.rels)
        for part in parts:  # PackageWriter._write_parts, with our main part
            if part is document.part:
                writer.write_stream(part.partname, main)
            else:
                writer.write(part.partname, part.blob)
            if len(part.rels):
                writer.write(part.partname.rels_uri, part.rels.xml)
        writer.close()
        return buf.getvalue()
    except AttributeError:  # pragma: no cover - python-docx changed its private writer
        xml = io.BytesIO()
        main(xml.write)
        document.part._element = parse_xml(xml.getvalue())
        raw = io.BytesIO()
        document.save(raw)
        out = io.BytesIO()
        writer = _FixedZip(out)
        with zipfile.ZipFile(raw) as z:
            for name in z.namelist():
                writer._zip.writestr(_fixed_info(name), z.read(name))
        writer.close()
        return out.getvalue()


def _fixed_info(name: str) -> zipfile.ZipInfo:  # pragma: no cover - fallback only
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def _drop_parts(document: Any) -> None:
    """Drop the template's thumbnail, app.xml and stale stylesWithEffects."""
    package = document.part.package
    for rel in list(package.rels.values()):
        if rel.reltype in (RT.THUMBNAIL, RT.EXTENDED_PROPERTIES):
            package.rels.pop(rel.rId)
    part_rels = document.part.rels
    for rel in list(part_rels.values()):
        if rel.reltype.endswith("/stylesWithEffects") or rel.reltype == RT.WEB_SETTINGS:
            part_rels.pop(rel.rId)


def _properties(document: Any, content: Content, created: dt.datetime | None) -> None:
    cp = document.core_properties
    cp.title = content.title[:255]
    cp.subject = content.subject[:255]
    cp.author = content.author[:255]
    cp.language = content.language
    cp.comments = ""
    cp.keywords = "; ".join(content.keywords)
    cp.last_modified_by = ""
    cp.category = ""
    cp.revision = 1
    when = created
    if when is None and content.date is not None:
        when = dt.datetime(content.date.year, content.date.month, content.date.day, tzinfo=dt.UTC)
    el = cp._element
    if when is not None:
        cp.created = when
        cp.modified = when
    else:
        for tag in ("created", "modified"):
            for child in el.findall(f"{{http://purl.org/dc/terms/}}{tag}"):
                el.remove(child)
