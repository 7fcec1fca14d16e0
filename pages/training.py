"""Placeholder: this page is being written (see the open issues)."""
import streamlit as st

st.info("This page is being built.")
