"""The kinds of document D10 asks for, described once.

The rulebook (``applies_to``), the evaluator, the loader, the comparison,
the view models, the pages and the scaffold all read this registry: a new
kind of document is one entry here (and its field on the release model).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Optional


@dataclass(frozen=True)
class DocumentKind:
    key: str  # what the rulebook's applies_to says; for a release document also its field on the release
    name: str  # "Implementation Document", in messages and headings
    release_field: Optional[str]  # the release field naming the document; None for the Policy
    default_page: Optional[str]  # where the scaffold puts it, under docs_dir ({id}: the release id)
    owner: str  # who owns it, by default (a Testing Approach Document names its owner in the data)
    owner_in_data: bool = False  # the release's data names the owner (testing_approach.owner)

    @property
    def group_label(self) -> str:
        """The heading of its requirements on the rulebook page: "The Implementation Document"."""
        return f"The {self.name}" if self.release_field else "The Policy"

    @property
    def applies_label(self) -> str:
        """Who a requirement on it applies to: "Each release's Implementation Document"."""
        return f"Each release's {self.name}" if self.release_field else f"The {self.name}"

    def page_for(self, release_id: str) -> str:
        return (self.default_page or "").format(id=release_id)


POLICY = DocumentKind("policy", "SEC Release Management Policy", None, None, "The Panel")
IMPLEMENTATION_DOCUMENT = DocumentKind(
    "implementation_document", "Implementation Document", "implementation_document",
    "releases/{id}/implementation-document.md", "The Panel (SECAS edits it)",
)
TESTING_APPROACH = DocumentKind(
    "testing_approach", "Testing Approach Document", "testing_approach",
    "releases/{id}/testing-approach.md", "DCC", owner_in_data=True,
)

DOCUMENT_KINDS: dict[str, DocumentKind] = {k.key: k for k in (POLICY, IMPLEMENTATION_DOCUMENT, TESTING_APPROACH)}
# The documents each release names, in the order its page shows them.
RELEASE_DOCUMENTS: tuple[DocumentKind, ...] = tuple(k for k in DOCUMENT_KINDS.values() if k.release_field)

# What a requirement applies to: the release's own record, or one of the documents.
RELEASE = "release"
APPLIES_TO_ORDER: tuple[str, ...] = (POLICY.key, RELEASE, *(k.key for k in RELEASE_DOCUMENTS))
AppliesTo = Literal[APPLIES_TO_ORDER]  # type: ignore[valid-type]


def applies_label(applies_to: str) -> str:
    """Who a requirement applies to, in words: "Each release's record", "Each release's Implementation Document"."""
    kind = DOCUMENT_KINDS.get(applies_to)
    return kind.applies_label if kind is not None else "Each release's record"


def group_label(applies_to: str) -> str:
    """The heading of the requirements that apply to it: "The Policy", "Each release", "The Implementation Document"."""
    kind = DOCUMENT_KINDS.get(applies_to)
    return kind.group_label if kind is not None else "Each release"


def document_name(applies_to: str, otherwise: str) -> str:
    """The name of the document a requirement is about ("Implementation Document"), else ``otherwise``."""
    kind = DOCUMENT_KINDS.get(applies_to)
    return kind.name if kind is not None else otherwise


def document_kind(applies_to: str) -> Optional[DocumentKind]:
    """The document a requirement is about, or None for a requirement on the release's record."""
    return DOCUMENT_KINDS.get(applies_to)


def release_document(applies_to: str) -> Optional[DocumentKind]:
    """The release document a requirement looks in, or None (the Policy, the release's record)."""
    kind = DOCUMENT_KINDS.get(applies_to)
    return kind if kind is not None and kind.release_field else None


__all__ = [
    "DocumentKind", "DOCUMENT_KINDS", "RELEASE_DOCUMENTS", "POLICY", "IMPLEMENTATION_DOCUMENT", "TESTING_APPROACH",
    "AppliesTo", "APPLIES_TO_ORDER", "RELEASE", "applies_label", "group_label", "document_name", "document_kind", "release_document",
]
