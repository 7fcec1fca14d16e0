"""Streamlit glue shared by the pages: the only package code that imports
streamlit. ``shell`` (the frame every page runs in: navigation, the live
sentence box, language, presenter view), ``context`` (what a page computes once
per sentence), ``views`` (one call per chart, the share panel), ``steps`` (the
step buttons), ``models`` (which model a session sees), ``training`` (the Train
page's parts), ``resources`` (process-wide read-only caches), ``urlstate`` (the
registry of URL fields) and ``export`` (file names, CSV, offline HTML).
"""
