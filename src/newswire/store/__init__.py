"""The store: the single source of truth (items, versions, the event log, accounts)."""
