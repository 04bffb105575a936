"""Newsline's language processing: plain Python on top of spaCy, with no Django import.

`pipeline.analyze_article` is the entry point the ingest code calls; the modules beside it
(`temporal`, `articles`, `pubdates`, `actors`, `events`) each do one step and are tested alone.
"""
