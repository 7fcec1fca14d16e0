"""The floor the live pages are measured against: a text box that commits on every
keystroke (``live="0ms"``, as the app's sentence box) and two small Plotly charts (a
16×T heatmap and a T-point scatter), nothing else.

    streamlit run bench/floor_app.py
"""
import numpy as np
import plotly.graph_objects as go
import streamlit as st

s = st.text_input("Sentence", "我 吃 苹果", key="s", live="0ms", bind="query-params")
tokens = s.split() or ["∅"]
T = len(tokens)
rng = np.random.default_rng(T)
heat = go.Figure(go.Heatmap(z=rng.uniform(-1, 1, (16, T)), x=tokens, zmid=0,
                            colorscale="RdBu"))
heat.update_layout(height=320, margin=dict(l=40, r=10, t=10, b=40))
scatter = go.Figure(go.Scatter(x=list(range(1, T + 1)), y=rng.uniform(0, 1, T),
                               mode="markers+text", text=tokens))
scatter.update_layout(height=320, margin=dict(l=40, r=10, t=10, b=40))
st.plotly_chart(heat, key="heat")
st.plotly_chart(scatter, key="scatter")
