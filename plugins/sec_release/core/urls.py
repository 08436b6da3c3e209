"""Which addresses may be published: the one place that decides.

A browser reads ``javascript&#58;alert(1)`` as ``javascript:alert(1)``: it
decodes character references, drops tab and newline anywhere in a URL and
control characters and spaces around it. So an address is judged as the
browser will see it: character references decoded (repeatedly, until nothing
changes, so ``&amp;#58;`` is caught too), then every control, format and
white-space character removed. What is left may be published only if it is
``http:``, ``https:`` or ``mailto:``, a fragment (``#...``) or a relative
address (no scheme at all).

Every page, the feed and every export take their addresses through
:func:`is_publishable`; ``validate`` reports the others with :func:`problem`.
"""

from __future__ import annotations

import html
import re
import unicodedata

ALLOWED_SCHEMES = ("http", "https", "mailto")

# A scheme as a URL parser reads it: a letter, then letters, digits, + - . up to the first colon.
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_MAX_DECODE_ROUNDS = 10


def _invisible(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Zs", "Zl", "Zp")


_ASCII_INVISIBLE = re.compile(r"[\x00-\x20\x7f]")  # the ASCII characters _invisible() is true for


def as_browser_reads(url: str) -> str:
    """``url`` with character references decoded until stable and invisible characters removed."""
    text = url
    for _ in range(_MAX_DECODE_ROUNDS):
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    if text.isascii():
        return _ASCII_INVISIBLE.sub("", text)
    return "".join(ch for ch in text if not _invisible(ch))


def scheme(url: str) -> str | None:
    """The scheme the browser would use (lower case), or None for a relative address or fragment."""
    match = _SCHEME.match(as_browser_reads(url))
    return match.group(1).lower() if match else None


def is_publishable(url: str | None) -> bool:
    """True for http(s), mailto, fragments and relative addresses; False for anything else."""
    if url is None:
        return False
    found = scheme(url)
    if found is None:
        # No scheme: relative, fragment, or network-path (//host, read as the page's http(s)).
        # A colon before the first / ? # that is not a scheme (e.g. "1:x") is still a
        # relative path to a browser, which is harmless.
        return True
    return found in ALLOWED_SCHEMES


def problem(url: str) -> tuple[str, str] | None:
    """(message, hint) when ``url`` may not be published, else None. Messages quote what was written."""
    if is_publishable(url):
        return None
    found = scheme(url) or "?"
    shown = url if len(url) <= 80 else url[:77] + "..."
    return (
        f'the link address "{shown}" uses "{found}:", which is never published (only http, https, mailto, # and relative links are)',
        "link to a web page (https://...), an email address (mailto:...) or a page of this site; "
        "character references such as &#58; are read as the characters they stand for",
    )
