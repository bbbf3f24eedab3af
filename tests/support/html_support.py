"""Reading the ``html`` exporter's pages back: a small element tree from the standard library.

Not collected by pytest. :func:`parse` builds the tree with :mod:`html.parser`
(it decodes character references, so an escaped ``&lt;`` reads back as ``<``);
elements hold their tag, attributes, children and text in document order.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"meta", "br", "col", "link", "img", "hr", "input", "wbr", "source", "area", "base"}


@dataclass
class El:
    tag: str
    attrs: dict[str, str | None] = field(default_factory=dict)
    children: list[El | str] = field(default_factory=list)
    parent: El | None = field(default=None, repr=False)

    def iter(self, *tags: str) -> Iterator[El]:
        """This element and every element under it (those of ``tags`` only, if given)."""
        if not tags or self.tag in tags:
            yield self
        for c in self.children:
            if isinstance(c, El):
                yield from c.iter(*tags)

    def text(self) -> str:
        """The text under this element as a reader gets it (``br`` as a line break)."""
        out: list[str] = []
        for c in self.children:
            if isinstance(c, str):
                out.append(c)
            elif c.tag == "br":
                out.append("\n")
            else:
                out.append(c.text())
        return "".join(out)

    def ancestors(self) -> Iterator[El]:
        p = self.parent
        while p is not None:
            yield p
            p = p.parent


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = El("#document")
        self.stack = [self.root]
        self.errors: list[str] = []
        self.doctype: str | None = None

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = El(tag, dict(attrs), parent=self.stack[-1])
        self.stack[-1].children.append(el)
        if tag not in VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = El(tag, dict(attrs), parent=self.stack[-1])
        self.stack[-1].children.append(el)  # SVG's <rect/>, <line/>

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if self.stack[-1].tag != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1].tag}>")
            while len(self.stack) > 1 and self.stack[-1].tag != tag:
                self.stack.pop()
        if len(self.stack) > 1:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


@dataclass
class Page:
    root: El
    doctype: str | None
    errors: list[str]

    def all(self, *tags: str) -> list[El]:
        return list(self.root.iter(*tags))

    def one(self, tag: str) -> El:
        found = self.all(tag)
        assert len(found) == 1, f"{len(found)} <{tag}> elements"
        return found[0]


def parse(data: bytes) -> Page:
    """The page's tree; every open element must be closed by its own end tag."""
    b = _Builder()
    b.feed(data.decode("utf-8"))
    b.close()
    if len(b.stack) != 1:
        b.errors.append(f"unclosed: {[e.tag for e in b.stack[1:]]}")
    return Page(b.root, b.doctype, b.errors)


def headings(page: Page) -> list[tuple[int, str]]:
    """(level, text) of every h1–h6 in document order."""
    return [(int(e.tag[1]), e.text()) for e in page.all("h1", "h2", "h3", "h4", "h5", "h6")]
