"""Where ``check-published`` points, for a record whose files are written unusually:
a data_dir written ``./data``, a release file in YAML flow style. In-process, as tests/test_published_rules.py."""

from __future__ import annotations

import json

from sec_release.core.check import check_project
from sec_release.core.compare import snapshot_from_record
from sec_release.core.project import load_project
from sec_release.core.published import check_published
from tests.factory import complete_release, modification, write_project
from tests.test_published_rules import AS_OF, FILE, published


def _check(tmp_path, old_releases, new_releases, new_text=None, data_dir="data"):
    old_root = write_project(tmp_path / "old", old_releases, [modification("MP071")])
    old = check_project(load_project(old_root), AS_OF)
    new_root = write_project(tmp_path / "new", new_releases, [modification("MP071")])
    if data_dir != "data":
        config = new_root / "mkdocs.yml"
        config.write_text(config.read_text().replace("data_dir: data", f"data_dir: {data_dir}"))
    if new_text is not None:
        (new_root / FILE).write_text(new_text)
    new = check_project(load_project(new_root), AS_OF)
    assert [d for d in new.record.problems if d.severity.name == "ERROR"] == []
    return [(d.code, str(d.location), d.message, d.hint)
            for d in check_published(new.record, snapshot_from_record(old.record, old.evaluation, "published"))]


def test_a_removed_release_names_its_file_as_published_when_data_dir_is_written_dot_slash(tmp_path):
    other = complete_release("2020-02", "2020-02-27")
    assert _check(tmp_path, [published(), other], [other], data_dir="./data") == [(
        "published-release-removed", f"{FILE}:1:1",
        "the published release 2019-11 (Release 2019-11) is no longer in the record",
        f"restore {FILE}; a release that will not go ahead stays in the record with status: cancelled and an amendments entry saying why",
    )]


def _flow(first: str, rest: dict) -> str:
    return "{" + first + ", " + json.dumps(rest)[1:-1] + "}\n"


def test_in_a_flow_mapping_the_first_changed_key_on_the_line_is_pointed_at(tmp_path):
    rest = {k: v for k, v in published().items() if k not in ("status", "title")}
    text = _flow("status: cancelled, title:\n  Renamed", rest)
    assert _check(tmp_path, [published()], [published()], new_text=text) == [(
        "published-unrecorded-change", f"{FILE}:1:2",
        "the published release 2019-11 changed (title, status) with no new amendments entry",
        "append an entry to amendments (date: and summary:) saying what changed and why",
    )]


def test_a_key_whose_value_is_an_alias_is_pointed_at_by_the_key_not_the_anchor(tmp_path):
    rest = {k: v for k, v in published().items() if k not in ("summary", "title")}
    text = _flow("summary: &s Reworded, title: *s", rest)
    assert _check(tmp_path, [published()], [published()], new_text=text) == [(
        "published-unrecorded-change", f"{FILE}:1:2",
        "the published release 2019-11 changed (title, summary) with no new amendments entry",
        "append an entry to amendments (date: and summary:) saying what changed and why",
    )]
