"""Raw HTML and links in hand-written pages (``content/``): an allowlist.

Editors may write the HTML a document needs (tables, ``details``/``summary``,
``abbr``, ``sup``/``sub``, ``br``, ``dl``, ``figure``, ``kbd`` ...) and
nothing that can run or load script: any other element, any event-handler
(``on...``) or other unlisted attribute, and any address that is not http(s),
mailto, a fragment or relative (:mod:`sec_release.core.urls`).

* :func:`check_page` is ``validate``'s half: each problem at file:line.
* :func:`sanitise` is the build's half, the last line of defence: the
  rendered hand-written HTML goes through nh3 (Ammonia) with the same lists,
  so whatever ``validate`` missed is removed from the page.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from xml.etree import ElementTree

import markdown as markdown_lib
import nh3
from markdown_it import MarkdownIt

from .diagnostics import Diagnostic, Location, Severity
from .urls import is_publishable, problem as url_problem

# The message codes this module reports (explained in the editors' guide).
_CODES = {"tag": "html-not-allowed", "attribute": "html-attribute-not-allowed", "link": "unsafe-link", "unreadable": "html-unreadable"}
CODE_TAG, CODE_ATTRIBUTE, CODE_LINK = _CODES["tag"], _CODES["attribute"], _CODES["link"]

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
    "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
    "pre", "q", "s", "samp", "section", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
})
GENERIC_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "role"})
GENERIC_PREFIXES = frozenset({"aria-"})
TAG_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "td": frozenset({"colspan", "rowspan", "headers", "style"}),  # style: the tables extension's text-align
    "th": frozenset({"colspan", "rowspan", "headers", "scope", "abbr", "style"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    "time": frozenset({"datetime"}),
    "details": frozenset({"open"}),
    "blockquote": frozenset({"cite"}),
    "q": frozenset({"cite"}),
    "del": frozenset({"cite", "datetime"}),
    "ins": frozenset({"cite", "datetime"}),
}
URL_ATTRIBUTES = frozenset({"href", "src", "cite", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset"})
STYLE_PROPERTIES = frozenset({"text-align"})
# Elements whose content goes too (a script's text is not text for readers).
REMOVED_WITH_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math", "form", "textarea", "select"})


def attribute_allowed(tag: str, name: str) -> bool:
    name = name.lower()
    return name in GENERIC_ATTRIBUTES or any(name.startswith(p) for p in GENERIC_PREFIXES) or name in TAG_ATTRIBUTES.get(tag, ())


def sanitise(html: str) -> str:
    """The rendered HTML of a hand-written page with everything off the allowlist removed."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(REMOVED_WITH_CONTENT),
        attributes={tag: set(TAG_ATTRIBUTES.get(tag, ())) | set(GENERIC_ATTRIBUTES) for tag in ALLOWED_TAGS},
        generic_attribute_prefixes=set(GENERIC_PREFIXES),
        url_schemes={"http", "https", "mailto"},
        filter_style_properties=set(STYLE_PROPERTIES),
        strip_comments=False,
        link_rel=None,
    )


# ---------------------------------------------------------------------------
# validate


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)


_CODE_PARSER = MarkdownIt("commonmark")  # parse() keeps no state between documents


def _without_code(markdown: str) -> str:
    """The Markdown with code blocks and code spans blanked (their HTML is shown, not parsed), lines kept."""
    lines = markdown.split("\n")
    for token in _CODE_PARSER.parse(markdown):
        if token.type in ("fence", "code_block") and token.map:
            start, end = token.map
            for number in range(start, min(end, len(lines))):
                lines[number] = " " * len(lines[number])
    return _CODE_SPAN.sub(lambda m: _blank(m.group(0)), "\n".join(lines))


class _RawHtmlScanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, str, str]] = []  # (line, code, message, hint)

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        if tag not in ALLOWED_TAGS:
            self.found.append((line, CODE_TAG, f"the HTML element <{tag}> is not allowed in a page",
                               "remove it; pages may hold tables, details/summary, abbr, sup/sub, br and other text markup (README: Raw HTML)"))
            return
        for name, value in attrs:
            if not attribute_allowed(tag, name):
                self.found.append((line, CODE_ATTRIBUTE, f'the attribute {name}="..." is not allowed on <{tag}>',
                                   "remove it; event handlers (on...), style and other attributes that can run or load script are never published"))
            elif name in URL_ATTRIBUTES and value is not None and not is_publishable(value):
                message, hint = url_problem(value)
                self.found.append((line, CODE_LINK, message, hint))

    handle_startendtag = handle_starttag


class _LinkCollector(markdown_lib.treeprocessors.Treeprocessor):
    def run(self, root: ElementTree.Element) -> None:
        for element in root.iter():
            for name, value in element.attrib.items():
                if name in URL_ATTRIBUTES and not is_publishable(value):
                    self.md.found_links.append(value)
                elif name.lower().startswith("on") or name.lower() == "style" and element.tag not in ("td", "th"):
                    self.md.found_attributes.append((element.tag, name))


class _Collect(markdown_lib.Extension):
    def extendMarkdown(self, md):
        self.md = md
        self.reset()
        md.registerExtension(self)  # md.reset() calls reset()
        md.treeprocessors.register(_LinkCollector(md), "sec_release_link_collector", 0)

    def reset(self) -> None:
        self.md.found_links, self.md.found_attributes = [], []


_converters: dict[tuple[str, ...], markdown_lib.Markdown] = {}


def _converter(extensions: list) -> markdown_lib.Markdown:
    """A Markdown instance with ``extensions`` and the collector, made once and reset for each page."""
    key = tuple(map(repr, extensions))
    md = _converters.get(key)
    if md is None:
        md = _converters[key] = markdown_lib.Markdown(extensions=[*extensions, _Collect()])
    return md.reset()


def _line_of(lines: list[str], needle: str) -> int:
    probe = needle.splitlines()[0].strip() if needle.strip() else needle
    for number, text in enumerate(lines, 1):
        if probe and probe in text:
            return number
    return 1


def check_page(markdown: str, file: str, first_line: int = 1, extensions: list | None = None) -> list[Diagnostic]:
    """Problems with the raw HTML and links of one hand-written page's Markdown (below its front matter)."""
    found: list[Diagnostic] = []
    if not markdown.strip():
        return found
    scanner = _RawHtmlScanner()
    try:
        scanner.feed(_without_code(markdown))
        scanner.close()
    except AssertionError:  # the one way Python's lenient HTMLParser gives up, e.g. on "<![ x ]>"
        line = scanner.getpos()[0]
        found.append(Diagnostic(
            Location(file, first_line + line - 1, 1), Severity.ERROR, _CODES["unreadable"],
            "the raw HTML here cannot be read (a declaration or tag written as no browser reads it), so nothing after it was checked",
            "remove the stray <! ... > or < near this line, or write it as text (&lt;)",
        ))
    for line, code, message, hint in scanner.found:
        found.append(Diagnostic(Location(file, first_line + line - 1, 1), Severity.ERROR, code, message, hint))

    md = _converter(list(extensions or []))
    try:
        md.convert(markdown)
    except Exception:
        return found
    lines = markdown.split("\n")
    raw_lines = {d.location.line for d in found if d.code == CODE_LINK}
    for url in md.found_links:
        line = first_line + _line_of(lines, url) - 1
        if line in raw_lines:
            continue  # the same address, already reported from the raw HTML
        message, hint = url_problem(url) or ("", "")
        found.append(Diagnostic(Location(file, line, 1), Severity.ERROR, CODE_LINK, message, hint))
    for tag, name in md.found_attributes:
        line = first_line + _line_of(lines, name) - 1
        found.append(Diagnostic(Location(file, line, 1), Severity.ERROR, CODE_ATTRIBUTE,
                                f'the attribute {name}="..." is not allowed on <{tag}>',
                                "remove it; event handlers (on...) and style are never published"))
    unique = {(d.location, d.code, d.message): d for d in found}
    return sorted(unique.values(), key=lambda d: d.sort_key())
