"""Case management: people, cases, screening, assistance, consent, referrals, approvals, audit."""
