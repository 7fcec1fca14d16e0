"""rnnviz: the recurrent network of the classic tutorial, made visible.

    s_t = f(U x_t + W s_{t-1} + b),    o_t = softmax(V s_t + c)

The engine (``model``, ``forward``, ``loss``, ``bptt``, ``train``, ...) uses
NumPy only; the figures are pure Plotly functions; the pages are Streamlit.
"""
__version__ = "0.1.0"
