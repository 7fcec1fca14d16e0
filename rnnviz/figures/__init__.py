"""Every picture of the app, as pure functions: a model or a trace in, a Plotly
figure out; no Streamlit. One module per picture: ``folded`` (the tutorial's
folded diagram), ``unrolled`` (the network unrolled in time), ``neurons``,
``formula`` (the numbers inside s_t = f(U x_t + W s_{t-1})), ``heatmaps`` (U, W,
V, s_t), ``backward``, ``flow`` and ``gradients`` (BPTT), ``compare``, ``reach``
and ``edit`` (the Why page), ``training`` (curves, confusion, weights).
``style`` says how to draw (colours, fonts, margins), ``chips`` the tagged
sentence as HTML.
"""
