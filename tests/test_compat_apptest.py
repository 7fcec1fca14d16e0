"""The test suite's Streamlit workarounds (tests/conftest.py) still do what they say.

If a Streamlit release stops calling what conftest patches, these fail, rather than
the fast tier silently growing back from 50 s to 120 s.
"""
from streamlit.testing.v1 import AppTest

import conftest


def _page():
    import streamlit as st
    st.write("hello")


def test_apptest_scans_the_installed_components_through_the_patched_function():
    before = conftest._scan_once.cache_info()
    for _ in range(2):
        assert not AppTest.from_function(_page).run().exception
    after = conftest._scan_once.cache_info()
    assert after.hits + after.misses >= before.hits + before.misses + 2   # still called
    assert after.misses <= 1                                              # scanned once


def test_apptest_compiles_each_script_once_per_process():
    at = AppTest.from_file(conftest.APP, default_timeout=60).run()
    assert not at.exception
    cached = dict(conftest._scripts._cache)
    assert conftest.APP in cached
    AppTest.from_file(conftest.APP, default_timeout=60).run()
    assert conftest._scripts._cache[conftest.APP] is cached[conftest.APP]   # not recompiled
