"""Rendering: facts turned into Markdown pages, feeds, calendars, open data, the finder and the IRM pack."""
