"""Strings of the frame, the network page, the weights page and their figures."""

_BUILTIN_EN = ("The built-in model learned from the built-in corpus (generated sentences) "
               "and real text: the dev parts of UD Chinese GSDSimp and UD English EWT "
               "(CC BY-SA 4.0).")
_BUILTIN_ZH = ("内置模型的训练数据：内置语料（生成的句子）和真实文本——UD 中文 GSDSimp 与 "
               "UD 英文 EWT 的开发集（CC BY-SA 4.0）。")

STRINGS: dict[str, dict[str, str]] = {
    # --- app shell -----------------------------------------------------------
    "app.title": {"en": "rnnviz — a recurrent neural network you can watch",
                  "zh": "rnnviz —— 看得见的循环神经网络"},
    "app.caption": {
        "en": "s_t = f(U x_t + W s_{t-1} + b),  o_t = softmax(V s_t + c): "
              "a real NumPy RNN runs over your sentence as you type.",
        "zh": "s_t = f(U x_t + W s_{t-1} + b)，o_t = softmax(V s_t + c)：你一边输入，"
              "一个真实的 NumPy 循环神经网络就在你的句子上运行。"},
    "nav.lesson": {"en": "Guided lesson", "zh": "导学"},
    "nav.network": {"en": "The network", "zh": "网络"},
    "nav.heatmaps": {"en": "Weights & states", "zh": "权重与状态"},
    "nav.bptt": {"en": "Backprop through time", "zh": "随时间反向传播"},
    "nav.why": {"en": "Why an RNN?", "zh": "为什么用 RNN？"},
    "nav.training": {"en": "Train", "zh": "训练"},
    "sentence.label": {"en": "Sentence (Chinese or English; spaces optional for Chinese)",
                       "zh": "句子（中文或英文；中文可以不加空格）"},
    "sentence.placeholder": {"en": "Type a sentence, e.g. 我 吃 苹果 or I eat apples",
                             "zh": "输入一个句子，例如 我 吃 苹果 或 I eat apples"},
    "sentence.empty": {"en": "Type a sentence above to see the network run over it — "
                             "for example 我 吃 苹果.",
                       "zh": "在上面输入一个句子，就能看到网络在它上面运行——例如 我 吃 苹果。"},
    "sentence.truncated": {"en": "The sentence is long: only its first {n} tokens are used.",
                           "zh": "句子太长：只使用前 {n} 个词。"},
    "models.choice": {"en": "Model", "zh": "模型"},
    "models.builtin": {"en": "built-in", "zh": "内置"},
    "models.session": {"en": "mine", "zh": "我的"},
    "models.help": {"en": "Draw the built-in model or the one you trained, uploaded or "
                          "changed in this session (only you see it). " + _BUILTIN_EN,
                    "zh": "显示内置模型，或你在本次会话中训练、上传或修改的模型（只有你能看到）。"
                          + _BUILTIN_ZH},
    "models.help_none": {"en": "Train or upload a model (Train page) to compare it with the "
                               "built-in one. " + _BUILTIN_EN,
                         "zh": "在“训练”页面训练或上传一个模型，就能和内置模型比较。" + _BUILTIN_ZH},
    "shell.language": {"en": "Language / 语言", "zh": "语言 / Language"},
    "heatmaps.u_full": {"en": "Show the whole matrix U (every word of the vocabulary)",
                        "zh": "显示完整的矩阵 U（词表中的每个词）"},
    "tagging.label": {"en": "Tagging", "zh": "标注结果"},
    "tagging.unknown": {"en": "not in the vocabulary: the model sees <unk> and tags it "
                              "from context",
                        "zh": "不在词表中：模型看到的是 <unk>，靠上下文来标注"},
    "tagging.prob": {"en": "P({tag}) = {p}", "zh": "P({tag}) = {p}"},
    # --- stepping through time ------------------------------------------------
    "steps.first": {"en": "t = 1", "zh": "t = 1"},
    "steps.prev": {"en": "t − 1", "zh": "t − 1"},
    "steps.play": {"en": "play", "zh": "播放"},
    "steps.pause": {"en": "pause", "zh": "暂停"},
    "steps.next": {"en": "t + 1", "zh": "t + 1"},
    "steps.last": {"en": "t = T", "zh": "t = T"},
    "steps.first_help": {"en": "Go to step t = 1 (key: Home)", "zh": "跳到 t = 1（快捷键 Home）"},
    "steps.prev_help": {"en": "One step back (key: ←)", "zh": "后退一步（快捷键 ←）"},
    "steps.play_help": {"en": "Walk t from 1 to T, or pause (key: Space)",
                        "zh": "让 t 从 1 走到 T，或暂停（快捷键：空格）"},
    "steps.next_help": {"en": "One step forward (key: →)", "zh": "前进一步（快捷键 →）"},
    "steps.last_help": {"en": "Go to the last step t = T (key: End)",
                        "zh": "跳到最后一步 t = T（快捷键 End）"},
    "steps.slider": {"en": "Step t", "zh": "时间步 t"},
    "steps.speed": {"en": "Play speed", "zh": "播放速度"},
    "steps.speed.slow": {"en": "slow", "zh": "慢"},
    "steps.speed.normal": {"en": "normal", "zh": "中"},
    "steps.speed.fast": {"en": "fast", "zh": "快"},
    "steps.speed_help": {"en": "How fast play walks through the steps",
                         "zh": "播放时逐步前进的速度"},
    # --- figures ---------------------------------------------------------------
    "fig.unrolled.title": {"en": "Folded network, and the same network unrolled in time",
                           "zh": "折叠的网络，以及按时间展开的同一个网络"},
    "fig.folded.title": {"en": "The folded network", "zh": "折叠的网络"},
    "fig.unfold": {"en": "unfold", "zh": "展开"},
    "fig.unknown_word": {"en": "{word} is not in the vocabulary → its class {column} is on",
                         "zh": "{word} 不在词表中 → 用它的未知词类别 {column}"},
    "fig.hover.x": {"en": "x_{t} = {word} (one-hot: word id {id} of {n})",
                    "zh": "x_{t} = {word}（独热向量：第 {id} 个词，共 {n} 个）"},
    "fig.hover.s": {"en": "s_{t} = f(U x_{t} + W s_{prev} + b)", "zh": "s_{t} = f(U x_{t} + W s_{prev} + b)"},
    "fig.hover.o": {"en": "o_{t} = softmax(V s_{t} + c)", "zh": "o_{t} = softmax(V s_{t} + c)"},
    "fig.hover.unit": {"en": "s_{t}[{h}] = {v}", "zh": "s_{t}[{h}] = {v}"},
    "fig.click_hint": {"en": "click a column to select that step",
                       "zh": "点击某一列即可选中该时间步"},
    "fig.neurons.title": {"en": "Neuron view of step t = {t}: x_{t} and s_{prev} feed s_{t}, "
                                "s_{t} feeds o_{t}",
                          "zh": "第 t = {t} 步的神经元视图：x_{t} 与 s_{prev} 输入 s_{t}，s_{t} 输出到 o_{t}"},
    "fig.neurons.more": {"en": "… {n} more words (all 0)", "zh": "……另外 {n} 个词（全为 0）"},
    "fig.neurons.input": {"en": "input x_{t} (one-hot)", "zh": "输入 x_{t}（独热）"},
    "fig.neurons.prev": {"en": "previous hidden s_{prev}", "zh": "上一时刻隐藏层 s_{prev}"},
    "fig.neurons.hidden": {"en": "hidden s_{t}", "zh": "隐藏层 s_{t}"},
    "fig.neurons.output": {"en": "output o_{t}", "zh": "输出 o_{t}"},
    "fig.neurons.edges": {"en": "edge colour = sign (red +, blue −), width = |weight|",
                          "zh": "连线颜色 = 正负（红 +，蓝 −），粗细 = |权重|"},
    "fig.formula.title": {"en": "Step t = {t} ({word}) with the real numbers",
                          "zh": "第 t = {t} 步（{word}）的真实数值"},
    "fig.heatmaps.title": {"en": "U, W, V and the states S = [s_1 … s_T], O = [o_1 … o_T]",
                           "zh": "U、W、V 以及状态 S = [s_1 … s_T]、O = [o_1 … o_T]"},
    "fig.heatmaps.U": {"en": "U (columns of this sentence's words)", "zh": "U（本句各词对应的列）"},
    "fig.heatmaps.U_full": {"en": "U, the whole matrix (H × |vocab| = {H} × {n})",
                            "zh": "完整的 U（H × |词表| = {H} × {n}）"},
    "fig.heatmaps.U_part": {
        "en": "U: {shown} of its {n} columns (the {top} most frequent words, the unknown-word "
              "classes, the sentence's words); H = {H}",
        "zh": "U：{n} 列中的 {shown} 列（最常见的 {top} 个词、未知词类别、句中的词）；H = {H}"},
    "fig.heatmaps.W": {"en": "W (s_{t-1} → s_t)", "zh": "W（s_{t-1} → s_t）"},
    "fig.heatmaps.V": {"en": "V (rows = tags)", "zh": "V（每行一个词性）"},
    "fig.heatmaps.S": {"en": "S = [s_1 … s_T]", "zh": "S = [s_1 … s_T]"},
    "fig.heatmaps.O": {"en": "O = [o_1 … o_T] (probabilities)", "zh": "O = [o_1 … o_T]（概率）"},
    "fig.axis.unit": {"en": "hidden unit", "zh": "隐藏单元"},
    "fig.axis.tag": {"en": "tag", "zh": "词性"},
    "fig.axis.token": {"en": "token", "zh": "词"},
    "fig.axis.prev_unit": {"en": "unit of s_{t-1}", "zh": "s_{t-1} 的单元"},
    "fig.value": {"en": "value", "zh": "数值"},
    "fig.probability": {"en": "probability", "zh": "概率"},
}
