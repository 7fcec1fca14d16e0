"""Strings of the language-model page (``lm.*``), the mode switch (``mode.*``), its
figures and text alternatives."""

STRINGS = {
    "nav.lm": {"en": "Next word", "zh": "下一个词"},
    "mode.label": {"en": "Task", "zh": "任务"},
    "mode.tags": {"en": "Tag each word", "zh": "标注每个词"},
    "mode.next": {"en": "Predict the next word", "zh": "预测下一个词"},
    "mode.help": {
        "en": "The same network with another output layer: o_t is the tags of word t, or "
              "the probabilities of the word after it.",
        "zh": "同一个网络，换一个输出层：o_t 是第 t 个词的标签，或者它后面那个词的概率。"},
    "lead.next.lm": {
        "en": "**Train** lets a fresh network learn the tags in your browser while you "
              "watch its loss fall and its tags improve.",
        "zh": "**训练**一页在浏览器里从头训练一个网络，看着它的损失下降、标签变准。"},
    "lm.title": {"en": "The same RNN predicts the next word",
                 "zh": "同一个 RNN 预测下一个词"},
    "lm.session_note": {
        "en": "The model switch at the top chooses the tagger; this page always reads with "
              "the built-in language model.",
        "zh": "顶部的模型切换选择的是标注器；这一页始终用内置的语言模型来读。"},
    "lm.intro": {
        "en": "Here the network reads the sentence as a **language model**: $x_1$ is the "
              "start `<s>`, then the words; at each step $o_t = \\mathrm{{softmax}}(V s_t + c)$ "
              "has one row per word of its vocabulary ({K} rows, `</s>` is the end of the "
              "sentence), and the loss is $L_t = -\\log o_t[w_t]$, the probability it gave "
              "the word that actually comes next. $U$, $W$, $s_t$ and $f$ are as in the "
              "tagger; only $V$'s rows and the targets change. The built-in {lang} model "
              "(H = {H}) reads this sentence.",
        "zh": "这里网络把句子当作**语言模型**来读：$x_1$ 是句首 `<s>`，然后是各个词；每一步的 "
              "$o_t = \\mathrm{{softmax}}(V s_t + c)$ 对词表中的每个词有一行（共 {K} 行，`</s>` "
              "表示句末），损失是 $L_t = -\\log o_t[w_t]$，即它给真正的下一个词的概率。$U$、"
              "$W$、$s_t$ 和 $f$ 与标注器相同；变的只是 $V$ 的行和目标。读这个句子的是内置的"
              "{lang}模型（H = {H}）。"},
    "lm.lang.zh": {"en": "Chinese", "zh": "中文"},
    "lm.lang.en": {"en": "English", "zh": "英文"},
    "lm.step": {
        "en": "**Step {t}**: the input $x_t$ is {x}; the word that actually comes next is "
              "{next}: $o_t$ gives it **p = {p}**, loss **−log p = {nll}** (rank {rank} of "
              "{K}).",
        "zh": "**第 {t} 步**：输入 $x_t$ 是 {x}；真正的下一个词是 {next}：$o_t$ 给它 "
              "**p = {p}**，损失 **−log p = {nll}**（在 {K} 个中排第 {rank}）。"},
    "lm.step_unk": {
        "en": "“{word}” is not one of the model's output words: its target is `<unk>`, "
              "some word outside the vocabulary.",
        "zh": "“{word}”不在模型的输出词表里：它的目标是 `<unk>`，即词表之外的某个词。"},
    "lm.formula_rows": {
        "en": "Of the {K} rows of V, z and o, the formula shows {n}: the actual next word "
              "(▶) and the most likely others.",
        "zh": "V、z 和 o 共 {K} 行，公式只显示 {n} 行：真正的下一个词（▶）和最可能的其他词。"},
    "lm.fig.bars_axis": {"en": "(probability)", "zh": "（概率）"},
    "lm.fig.before": {"en": "before<br>τ = 1, all words", "zh": "之前<br>τ = 1，全部词"},
    "lm.fig.after": {"en": "after<br>τ = {tau}, top-k = {k}", "zh": "之后<br>τ = {tau}，top-k = {k}"},
    "lm.all": {"en": "all", "zh": "全部"},
    "lm.next.heading": {"en": "What comes next", "zh": "接下来是什么"},
    "lm.next.help": {"en": "Append “{word}” to the sentence (o = {p})",
                     "zh": "把“{word}”加到句子后面（o = {p}）"},
    "lm.next.caption": {
        "en": "The most likely words after the last one; click one to append it. The end "
              "of the sentence `</s>` has p = {end}, some unknown word `<unk>` p = {unk} "
              "(never offered).",
        "zh": "最后一个词之后最可能的词；点击一个把它加到句子后面。句末 `</s>` 的 p = {end}，"
              "词表外的词 `<unk>` 的 p = {unk}（不提供）。"},
    "lm.next.full": {"en": "The sentence has {n} words, the most the box takes.",
                     "zh": "句子已有 {n} 个词，这是输入框的上限。"},
    "lm.gen.heading": {"en": "Generate: sampling with temperature",
                       "zh": "生成：带温度的采样"},
    "lm.gen.n": {"en": "words at most", "zh": "最多词数"},
    "lm.gen.n_help": {"en": "Generation stops earlier at the end of the sentence </s>.",
                      "zh": "遇到句末 </s> 会提前停止。"},
    "lm.gen.temp": {"en": "temperature τ", "zh": "温度 τ"},
    "lm.gen.temp_help": {
        "en": "Sampling from softmax(z / τ): below 1 sharper, above 1 flatter; 0 = greedy, "
              "always the most likely word.",
        "zh": "从 softmax(z / τ) 中采样：小于 1 更集中，大于 1 更平；0 = 贪心，总是取最可能的词。"},
    "lm.gen.topk": {"en": "top-k (0 = all)", "zh": "top-k（0 = 全部）"},
    "lm.gen.topk_help": {"en": "Sample among the k most likely words only.",
                         "zh": "只在最可能的 k 个词中采样。"},
    "lm.gen.seed": {"en": "random seed", "zh": "随机种子"},
    "lm.gen.seed_help": {
        "en": "The same seed, sentence and settings give the same words on the same machine.",
        "zh": "同样的种子、句子和设置，在同一台机器上生成同样的词。"},
    "lm.gen.new_seed": {"en": "Another seed", "zh": "换一个种子"},
    "lm.gen.ended": {"en": "— the end of the sentence `</s>`", "zh": "—— 句末 `</s>`"},
    "lm.gen.caption": {
        "en": "Sampled with seed {seed}, τ = {tau}, top-k = {k}: {n} new words.",
        "zh": "用种子 {seed}、τ = {tau}、top-k = {k} 采样了 {n} 个新词。"},
    "lm.gen.use": {"en": "Append them to the sentence", "zh": "加到句子后面"},
    "lm.far.heading": {"en": "A word far back decides the next one",
                       "zh": "很远之前的一个词决定下一个词"},
    "lm.far.intro": {
        "en": "{a} and {b} differ only in their first words, {d} words before the next "
              "one: after the first, {wa} should come, after the second {wb}. To get it "
              "right, $s_t$ has to carry the first word all the way. The model's $o_t$ "
              "after the last word:",
        "zh": "{a} 和 {b} 只有开头的词不同，离下一个词有 {d} 个词：第一句后面应该是 {wa}，"
              "第二句后面应该是 {wb}。要答对，$s_t$ 必须把第一个词一直带到最后。模型在最后一个"
              "词之后的 $o_t$："},
    "lm.far.best": {"en": "most likely", "zh": "最可能"},
    "lm.far.right": {"en": "The model gets it right: the first word changes its best guess.",
                     "zh": "模型答对了：第一个词改变了它的最佳猜测。"},
    "lm.far.leans": {
        "en": "The model notices the first word a little: the probabilities of {wa} and "
              "{wb} move the right way, but not enough to change its best guess.",
        "zh": "模型稍微注意到了第一个词：{wa} 和 {wb} 的概率朝正确的方向变了，但不足以改变它的"
              "最佳猜测。"},
    "lm.far.blind": {
        "en": "The model gets it wrong: the first word hardly changes its prediction; by "
              "the end of the sentence it is all but forgotten. Carrying a word that far is "
              "what vanishing gradients make hard to learn (see Backprop through time and "
              "LSTM & GRU).",
        "zh": "模型答错了：第一个词几乎没有改变它的预测；读到句末时它几乎已经把它忘了。把一个词"
              "带这么远，正是梯度消失让网络难以学会的（见“随时间反向传播”和“LSTM 与 GRU”）。"},
    "lm.far.use": {"en": "Put “{sentence}” in the box", "zh": "把“{sentence}”放进输入框"},
    "export.lm_model": {
        "en": "Language model: {H} hidden units, {n} input words, {K} output words, f = {f}.",
        "zh": "语言模型：{H} 个隐藏单元，{n} 个输入词，{K} 个输出词，f = {f}。"},
    "alt.lm_unrolled": {
        "en": "The language model unrolled over {T} steps of “{sentence}”: at each step the "
              "most likely next word and its probability.",
        "zh": "语言模型在“{sentence}”上展开的 {T} 步：每一步最可能的下一个词及其概率。"},
    "alt.lm_bars": {
        "en": "The 10 most likely next words at step {t}; the actual next word “{next}” "
              "has probability {p}.",
        "zh": "第 {t} 步最可能的 10 个下一个词；真正的下一个词“{next}”的概率是 {p}。"},
    "alt.lm_formula": {
        "en": "The formula of step {t} (input “{word}”) with its numbers, the rows of the "
              "actual next word and the most likely ones.",
        "zh": "第 {t} 步（输入“{word}”）的公式及其数值，显示真正的下一个词和最可能的词的行。"},
    "alt.lm_temperature": {
        "en": "The next word's distribution before and after temperature τ = {tau} and "
              "top-k = {k}.",
        "zh": "温度 τ = {tau}、top-k = {k} 之前和之后下一个词的分布。"},
}
