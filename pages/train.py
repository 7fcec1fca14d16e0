"""Train: a fresh RNN on the built-in corpus or your own tagged data, watched as it learns."""
import streamlit as st

from rnnviz.i18n import text
from rnnviz.ui import shell
from rnnviz.ui import training as tr

ctx = shell.page()
lang = ctx.lang
st.markdown(text("train.intro", lang))

data_col, settings_col = st.columns([1, 1], gap="large")
with data_col:
    st.subheader(text("train.data.title", lang))
    prepared = tr.data_section(lang)
    if prepared is not None:
        tr.data_summary(*prepared, lang)
with settings_col:
    st.subheader(text("train.set.title", lang))
    config = tr.settings_section(lang)

st.subheader(text("train.run.title", lang))
tr.run_section(lang, ctx.look, prepared, config)
tr.results_section(lang, ctx.look)

st.subheader(text("train.file.title", lang))
tr.model_files_section(lang)
