"""Pages for data analysts to review releases, the privacy ledger, and publish after approval."""
