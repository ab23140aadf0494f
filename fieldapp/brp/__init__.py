"""The BRP check (issue 13): is the person still a resident, alive, at this address?

Server side only: laptops never query the BRP (an import-linter contract keeps ``ui``,
``fieldapp.services``, ``fieldapp.store`` and ``fieldapp.sync`` away from this package).

One provider interface (``model.BrpProvider``), three backends:
- ``haal_centraal``: the Haal Centraal BRP API Personen v2 through the municipality's gateway
  (mTLS + OAuth2 client credentials, protocollering headers, ``fields`` minimised);
- ``extract``: a periodic CSV with LO3 rubrieken, imported into the encrypted server store;
- manual: the team lead records the outcome of a check done by hand (``manual``).

``outcomes`` maps what the BRP says onto the DDAS vocabulary; ``names`` holds the Dutch-name
rules the address search needs. Nothing here stores a BRP payload: callers keep the verdict,
the time, the gemeentecode and the BAG id only.
"""
