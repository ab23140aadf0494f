"""HTTP routes of the sync server, one module per audience (devices, sync, team lead)."""
