"""The Content-Security-Policy every page carries (a ``<meta http-equiv>``:
GitHub Pages sets no response headers).

Scripts may come only from the site itself (``script-src 'self'``) or be one
of the inline scripts the theme writes into the page, each allowed by its
SHA-256 hash, computed from the finished page. Hand-written content cannot
add one: its HTML is sanitised before this runs (:mod:`sec_release.core.content_html`),
so the inline scripts hashed here are the theme's own. Anything injected
later (into the DOM, or into the file) matches no hash and does not run.
``'unsafe-inline'`` is never allowed for scripts; plugins, ``<base>``
rewrites and form posts elsewhere are refused.
"""

from __future__ import annotations

import base64
import hashlib
import re

PLACEHOLDER = "sec-release-csp"  # what the theme's <meta> holds until the page is finished

# Styles: Material and the plugin's theme use inline style attributes and a
# <style> block; style cannot run script. Images: data: for Material's CSS icons.
POLICY = (
    "default-src 'self'; script-src 'self'{hashes}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-src 'none'"
)

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_JS_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}
_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="' + PLACEHOLDER + '">')
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?>", re.IGNORECASE)


def inline_script_hashes(html: str) -> list[str]:
    """'sha256-...' of every inline script a browser would run, in page order, once each."""
    found: list[str] = []
    for match in _SCRIPT.finditer(html):
        attrs, body = match.group(1), match.group(2)
        if _SRC.search(attrs):
            continue
        kind = _TYPE.search(attrs)
        if kind and kind.group(1).lower() not in _JS_TYPES:
            continue  # data (application/json ...) is never run
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        token = f"'sha256-{digest}'"
        if token not in found:
            found.append(token)
    return found


def policy_for(html: str) -> str:
    hashes = inline_script_hashes(html)
    return POLICY.format(hashes="".join(" " + h for h in hashes))


def with_csp(html: str) -> str:
    """The page with its policy in the head: in the theme's <meta>, else right after <meta charset>."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    if _META.search(html):
        return _META.sub(lambda m: meta, html, count=1)
    charset = _CHARSET.search(html)
    if charset:
        return html[: charset.end()] + meta + html[charset.end():]
    head = re.search(r"<head[^>]*>", html, re.IGNORECASE)
    if head:
        return html[: head.end()] + meta + html[head.end():]
    return html
