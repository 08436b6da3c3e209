"""Runs in a child process (the plugins it builds with keep state for the life of a process):
`mkdocs serve --dirty` as MkDocs runs it, in-process, without the HTTP server.

    python -m tests.incremental_support PROJECT SITE_DIR STEPS_JSON [--clean]

STEPS_JSON is a list of edits, each {"file": path under PROJECT, "old": text, "new": text}. The
site is built once, then again after each edit, as `mkdocs serve --dirty` does; after each build
the pages MkDocs rendered (their source paths) are printed, one JSON list per line. With --clean,
each build is a full one, as `mkdocs serve` without --dirty makes it: what the dirty builds must equal.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

from sec_release.core.options import read_environment
from sec_release.engine import use_engine

use_engine(read_environment().engine)  # the engine the test run uses (before MkDocs is imported)

from mkdocs.commands import build as mkdocs_build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

SERVE_URL = "http://127.0.0.1:8000/"


def main(project: Path, site_dir: Path, steps: list[dict], dirty: bool = True) -> None:
    logging.getLogger(mkdocs_build.__name__.split(".")[0]).setLevel(logging.ERROR)
    rendered: list[str] = []
    build_page = mkdocs_build._build_page

    def counting(page, config, doc_files, nav, env, dirty=False, excluded=False):
        if not dirty or page.file.is_modified():
            rendered.append(page.file.src_uri)
        return build_page(page, config, doc_files, nav, env, dirty, excluded)

    mkdocs_build._build_page = counting

    def config():  # the site's own site_url, so that the site can be compared with a full build
        return load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir))

    first = config()
    first.plugins.on_startup(command="serve", dirty=dirty)
    try:
        for step in [None, *steps]:
            if step is not None:
                path = project / step["file"]
                text = path.read_text(encoding="utf-8")
                assert step["old"] in text, f"{step['old']!r} not in {path}"
                path.write_text(text.replace(step["old"], step["new"], 1), encoding="utf-8")
            rendered.clear()
            mkdocs_build.build(first if step is None else config(), serve_url=SERVE_URL, dirty=dirty)
            print(json.dumps(sorted(rendered)), flush=True)
    finally:
        first.plugins.on_shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), json.loads(sys.argv[3]), dirty="--clean" not in sys.argv[4:])
