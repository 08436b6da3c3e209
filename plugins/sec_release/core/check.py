"""The one entry point both adapters call: load the project and evaluate it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .evaluate import Evaluation, evaluate
from .options import ENV, Environment, read_environment
from .project import ProjectConfig, ProjectConfigError
from .record import Record, load_record


@dataclass
class CheckedRecord:
    record: Record
    evaluation: Evaluation

    @property
    def as_of(self) -> date:
        return self.evaluation.as_of


def resolve_as_of(explicit: date | None, config: ProjectConfig, today: date | None = None, env: Environment | None = None) -> date:
    """--as-of first, then the as_of option, then SEC_RELEASE_AS_OF, then today."""
    if explicit is not None:
        return explicit
    if config.as_of is not None:
        return config.as_of
    from_env = (env or read_environment()).as_of.strip()
    if from_env:
        try:
            return date.fromisoformat(from_env)
        except ValueError:
            raise ProjectConfigError(f"{ENV['as_of']} must be a date written YYYY-MM-DD, not {from_env!r}") from None
    return today or date.today()


def check_project(config: ProjectConfig, as_of: date) -> CheckedRecord:
    record = load_record(config)
    return CheckedRecord(record, evaluate(record, as_of))


__all__ = ["check_project", "resolve_as_of", "CheckedRecord", "ProjectConfigError"]
