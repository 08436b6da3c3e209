"""The neutral site model, between the checked record and what is published.

* :mod:`.context`: the build context every page and file is made from (the
  checked record filtered for the build mode, the build's provenance);
* :mod:`.pages`: the units an engine publishes (a generated page, a generated file);
* :mod:`.urls`: the site's URL scheme, and links between its pages;
* :mod:`.escape`: text placed into Markdown, HTML and feeds;
* :mod:`.render`: the Jinja environment and the Markdown of record fields.

Pages (:mod:`sec_release.pages`) and exports (:mod:`sec_release.exports`)
import this, never each other. Nothing here imports MkDocs.
"""
