"""Issue 9: nothing in the record or a pull request can put script on the
published site or run code during the build. The validate half of each case
is in tests/hostile/security_cases.py; this file holds the build's half and
the exact outputs of the pieces that decide."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest
from mkdocs.exceptions import Abort, PluginError

from sec_release.pages.changes_markdown import md_text
from sec_release.core.content_check import EXTENSIONS
from sec_release.core.content_html import check_page, sanitise
from sec_release.core.diagnostics import printable
from sec_release.core.page_templates import PageMacroError, render_page
from sec_release.core.urls import as_browser_reads, is_publishable
from sec_release.model.csp import inline_script_hashes, with_csp
from sec_release.model.render import markdown_to_html
from tests.factory import IMPLEMENTATION_DOCUMENT, modification, write_project
from tests.test_site_support import Site, build_site

# ---------------------------------------------------------------------------- 1. links


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "javascript&#58;alert(1)", "javascript&colon;alert(1)", "javascript&#x3A;alert(1)",
    "javascript&#0000058;alert(1)", "javascript&amp;#58;alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)",
    " javascript:alert(1)", "\x01javascript:alert(1)", "java\u200bscript:alert(1)", "&#106;avascript:alert(1)",
    "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd", "jar:x",
])
def test_unsafe_addresses_are_never_published(url):
    assert not is_publishable(url)


@pytest.mark.parametrize("url", [
    "https://smartenergycodecompany.co.uk/", "http://example.org/a?b=c&amp;d", "mailto:secas@example.org",
    "#timescales", "../2019-11/", "releases/2019-11/", "/data/record.json", "//example.org/x", "report:2019.pdf",
])
def test_web_mail_fragment_and_relative_addresses_are(url):
    assert is_publishable(url) is (url != "report:2019.pdf")  # a colon before any slash is a scheme, as in a browser


def test_ascii_text_loses_exactly_the_characters_a_browser_skips():
    """as_browser_reads takes a shortcut for ASCII text: it must drop what the per-character rule drops."""
    from sec_release.core.urls import _invisible

    every_ascii = "".join(map(chr, range(128)))
    assert as_browser_reads(every_ascii) == "".join(ch for ch in every_ascii if not _invisible(ch))
    assert as_browser_reads("java\tscript:\x7falert(1)") == "javascript:alert(1)"


def test_a_title_of_only_invisible_characters_is_empty_and_any_visible_one_is_not():
    from pydantic import TypeAdapter, ValidationError

    from sec_release.core.models import Title

    title = TypeAdapter(Title)
    for shown in ("2026 release", "A", "\u200bRelease\u2066", "Réunion"):
        assert title.validate_python(shown) == shown
    for invisible in ("\u200b", "\u200b\u2066 \u200d", "\ufeff"):
        with pytest.raises(ValidationError, match="only invisible characters"):
            title.validate_python(invisible)


def test_addresses_are_judged_as_the_browser_reads_them():
    assert as_browser_reads("java&#x09;script&colon;x") == "javascript:x"
    assert as_browser_reads("&amp;amp;#58;") == ":"


def test_record_markdown_drops_unsafe_addresses_from_pages_and_the_feed():
    html = markdown_to_html("Read [the details](javascript&#58;alert(document.domain)) first. [ok](https://example.org/) ![i](data:x)")
    assert str(html) == '<p>Read <a>the details</a> first. <a href="https://example.org/">ok</a> <img alt="i" /></p>'


def test_a_build_with_an_unsafe_link_in_the_record_stops_and_writes_nothing(tmp_path, caplog):
    mod = modification("MP071", summary="Read [the details](javascript&#58;alert(document.domain)) first.")
    project = write_project(tmp_path / "p", modifications=[mod])
    with pytest.raises((PluginError, Abort)):
        build_site(project)
    assert "data/modifications/MP071.yaml:6:1: error unsafe-link" in caplog.text
    assert not (project / "site" / "feed.xml").exists()


# ---------------------------------------------------------------------------- 2. raw HTML


def test_each_page_is_checked_on_its_own_though_the_converter_is_reused():
    """validate converts every page with one Markdown instance: what one page holds is never reported for another."""
    bad_link = "# Doc\n\nRead [the details](javascript&#58;alert(1)) first.\n"
    bad_attribute = "# Doc\n\nClick here.\n{: onclick=\"alert(1)\" }\n"
    clean = "# Doc\n\nRead [the details](https://example.org/) first.\n"
    assert check_page(clean, "a.md", 1, EXTENSIONS) == []
    assert [d.code for d in check_page(bad_link, "b.md", 1, EXTENSIONS)] == ["unsafe-link"]
    assert check_page(clean, "c.md", 1, EXTENSIONS) == []
    assert [(d.location.file, d.code) for d in check_page(bad_attribute, "d.md", 1, EXTENSIONS)] == [("d.md", "html-attribute-not-allowed")]
    assert check_page(clean, "e.md", 1, EXTENSIONS) == []


SANITISED = {
    "<script>alert(1)</script><p>kept</p>": "<p>kept</p>",
    '<img src="x" onerror="alert(1)">': '<img src="x">',
    '<a href="javascript:alert(1)" title="t">x</a>': '<a title="t">x</a>',
    '<a href="java&#x73;cript&colon;alert(1)">x</a>': "<a>x</a>",
    '<iframe src="https://example.org/"></iframe>': "",
    "<svg onload=alert(1)><circle></circle></svg>": "",
    '<object data="x"></object><embed src="x">': "",
    "<style>body{}</style><form action=x><input></form>": "",
    "<math><mtext><script>alert(1)</script></mtext></math>": "",
    '<div onclick="alert(1)" class="c">d</div>': '<div class="c">d</div>',
    '<td style="text-align: left; background: url(x)">c</td>': "c",
    '<table><tr><td style="text-align: left; background: url(x)">c</td></tr></table>':
        '<table><tbody><tr><td style="text-align:left">c</td></tr></tbody></table>',
    '<details open><summary>More</summary><abbr title="Data Communications Company">DCC</abbr> H<sub>2</sub>O x<sup>2</sup><br></details>':
        '<details open=""><summary>More</summary><abbr title="Data Communications Company">DCC</abbr> H<sub>2</sub>O x<sup>2</sup><br></details>',
    '<h2 id="costs">Costs<a class="headerlink" href="#costs" title="Permanent link">&para;</a></h2><!-- note -->':
        '<h2 id="costs">Costs<a class="headerlink" href="#costs" title="Permanent link">¶</a></h2><!-- note -->',
}


@pytest.mark.parametrize("raw", list(SANITISED))
def test_the_built_html_of_a_page_keeps_only_the_allowlist(raw):
    assert sanitise(raw) == SANITISED[raw]


# ---------------------------------------------------------------------------- 3. templates


class _Sec:
    title = "November 2027 SEC Release"

    def release(self, rid):
        return f"release {rid}"


_Sec.__module__ = "sec_release.pages.macros_api"  # what the sandbox lets pages read: the record's own objects

ESCAPES = [
    '{{ lipsum.__globals__["os"].popen("id").read() }}',
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ joiner.__init__.__globals__.os.popen('id').read() }}",
    "{{ namespace.__init__.__globals__.os.popen('id').read() }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ ''|attr('__class__') }}",
    "{{ sec|attr('__class__') }}",
    "{{ '{0.__class__}'.format(sec) }}",
    "{{ '%s'|format(sec.__class__) }}",
    "{{ '{x.__class__}'.format_map({'x': sec}) }}",
    "{{ config }}", "{{ config.site_name }}", "{{ os }}", "{{ self.__init__.__globals__ }}",
    "{{ sec.release.__globals__ }}", "{{ sec.release.__func__ }}", "{{ sec.release.__self__ }}",
    "{{ sec['__class__'] }}", "{{ ''['__cla' ~ 'ss__'] }}", "{% set a = '__cla' ~ 'ss__' %}{{ sec[a] }}",
    "{% set x = sec.__class__ %}{{ x }}", "{% for c in ''.__class__.__mro__ %}{{ c }}{% endfor %}",
    "{{ range(10) }}", "{{ dict(a=1) }}", "{{ request }}", "{{ [].append(1) }}", "{{ {}.update(a=1) }}",
    "{{ sec.title.upper.__self__ }}",
]


@pytest.mark.parametrize("payload", ESCAPES)
def test_the_sandbox_alone_stops_each_escape(payload, monkeypatch):
    """Without the static check, Jinja's sandbox (no globals, no _ attributes, only the record's objects) still refuses."""
    import sec_release.core.page_templates as page_templates

    monkeypatch.setattr(page_templates, "problems_in", lambda body: [])
    with pytest.raises(PageMacroError) as failure:
        render_page("x\n" + payload, file="content/x.md", first_line=1, sec=_Sec(), page={"title": "T"})
    assert failure.value.line == 2


@pytest.mark.parametrize("payload", ESCAPES)
def test_the_classic_sandbox_escapes_fail_with_the_page_and_line(payload, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(PageMacroError) as failure:
        render_page("# Title\n\n" + payload + "\n", file="content/x.md", first_line=4, sec=_Sec(), page={"title": "T"})
    assert failure.value.file == "content/x.md" and failure.value.line == 6
    assert list(tmp_path.iterdir()) == []


def test_sec_and_page_still_work():
    out = render_page("{{ sec.title }}; {{ sec.release('2019-11') }}; {{ page.title }}; {% for x in [1, 2] %}{{ loop.index }}{% endfor %}",
                      file="content/x.md", first_line=1, sec=_Sec(), page={"title": "Home"})
    assert out == "November 2027 SEC Release; release 2019-11; Home; 12"


def test_a_build_with_the_payload_stops_with_the_page_and_line_and_runs_nothing(tmp_path, caplog):
    marker = tmp_path / "PWNED"
    document = IMPLEMENTATION_DOCUMENT + f'\n{{{{ lipsum.__globals__["os"].popen("touch {marker}").read() }}}}\n'
    project = write_project(tmp_path / "p", implementation_document=document)
    with pytest.raises((PluginError, Abort)):
        build_site(project)
    assert "content/releases/2019-11/implementation-document.md:21:1: error page-template" in caplog.text
    assert not marker.exists()


def test_the_build_sandbox_holds_even_where_validate_is_not_asked(tmp_path, caplog, monkeypatch):
    """The plugin renders pages in the sandbox itself: with the validate-time check out of the way
    (as if it missed something), the payload still fails the build at its page and line, and runs nothing."""
    import sec_release.core.content_check as content_check
    import sec_release.core.page_templates as page_templates

    monkeypatch.setattr(content_check, "problems_in", lambda body: [])
    monkeypatch.setattr(page_templates, "problems_in", lambda body: [])  # only Jinja's sandbox is left
    marker = tmp_path / "PWNED"
    document = IMPLEMENTATION_DOCUMENT + f'\n{{{{ lipsum.__globals__["os"].popen("touch {marker}").read() }}}}\n'
    project = write_project(tmp_path / "p", implementation_document=document)
    with pytest.raises((PluginError, Abort)):
        build_site(project)
    assert "content/releases/2019-11/implementation-document.md:21:" in caplog.text
    assert not marker.exists()


# ---------------------------------------------------------------------------- 4. CSP


def test_every_page_carries_the_policy_with_the_hashes_of_its_inline_scripts(tmp_path):
    site = Site(build_site(write_project(tmp_path / "p")))
    pages = [site.path(url) for url in site.pages()] + [site.root / "404.html"]
    assert len(pages) > 10
    for path in pages:
        html = path.read_text(encoding="utf-8")
        policies = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
        assert len(policies) == 1, path
        policy = policies[0]
        assert html.index("Content-Security-Policy") < html.index("<script"), path  # before any script
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
        assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"
        assert "'unsafe-inline'" not in directives["script-src"] and "'unsafe-eval'" not in directives["script-src"]
        scripts = re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
        assert scripts, path  # Material's inline scripts are there, and each is allowed by its hash
        for body in scripts:
            digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in directives["script-src"], path


def test_only_scripts_that_run_are_hashed():
    html = '<head><meta charset="utf-8"></head><script>a()</script><script src="x.js"></script><script type="application/json">{}</script>'
    assert inline_script_hashes(html) == ["'sha256-" + base64.b64encode(hashlib.sha256(b"a()").digest()).decode() + "'"]
    assert with_csp(html).startswith('<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src \'self\'; script-src \'self\' \'sha256-')


# ---------------------------------------------------------------------------- 7, 8. messages and comments


def test_messages_show_format_characters_escaped():
    assert printable("releases/\u202egnp.md \u200b") == "releases/\\u202egnp.md \\u200b"


def test_pull_request_comments_escape_mentions_and_markdown():
    assert md_text("@secas-team see [x](javascript:alert(1)) **now** <b>") == (
        "@<!-- -->secas-team see \\[x\\]\\(javascript:alert\\(1\\)\\) \\*\\*now\\*\\* &lt;b&gt;"
    )


def test_raw_html_the_checker_cannot_read_is_reported_not_skipped():
    """HTMLParser gives up on some declarations; the page is then reported at that line instead of passing unchecked."""
    page = "# Title\n\nText.\n\n<![ x ]>\n\n<script>alert(1)</script>\n"
    found = check_page(page, "content/p.md", first_line=3)
    assert [(d.code, d.location.line) for d in found if d.code == "html-unreadable"] == [("html-unreadable", 7)]
