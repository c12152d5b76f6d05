"""Kolada's API v3: fetching a municipality's key figures into a folder (``fetch``), searching
the catalogue (``search``), over one HTTP client (``client``)."""
