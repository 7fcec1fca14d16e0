"""Strings of the why part of the app (see rnnviz/i18n/__init__.py).

Strings shown with st.markdown may use LaTeX ($o_t$) and must write <unk> in
backticks; strings for Plotly figures write it &lt;unk&gt;.
"""

STRINGS: dict[str, dict[str, str]] = {
    # --- page ------------------------------------------------------------------
    "why.intro": {
        "en": "**One word at a time is not enough.** Both taggers learned from the same "
              "sentences. The **feed-forward** tagger, $s_t = f(U x_t + b)$, sees only the "
              "current word, so a word gets one tag in every sentence; the **RNN**, "
              "$s_t = f(U x_t + W s_{t-1} + b)$, also remembers the words before, through $W$. "
              "≠ marks where they disagree.",
        "zh": "**只看一个词是不够的**。两个标注器用同样的句子训练。**前馈网络** "
              "$s_t = f(U x_t + b)$ 只看当前这个词，所以一个词在任何句子里都只有一个标签；"
              "**RNN** $s_t = f(U x_t + W s_{t-1} + b)$ 还通过 $W$ 记住前面的词。"
              "≠ 标出两者意见不同的地方。"},
    "why.session_note": {
        "en": "The RNN side is **your own model** (the model switch at the top). The "
              "feed-forward side is always the shipped feed-forward tagger, and the scores "
              "are those of the shipped models.",
        "zh": "RNN 一侧是**你自己的模型**（见顶部的模型开关）。前馈网络一侧始终是内置的"
              "前馈标注器，成绩也都是内置模型的成绩。"},
    "why.not_finite": {
        "en": "This model's numbers overflow (NaN or ∞) on this sentence; the pictures "
              "draw them as 0.",
        "zh": "这个模型在这个句子上数值溢出（NaN 或 ∞）；图中按 0 显示。"},
    "why.rnn": {"en": "RNN", "zh": "RNN"},
    "why.ff": {"en": "feed-forward", "zh": "前馈网络"},
    # --- examples --------------------------------------------------------------
    "why.examples.zh": {"en": "中文: two-tag words", "zh": "中文：兼类词"},
    "why.examples.en": {"en": "English: two-tag words", "zh": "英文：兼类词"},
    "why.examples.unk": {"en": "Unknown words → their class", "zh": "词表外的词 → 未知词类别"},
    "why.examples.unk_help": {
        "en": "A word outside the vocabulary switches on the column of its unknown-word "
              "class: `<unk:zh-n>` for a Chinese word that jieba's dictionary calls a noun, "
              "`<unk:-ing>` for an English word ending in -ing, `<unk>` when nothing fits. "
              "The feed-forward tagger gives every word of a class the same tag (`<unk>` → "
              "**{tag}**, P = {p}); the RNN also reads the words before it.",
        "zh": "词表外的词会打开它的未知词类别那一列：jieba 词典里标为名词的中文词是 "
              "`<unk:zh-n>`，以 -ing 结尾的英文词是 `<unk:-ing>`，都不符合时是 `<unk>`。"
              "前馈网络给同一类别的所有词同一个标签（`<unk>` → **{tag}**，P = {p}）；"
              "RNN 还会读它前面的词。"},
    "why.examples.help": {
        "en": "Here **{word}** is **{tag}** ({desc}) because of “{cue}” before it. "
              "RNN: {rnn}, P({tag}) = {p_rnn}. Feed-forward: {ff}, P({tag}) = {p_ff}.",
        "zh": "这里 **{word}** 是 **{tag}**（{desc}），因为它前面有“{cue}”。"
              "RNN：{rnn}，P({tag}) = {p_rnn}。前馈网络：{ff}，P({tag}) = {p_ff}。"},
    # --- scoreboard ------------------------------------------------------------
    "why.score.everyday": {"en": "everyday sentences (half without a full stop)",
                           "zh": "日常句子（一半没有句末标点）"},
    "why.score.ud_test": {"en": "real text (UD treebanks)", "zh": "真实文本（UD 树库）"},
    "why.score.all": {"en": "generated sentences", "zh": "生成的句子"},
    "why.score.ambiguous": {"en": "generated: context-dependent words",
                            "zh": "生成的句子：依赖上下文的词"},
    "why.score.unk": {"en": "unknown word after a telling word (我 吃 _)",
                      "zh": "提示词之后的未知词（我 吃 _）"},
    "why.score.gap": {"en": "{gap} points", "zh": "相差 {gap} 个百分点"},
    "why.score.caption": {
        "en": "Every card is text neither model saw in training, Chinese and English "
              "together. Everyday: 200 short sentences written for measuring. Real text: "
              "the test parts of UD Chinese GSDSimp and UD English EWT (news, web text). "
              "Generated: the built-in corpus's test sentences; context-dependent words "
              "are its words with two tags (学习, 在, book, like …), where only the words "
              "before tell the tag. The gap is what the recurrence W adds.",
        "zh": "每张卡片都是两个模型训练时没见过的文本，中英文合计。日常句子：为测量而写的 "
              "200 个短句。真实文本：UD 中文 GSDSimp 和 UD 英文 EWT 的测试部分（新闻、网络"
              "文本）。生成的句子：内置语料的测试句子；依赖上下文的词是其中有两种词性的词"
              "（学习、在、book、like……），只有前面的词能说明它的词性。差值就是循环权重 W "
              "带来的提升。"},
    # --- the sentence tagged twice -----------------------------------------------
    "why.tagged.title": {"en": "The sentence, tagged twice", "zh": "同一个句子，标注两次"},
    "why.tagged.differ": {"en": "the two taggers disagree here", "zh": "两个标注器在这里意见不同"},
    "why.tagged.summary": {
        "en": "They disagree on {n} of {T} words (marked ≠). Step through the sentence to "
              "see each word's probabilities and how far back it reaches.",
        "zh": "{T} 个词中有 {n} 个意见不同（标有 ≠）。逐步查看每个词的概率，以及它能回看多远。"},
    "why.tagged.same": {
        "en": "They agree on all {T} words. Try an example above, where the context decides.",
        "zh": "{T} 个词的标签完全一致。试试上面的例子：那里由上下文决定词性。"},
    # --- reach -------------------------------------------------------------------
    "why.reach.title": {"en": "How far back does $o_{{{t}}}$ (“{word}”) reach? Each word "
                              "$x_k$ coloured by how much it changes $o_{{{t}}}$",
                        "zh": "$o_{{{t}}}$（“{word}”）能回看多远？每个词 $x_k$ 按它对 "
                              "$o_{{{t}}}$ 的影响着色"},
    "why.strip.grad": {"en": "RNN · gradient", "zh": "RNN · 梯度"},
    "why.strip.occl": {"en": "RNN · occlusion", "zh": "RNN · 遮挡"},
    "why.strip.ff": {"en": "feed-forward · gradient", "zh": "前馈网络 · 梯度"},
    "why.reach.caption": {
        "en": "**Gradient**: the norm of the Jacobian $\\partial o_{{{t}}} / \\partial (U x_k)$, "
              "how fast the probabilities at step {t} move when word $k$'s input column moves "
              "a little (small when the RNN is already sure). **Occlusion**: how much the "
              "probability of the predicted tag drops when word $k$ is replaced by `<unk>` "
              "(red: the word supported the tag, blue: it argued against it). Both are exact "
              "recomputations. For the feed-forward tagger every earlier word's reach is "
              "{ff_max} (gradient) and {ff_occl} (occlusion): it has no $W$ to carry it.",
        "zh": "**梯度**：雅可比矩阵 $\\partial o_{{{t}}} / \\partial (U x_k)$ 的范数，即第 $k$ 个词的"
              "输入列稍微变化时，第 {t} 步的概率变化有多快（RNN 已经很确定时它很小）。**遮挡**："
              "把第 $k$ 个词换成 `<unk>` 后，预测标签的概率下降多少（红色：这个词支持该标签，"
              "蓝色：它反对该标签）。两者都是精确的重新计算。前馈网络对前面每个词的回看都是 "
              "{ff_max}（梯度）和 {ff_occl}（遮挡）：它没有 $W$ 来传递信息。"},
    # --- figures -----------------------------------------------------------------
    "why.fig.probs.title": {"en": "o_{t} for “{word}”: both taggers' probabilities",
                            "zh": "“{word}”的 o_{t}：两个标注器的概率"},
    "why.fig.probs.y": {"en": "probability o_{t}[tag]", "zh": "概率 o_{t}[标签]"},
    "why.fig.reach.grad": {"en": "gradient ‖∂o_{t} / ∂(U x_k)‖",
                           "zh": "梯度 ‖∂o_{t} / ∂(U x_k)‖"},
    "why.fig.reach.occl": {"en": "occlusion: drop of P(predicted tag at t = {t}) when "
                                 "x_k → &lt;unk&gt;",
                           "zh": "遮挡：x_k → &lt;unk&gt; 时第 {t} 步预测标签概率的下降"},
    "why.fig.reach.future": {"en": "not read yet", "zh": "还没读到"},
    "why.fig.edit.title": {"en": "‖Δs<sub>t</sub>‖, the change of the hidden state: how far "
                                 "the edit of word {k} travels",
                           "zh": "‖Δs<sub>t</sub>‖，隐藏状态的变化：第 {k} 个词的改动能传多远"},
    "why.fig.edit.y": {"en": "‖Δs<sub>t</sub>‖", "zh": "‖Δs<sub>t</sub>‖"},
    # --- edit one word -------------------------------------------------------------
    "why.edit.title": {"en": "Edit one word", "zh": "改动一个词"},
    "why.edit.intro": {
        "en": "Change word $k$ and see what follows: the RNN carries the change into every "
              "later hidden state through $W$; the feed-forward tagger changes at $k$ only.",
        "zh": "改动第 $k$ 个词，看看后面会怎样：RNN 通过 $W$ 把改动带到之后的每个隐藏状态；"
              "前馈网络只在第 $k$ 个位置发生变化。"},
    "why.edit.k": {"en": "Word to change (k)", "zh": "要改动的词（k）"},
    "why.edit.word": {"en": "Replace it by (empty: `<unk>`)", "zh": "替换为（留空：`<unk>`）"},
    "why.edit.rnn_before": {"en": "RNN, before", "zh": "RNN，改动前"},
    "why.edit.rnn_after": {"en": "RNN, after", "zh": "RNN，改动后"},
    "why.edit.ff_after": {"en": "feed-forward, after", "zh": "前馈网络，改动后"},
    "why.edit.changed": {"en": "the RNN's tag changed here", "zh": "RNN 的标签在这里变了"},
    "why.edit.summary": {
        "en": "RNN: tags changed at t = {tags}; at the last word ‖Δs_T‖ = {last} (T = {T}). "
              "Feed-forward: tags changed at t = {ff_tags}, hidden state at t = {ff_states} only.",
        "zh": "RNN：标签在 t = {tags} 处改变；最后一个词处 ‖Δs_T‖ = {last}（T = {T}）。"
              "前馈网络：标签在 t = {ff_tags} 处改变，隐藏状态只在 t = {ff_states} 处改变。"},
}
