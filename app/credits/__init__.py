"""The credit ledger, below the features: the task kernel (app/tasks/billing.py) debits and
refunds with it, the admin grants, accounts and the credits page read it. ``ledger`` writes
and sums the transactions; ``balance_events`` tells the user's pages after each commit."""
