"""Kolada's API v3: fetching a municipality's key figures into a folder (``fetch``), searching
the catalogue (``search``), over one HTTP client (``client``); such a folder read as a source of
the build (``source``).

A folder of Kolada's pages is known by its manifest (the layout is in ``fetch``); the names are
here so that the build can recognise one without importing the HTTP client.
"""

MANIFEST = "manifest.json"
PAGES = "pages"
FORMAT = "rod-trad-kolada/1"
