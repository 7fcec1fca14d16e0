"""Train: a fresh RNN on the built-in corpus or your own tagged data, watched as it learns."""
import streamlit as st

from rnnviz.i18n import text
from rnnviz.ui import (
    lead,
    model_files,
    shell,
    training_data,
    training_results,
    training_run,
    training_settings,
)

ctx = shell.page()
lang = ctx.lang
st.markdown(text("train.intro", lang))

data_col, settings_col = st.columns([1, 1], gap="large")
with data_col:
    st.subheader(text("train.data.title", lang))
    prepared = training_data.data_section(lang)
    if prepared is not None:
        training_data.data_summary(*prepared, lang)
with settings_col:
    st.subheader(text("train.set.title", lang))
    config = training_settings.settings_section(lang)

st.subheader(text("train.run.title", lang))
training_run.run_section(lang, ctx.look, prepared, config)
training_results.results_section(lang, ctx.look)

st.subheader(text("train.file.title", lang))
model_files.model_files_section(lang)
lead.next_idea(ctx)
