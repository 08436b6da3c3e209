"""Publishing the public record of SEC Releases under Section D10 of the Smart Energy Code.

The package has three layers:

* ``sec_release.core`` - the record, the D10 rulebook and its evaluation. Plain
  Python with no MkDocs imports, so any engine (or none) can drive it.
* ``sec_release.cli`` - the ``sec-release`` command.
* ``sec_release.mkdocs_plugin`` - the thin adapter that MkDocs loads.
"""

__version__ = "0.1.0"
