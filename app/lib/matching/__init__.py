"""Match analysis: what an offer asks for, what a CV shows of it, and what it cannot claim."""
