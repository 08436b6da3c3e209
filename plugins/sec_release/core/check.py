"""The one entry point both adapters call: load the project and evaluate it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date

from .evaluate import Evaluation, evaluate
from .project import ProjectConfig, ProjectConfigError, parse_as_of
from .record import Record, load_record

AS_OF_ENV = "SEC_RELEASE_AS_OF"


@dataclass
class CheckedRecord:
    record: Record
    evaluation: Evaluation

    @property
    def as_of(self) -> date:
        return self.evaluation.as_of


def resolve_as_of(explicit: date | str | None, config: ProjectConfig, today: date | None = None) -> date:
    """--as-of / as_of option first, then SEC_RELEASE_AS_OF, then today."""
    for candidate in (explicit, config.as_of, os.environ.get(AS_OF_ENV)):
        value = parse_as_of(candidate)
        if value is not None:
            return value
    return today or date.today()


def check_project(config: ProjectConfig, as_of: date) -> CheckedRecord:
    record = load_record(config)
    return CheckedRecord(record, evaluate(record, as_of))


__all__ = ["check_project", "resolve_as_of", "CheckedRecord", "ProjectConfigError", "AS_OF_ENV"]
