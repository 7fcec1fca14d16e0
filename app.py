"""rnnviz — the recurrent neural network of the classic tutorial, made visible.

    streamlit run app.py

The frame (navigation, language, the live sentence box, the lecture tools) is
drawn here; the pages are the files in pages/. All logic lives in the rnnviz
package.
"""
from rnnviz.ui import shell

shell.main()
