"""Strings naming the 12 tags (rnnviz/text/tagset.py), and the links that lead from
page to page (see rnnviz/i18n/__init__.py).

``tags.name.<tag>`` is the short name of the chips' legend; ``tags.about.<tag>`` the
full name with examples in both scripts, for the chips' tooltips (plain text in an
HTML ``title``: no Markdown, no LaTeX). The ``lead.*`` strings are shown with
st.markdown and st.page_link (Markdown and LaTeX allowed).
"""

STRINGS: dict[str, dict[str, str]] = {
    # --- short names: the legend under the chips ---------------------------------
    "tags.name.nn": {"en": "noun / pronoun", "zh": "名词 / 代词"},
    "tags.name.v": {"en": "verb", "zh": "动词"},
    "tags.name.adj": {"en": "adjective", "zh": "形容词"},
    "tags.name.adv": {"en": "adverb", "zh": "副词"},
    "tags.name.d": {"en": "determiner", "zh": "限定词"},
    "tags.name.num": {"en": "numeral", "zh": "数词"},
    "tags.name.m": {"en": "measure word", "zh": "量词"},
    "tags.name.p": {"en": "preposition", "zh": "介词"},
    "tags.name.c": {"en": "conjunction", "zh": "连词"},
    "tags.name.aux": {"en": "auxiliary", "zh": "助动词"},
    "tags.name.part": {"en": "particle", "zh": "助词"},
    "tags.name.pu": {"en": "punctuation", "zh": "标点"},
    # --- full names with examples: the chips' tooltips ---------------------------
    "tags.about.nn": {"en": "noun, pronoun or name, e.g. 苹果, 我 / apple, I",
                      "zh": "名词、代词或专有名词，例如 苹果、我 / apple、I"},
    "tags.about.v": {"en": "verb, e.g. 吃, 学习 / eat, study",
                     "zh": "动词，例如 吃、学习 / eat、study"},
    "tags.about.adj": {"en": "adjective, e.g. 好, 漂亮 / new, happy",
                       "zh": "形容词，例如 好、漂亮 / new、happy"},
    "tags.about.adv": {"en": "adverb (negation too), e.g. 很, 不 / very, often",
                       "zh": "副词（包括否定词），例如 很、不 / very、often"},
    "tags.about.d": {"en": "determiner or demonstrative, e.g. 这, 每 / the, a, this",
                     "zh": "限定词或指示词，例如 这、每 / the、a、this"},
    "tags.about.num": {"en": "numeral, e.g. 一, 三 / two, 3",
                       "zh": "数词，例如 一、三 / two、3"},
    "tags.about.m": {"en": "measure word (classifier), e.g. 个, 本, 杯",
                     "zh": "量词，例如 个、本、杯"},
    "tags.about.p": {"en": "preposition or postposition, e.g. 在, 把, 上 / in, to",
                     "zh": "介词或方位词，例如 在、把、上 / in、to"},
    "tags.about.c": {"en": "conjunction, e.g. 和, 但是 / and, because",
                     "zh": "连词，例如 和、但是 / and、because"},
    "tags.about.aux": {"en": "auxiliary, modal or copula, e.g. 会, 是 / can, is",
                       "zh": "助动词、情态动词或系动词，例如 会、是 / can、is"},
    "tags.about.part": {"en": "particle, e.g. 的, 了, 吗 / not, 's",
                        "zh": "助词，例如 的、了、吗 / not、's"},
    "tags.about.pu": {"en": "punctuation, e.g. 。 ， / . ?",
                      "zh": "标点符号，例如 。 ， / . ?"},
    # a tag outside the 12: a model trained on uploaded data with tags of its own
    "tags.name.other": {"en": "a tag of your data", "zh": "你的数据里的标签"},
    "tags.tooltip": {"en": "{tag} — {about}", "zh": "{tag} — {about}"},

    # --- each page ends with a link to the next idea -----------------------------
    # lead.next.<page> says what the page it links to shows, in one sentence
    "lead.next": {"en": "Next: {page}", "zh": "下一步：{page}"},
    "lead.next.why": {
        "en": "**The network** shows how the RNN remembers the words before: its state "
              "$s_t$ feeds itself through $W$, folded and unrolled in time, with the real "
              "numbers of each step.",
        "zh": "**网络**一页展示 RNN 如何记住前面的词：状态 $s_t$ 通过 $W$ 送回自己，"
              "有折叠的图和按时间展开的图，每一步都有真实的数字。"},
    "lead.next.network": {
        "en": "**Weights & states** shows $U$, $W$, $V$ and every state $s_1 … s_T$ of "
              "this sentence as heatmaps on one colour scale.",
        "zh": "**权重与状态**一页把 $U$、$W$、$V$ 和这个句子的每个状态 $s_1 … s_T$ "
              "画成同一色标的热图。"},
    "lead.next.weights": {
        "en": "**Backprop through time** shows how the network learns $U$, $W$ and $V$: the "
              "error of each tag flows back through the steps, and can vanish or explode.",
        "zh": "**随时间反向传播**一页展示网络如何学习 $U$、$W$、$V$：每个标签的误差"
              "沿着时间步往回传，可能消失，也可能爆炸。"},
    "lead.next.bptt": {
        "en": "**LSTM & GRU** puts the same sentence through an LSTM and a GRU next to the "
              "RNN: their gates at each step, how far back the last word's error reaches in "
              "each, and how long each keeps a word, measured.",
        "zh": "**LSTM 与 GRU**一页让同一个句子经过 LSTM 和 GRU，与 RNN 并排：每一步的门、"
              "最后一个词的误差在各自网络里能传回多远，以及各自能记住一个词多久（实测）。"},
    "lead.next.train": {
        "en": "**The guided lesson** walks through the tutorial's argument again, step by "
              "step on your sentence, with questions that check what you have seen.",
        "zh": "**导学**按教程的思路一步一步走一遍，用的是你的句子，并用问题检验你"
              "看懂了没有。"},
    "lead.lesson": {"en": "The guided lesson", "zh": "导学"},
    # the network page's one line for a new visitor (hidden in presenter view)
    "lead.new_visitor": {
        "en": "New here? The guided lesson walks through the tutorial's argument step by "
              "step, on your sentence.",
        "zh": "第一次来？导学用你的句子，按教程的思路一步一步讲解。"},
    "lead.start": {"en": "Start the lesson →", "zh": "开始导学 →"},
}
