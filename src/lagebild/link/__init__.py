"""Cross-document work: near-duplicates, event clustering and reconciliation of facts."""
