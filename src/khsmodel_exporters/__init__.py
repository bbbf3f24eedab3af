"""The built-in exporter plugins of khsmodel.

Each is registered under the entry-point group ``khsmodel.exporters`` in
khsmodel's pyproject.toml, the same way a third-party plugin is. Use them
through :func:`khsmodel.export` or :func:`khsmodel.exporters.get`; the
modules here import their heavy dependencies only inside ``export()``.

For exporter authors (the built-ins use the same): :mod:`.base`, the public helper set
(option checking with typed errors, the text-safety check that refuses what a format
cannot hold with the field's path, lazy import of a renderer's library), and
:mod:`.content`, what a reader sees as format-neutral blocks (the document exporters
render it).
"""
