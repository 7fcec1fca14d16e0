"""The guided lesson: the tutorial's argument step by step, on the sentence in the box,
with questions to answer before each figure shows the answer (``rnnviz.ui.lesson_page``,
``rnnviz.lessons.guided``)."""
from rnnviz.ui import lesson_page, shell

ctx = shell.sentence_page()         # stops with a prompt while the box is blank
i = lesson_page.header(ctx)
lesson_page.step(ctx, i)
lesson_page.footer(ctx, i)
