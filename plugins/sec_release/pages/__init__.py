"""The pages the record publishes, rendered from Jinja templates.

Every provider is a function ``SiteContext -> list[GeneratedPage]``
(registered in :mod:`sec_release.publish`). Nothing here imports MkDocs or
the exports: what a page says about the open data files comes in as data
(:class:`sec_release.model.open_data.OpenData`).
"""
