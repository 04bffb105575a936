"""Newsline's language processing: plain Python on top of spaCy, with no Django import.

`pipeline` is the one entry (`analyze_article`, `analyze_collection`); `python -m newsline.nlp PATH...`
runs it from the command line. The modules beside it each do one step and are tested alone.
"""
