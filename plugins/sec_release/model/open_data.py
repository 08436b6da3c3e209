"""What the /data/ page says about the open data files: their names, fields and columns, as data.

The exports describe themselves in these terms (:mod:`sec_release.exports.catalogue`);
the page renders them (:mod:`sec_release.pages.data_page`); neither imports the other.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldRow:
    path: str  # dotted, lists as name[]
    type: str  # in words: "text", "list of object", "date (YYYY-MM-DD) or null"
    description: str


@dataclass(frozen=True)
class ColumnInfo:
    name: str
    description: str


@dataclass(frozen=True)
class JsonFileInfo:
    key: str  # data/<key>.json, data/<key>.schema.json
    description: str
    fields: tuple[FieldRow, ...]


@dataclass(frozen=True)
class CsvFileInfo:
    key: str  # data/<key>.csv
    description: str
    columns: tuple[ColumnInfo, ...]


@dataclass(frozen=True)
class OpenData:
    json_files: tuple[JsonFileInfo, ...]
    csv_files: tuple[CsvFileInfo, ...]
    schema_version: int
    schema_changes: tuple[tuple[int, str], ...]  # (version, what it changed), newest first
    feed_max_entries: int  # how many entries the Atom feed keeps


@dataclass(frozen=True)
class FormatField:
    """One field of a file editors write, for the record format page."""

    path: str  # dotted; list items as name[]
    type: str
    required: bool
    default: str  # the value used when the key is left out; "" when none
    description: str


@dataclass(frozen=True)
class FormatFile:
    name: str  # where the file is, e.g. data/releases/<id>.yaml
    title: str
    description: str
    fields: tuple[FormatField, ...]
