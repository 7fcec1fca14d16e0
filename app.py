"""rnnviz: placeholder entry point (the live app lands with its own issue)."""
import streamlit as st

st.title("rnnviz")
st.write("s_t = f(U x_t + W s_{t-1} + b),  o_t = softmax(V s_t + c)")
