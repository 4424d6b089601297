"""Facts derived from the records and the git history: the model, dates, updates, the minimum requirements."""
