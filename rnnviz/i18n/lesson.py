"""Strings of the guided lesson (see rnnviz/i18n/__init__.py; the steps and questions:
rnnviz/lessons/guided.py). Shown with st.markdown: LaTeX in $…$, <unk> in backticks.
Values a student typed (words, sentences) arrive escaped for Markdown."""

STRINGS: dict[str, dict[str, str]] = {
    # --- frame -----------------------------------------------------------------
    "lesson.intro": {
        "en": "The tutorial's argument in {n} steps, on the sentence in the box. Six steps "
              "ask you to predict before they show: your answers stay in this browser tab.",
        "zh": "用 {n} 步走完教程的论证，用的就是上面输入框里的句子。其中六步请你先预测、"
              "再揭晓：你的回答只留在这个浏览器标签页里。"},
    "lesson.step": {"en": "Step", "zh": "步骤"},
    "lesson.progress": {"en": "Step {i} of {n}", "zh": "第 {i} 步，共 {n} 步"},
    "lesson.prev": {"en": "Back", "zh": "上一步"},
    "lesson.next": {"en": "Next", "zh": "下一步"},
    "lesson.prev_help": {"en": "The previous step (Page Up)", "zh": "上一步（Page Up 键）"},
    "lesson.next_help": {"en": "The next step (Page Down)", "zh": "下一步（Page Down 键）"},
    "lesson.score": {
        "en": "Your answers: **{right} of {asked}** right at the first try.",
        "zh": "你的回答：**{asked} 题中 {right} 题**第一次就答对。"},
    "lesson.try": {"en": "**Try this**: {what}", "zh": "**试一试**：{what}"},
    "lesson.predict": {"en": "Predict, then check", "zh": "先预测，再核对"},
    "lesson.check": {"en": "Check", "zh": "核对"},
    "lesson.pick_first": {"en": "Pick an answer first.", "zh": "请先选一个答案。"},
    "lesson.number_first": {"en": "Type a number first.", "zh": "请先输入一个数。"},
    "lesson.your_number": {"en": "Your value (two decimals)", "zh": "你的结果（两位小数）"},
    "lesson.right": {"en": "**Right**. {why}", "zh": "**答对了**。{why}"},
    "lesson.wrong": {"en": "**Not this time**. {why}", "zh": "**这次不对**。{why}"},
    "lesson.again": {"en": "Answer again", "zh": "重新回答"},
    "lesson.changed": {
        "en": "The sentence changed: this question is now about “{sentence}”.",
        "zh": "句子变了：这道题现在问的是“{sentence}”。"},
    "lesson.reveal_note": {
        "en": "The figure appears once you have answered.",
        "zh": "回答之后才显示图。"},
    "lesson.wscale": {"en": "W scale (W × this)", "zh": "W 的缩放（W × 此值）"},
    "lesson.wscale_help": {
        "en": "Multiplies the recurrent weights W of the model drawn here (this lesson only).",
        "zh": "把这里所画模型的循环权重 W 乘以此值（只影响本导学）。"},
    "lesson.more": {"en": "Go further on the full pages:", "zh": "在完整页面上继续深入："},
    "lesson.rnn_row": {"en": "RNN", "zh": "RNN"},
    "lesson.ff_row": {"en": "feed-forward (W = 0, trained)",
                      "zh": "前馈网络（W = 0，训练所得）"},
    "lesson.scaled_row": {"en": "this RNN with W × {scale}", "zh": "本 RNN，W × {scale}"},
    "lesson.occl_row": {"en": "drop of p({tag}) at “{word}”", "zh": "“{word}”处 p({tag}) 的下降"},
    "lesson.future": {"en": "after t", "zh": "t 之后"},
    "lesson.below": {"en": "< 10⁻¹²", "zh": "< 10⁻¹²"},
    # --- questions that do not fit the sentence --------------------------------
    "lesson.nofit.one_word": {
        "en": "This question needs a sentence of at least two words: type one in the box "
              "above (or go on to the next step).",
        "zh": "这道题需要至少两个词的句子：请在上面的输入框里输入一句（或进入下一步）。"},
    "lesson.nofit.no_reach": {
        "en": "No earlier word changes the output at “{word}” in this model (its W carries "
              "nothing), so there is nothing to pick: try the built-in model.",
        "zh": "在这个模型里，前面的词都不改变“{word}”处的输出（它的 W 什么也不传递），"
              "所以无从选择：试试内置模型。"},
    "lesson.nofit.not_finite": {
        "en": "This model's numbers overflow on this sentence: the question is skipped.",
        "zh": "这个模型在这个句子上数值溢出：跳过这道题。"},
    "lesson.nofit.tokenizer": {
        "en": "This model splits the example sentences differently: the question is skipped.",
        "zh": "这个模型对例句的分词不同：跳过这道题。"},
    # --- 1 one word ------------------------------------------------------------
    "lesson.one_word.title": {"en": "A feed-forward net sees one word",
                              "zh": "前馈网络只看一个词"},
    "lesson.one_word.body": {
        "en": "A feed-forward network maps one input $x$ to one output $y$. To tag a sentence "
              "it must look at each word **alone**: it cannot use the words before. Below, a "
              "feed-forward tagger trained on the same data as the RNN tags your sentence "
              "word by word.",
        "zh": "前馈网络把一个输入 $x$ 映射到一个输出 $y$。给句子标注词性时，它只能**单独**"
              "看每一个词，用不上前面的词。下面是一个与 RNN 用同样数据训练的前馈标注器，"
              "逐词标注你的句子。"},
    "lesson.one_word.try": {
        "en": "type a word that can be a noun or a verb (*book*, 学习) alone, then after "
              "other words: this tagger gives it the same tag and the same probability every "
              "time.",
        "zh": "先单独输入一个既能作名词又能作动词的词（学习、book），再把它放到别的词后面："
              "这个标注器每次都给它同样的标签、同样的概率。"},
    # --- 2 the word before tells ----------------------------------------------
    "lesson.tag_after.title": {"en": "The words before tell", "zh": "前面的词会说话"},
    "lesson.tag_after.body": {
        "en": "Part-of-speech tagging gives every word its class: 我 吃 苹果 → 我/nn 吃/v "
              "苹果/nn. After the verb 吃 a noun is far more likely, so **the previous words "
              "matter**. An RNN reads the words in order and keeps what it has read in its "
              "hidden layer $s$.",
        "zh": "词性标注给每个词标出词类：我 吃 苹果 → 我/nn 吃/v 苹果/nn。动词“吃”后面很"
              "可能是名词，所以**前面的词很重要**。RNN 按顺序读词，把读过的内容保存在隐藏层 "
              "$s$ 里。"},
    "lesson.tag_after.try": {
        "en": "change the word before “{word}” in the box and see whether its tag changes.",
        "zh": "在输入框里改动“{word}”前面的词，看它的标签会不会变。"},
    "lesson.q.tag_after.ask": {
        "en": "Which tag will the RNN give “{word}” after “{prev}”?",
        "zh": "RNN 会给“{prev}”后面的“{word}”标什么词性？"},
    "lesson.q.tag_after.why": {
        "en": "The RNN gives “{word}” the tag **{answer}** with probability {p}.{other} "
              "Below: $o_t$ of the RNN next to the feed-forward tagger's, which does not know "
              "that “{prev}” came first.",
        "zh": "RNN 给“{word}”的标签是 **{answer}**，概率 {p}。{other}下图：RNN 的 $o_t$ 与"
              "前馈标注器的对比，后者不知道前面是“{prev}”。"},
    "lesson.q.tag_after.other": {
        "en": " You chose {given}: probability {p_given}.",
        "zh": "你选的 {given} 概率是 {p_given}。"},
    # --- 3 one word, two tags --------------------------------------------------
    "lesson.context.title": {"en": "One word, two contexts", "zh": "同一个词，两种语境"},
    "lesson.context.body": {
        "en": "In “{a}” and “{b}” the same word “{word}” follows “{cue_a}” and “{cue_b}”. "
              "A tagger that sees one word must give it one tag in both. The RNN's hidden "
              "state $s_t$ carries the words before, so it can tell the two apart.",
        "zh": "在“{a}”和“{b}”里，同一个词“{word}”分别跟在“{cue_a}”和“{cue_b}”后面。"
              "只看一个词的标注器在两句里只能给它同一个标签。RNN 的隐藏状态 $s_t$ 带着前面的"
              "词，所以能把两者区分开。"},
    "lesson.context.try": {
        "en": "type one of the two sentences in the box, then the other, and compare the "
              "tags and their probabilities.",
        "zh": "在输入框里先输入其中一句，再输入另一句，比较标签和概率。"},
    "lesson.q.context.ask": {
        "en": "Which tags will the RNN give “{word}” after “{cue_a}” and after “{cue_b}”? "
              "(after “{cue_a}” / after “{cue_b}”)",
        "zh": "RNN 会给“{cue_a}”后面和“{cue_b}”后面的“{word}”分别标什么？"
              "（“{cue_a}”后 / “{cue_b}”后）"},
    "lesson.q.context.why": {
        "en": "The RNN tags “{word}” **{tag_a}** after “{cue_a}” (p = {p_a}) and **{tag_b}** "
              "after “{cue_b}” (p = {p_b}). {note}",
        "zh": "RNN 在“{cue_a}”后把“{word}”标为 **{tag_a}**（p = {p_a}），在“{cue_b}”后标为 "
              "**{tag_b}**（p = {p_b}）。{note}"},
    "lesson.q.context.same": {
        "en": "Here both contexts lead to the same tag, but not with the same probability: "
              "$s_t$ differs, so $o_t$ does.",
        "zh": "这里两种语境得到同一个标签，但概率不同：$s_t$ 不同，$o_t$ 也就不同。"},
    "lesson.q.context.differ": {
        "en": "One word, two tags: only a network that remembers the word before can do that.",
        "zh": "同一个词，两个标签：只有记得前一个词的网络才做得到。"},
    # --- 4 x, s, o --------------------------------------------------------------
    "lesson.parts.title": {"en": "x, s, o and U, V", "zh": "x、s、o 与 U、V"},
    "lesson.parts.body": {
        "en": "An RNN has an input layer $x$, a hidden layer $s$ and an output layer $o$. "
              "$U$ carries the input to the hidden layer and $V$ the hidden layer to the "
              "output: $o_t = g(V s_t)$, with $g$ the softmax that turns scores into "
              "probabilities of the {K} tags. $x_t$ is one-hot: the slot of the word at step "
              "$t$ is 1 (an unknown word switches on the slots of its word class).",
        "zh": "RNN 有输入层 $x$、隐藏层 $s$ 和输出层 $o$。$U$ 把输入送到隐藏层，$V$ 把隐藏层"
              "送到输出：$o_t = g(V s_t)$，其中 $g$ 是 softmax，把分数变成 {K} 个标签的概率。"
              "$x_t$ 是 one-hot 向量：第 $t$ 步那个词的位置为 1（未知词打开它所属词类的位置）。"},
    "lesson.parts.try": {
        "en": "move $t$ with the slider or the ← → keys: $x_t$, $s_t$ and $o_t$ follow the word.",
        "zh": "用滑块或 ← → 键移动 $t$：$x_t$、$s_t$、$o_t$ 跟着词变化。"},
    # --- 5 the hidden layer feeds itself ---------------------------------------
    "lesson.recurrence.title": {"en": "The hidden layer feeds itself",
                                "zh": "隐藏层把自己的值传给自己"},
    "lesson.recurrence.body": {
        "en": "What makes the network recurrent: $s_t$ does not depend on $x_t$ alone, but "
              "also on the hidden layer's previous value $s_{{t-1}}$, through the weight matrix "
              "$W$. Every one of the {H} hidden neurons receives the new word and the previous "
              "value of every hidden neuron.",
        "zh": "网络之所以是“循环”的：$s_t$ 不只取决于 $x_t$，还通过权重矩阵 $W$ 取决于隐藏层"
              "上一次的值 $s_{{t-1}}$。{H} 个隐藏神经元中的每一个，都接收新的词和所有隐藏神经元"
              "上一次的值。"},
    "lesson.recurrence.try": {
        "en": "move $t$: the connections from $s_{{t-1}}$ carry the previous state into $s_t$; "
              "at $t$ = 1 the previous state $s_0$ is all zeros.",
        "zh": "移动 $t$：来自 $s_{{t-1}}$ 的连线把上一步的状态带进 $s_t$；在 $t$ = 1 时，"
              "上一步的状态 $s_0$ 全为 0。"},
    # --- 6 unrolled -------------------------------------------------------------
    "lesson.unrolled.title": {"en": "Unrolled in time", "zh": "按时间展开"},
    "lesson.unrolled.body": {
        "en": "Draw the network once per word and it becomes a chain of {T} copies: the "
              "**same** $U$, $W$, $V$ at every step, and $s_t$ handed on to step $t+1$. "
              "This unrolled picture is the one that backpropagation through time works on.",
        "zh": "每个词画一次网络，它就变成 {T} 个副本连成的链：每一步用的都是**同一组** "
              "$U$、$W$、$V$，$s_t$ 传给第 $t+1$ 步。随时间反向传播就是在这张展开图上进行的。"},
    "lesson.unrolled.try": {
        "en": "click a step in the graph, or press Play (Space) to walk through the sentence.",
        "zh": "点击图中的某一步，或按“播放”（空格键）走完整个句子。"},
    # --- 7 the formula ----------------------------------------------------------
    "lesson.formula.title": {"en": "The numbers in the formula", "zh": "公式里的数"},
    "lesson.formula.body": {
        "en": "$s_t = f(U x_t + W s_{{t-1}} + b)$: the word's column of $U$, plus $W$ times "
              "the previous state, plus a bias $b$, through $f$ ({f}). At $t$ = 1 the "
              "previous state $s_0$ is all zeros, so $W s_0 = 0$.",
        "zh": "$s_t = f(U x_t + W s_{{t-1}} + b)$：$U$ 中这个词的那一列，加上 $W$ 乘以上一步的"
              "状态，再加偏置 $b$，最后经过 $f$（{f}）。在 $t$ = 1 时，上一步的状态 $s_0$ 全为 0，"
              "所以 $W s_0 = 0$。"},
    "lesson.formula.try": {
        "en": "after checking, find your unit in the $s_1$ column of the figure, then open "
              "the network page at $t$ = 2, where $W s_1$ is no longer zero.",
        "zh": "核对之后，在图的 $s_1$ 一列里找到你算的那个神经元；再到“网络”页看 $t$ = 2，"
              "那里 $W s_1$ 不再是 0。"},
    "lesson.q.s1.ask": {
        "en": "Compute unit {unit} of $s_1$ (the word “{word}”) from the numbers of the "
              "figure, rounded: $(U x_1)_{{{unit}}}$ = {u}, $(W s_0)_{{{unit}}}$ = {w}, "
              "$b_{{{unit}}}$ = {b}. What is $s_1$ = {f}({u} + {w} + {b})?",
        "zh": "用图中的数（已取整）计算 $s_1$ 的第 {unit} 个神经元（词“{word}”）："
              "$(U x_1)_{{{unit}}}$ = {u}，$(W s_0)_{{{unit}}}$ = {w}，$b_{{{unit}}}$ = {b}。"
              "$s_1$ = {f}({u} + {w} + {b}) 等于多少？"},
    "lesson.q.s1.why": {
        "en": "The sum is {a}, and {f}({a}) = **{value}** (you gave {given}; within ±{tol} "
              "counts). The network's own value, from the unrounded numbers, is {exact}.",
        "zh": "三项之和是 {a}，{f}({a}) = **{value}**（你的答案是 {given}；相差不超过 ±{tol} "
              "都算对）。网络用未取整的数算出的值是 {exact}。"},
    # --- 8 reach ----------------------------------------------------------------
    "lesson.reach.title": {"en": "Which earlier word matters most?", "zh": "哪个前面的词最重要？"},
    "lesson.reach.body": {
        "en": "$o_t$ depends on every word up to $t$: $x_1$ reaches $o_t$ through $W$, step "
              "after step. Replace one earlier word by `<unk>` (a word the model has never "
              "seen) and run the network again: how far the probability of the tag at "
              "“{word}” moves is how far that word reaches.",
        "zh": "$o_t$ 取决于直到 $t$ 的每一个词：$x_1$ 经过 $W$ 一步一步地影响 $o_t$。把前面的"
              "某个词换成 `<unk>`（模型没见过的词）再运行一次网络：“{word}”处标签概率变化多少，"
              "就说明那个词的影响有多远。"},
    "lesson.reach.try": {
        "en": "edit the word that matters most in the box and watch the tag of “{word}”.",
        "zh": "在输入框里改动影响最大的那个词，看“{word}”的标签。"},
    "lesson.q.reach.ask": {
        "en": "Which earlier word, replaced by `<unk>`, changes the RNN's probability of "
              "{tag} at “{word}” the most?",
        "zh": "把哪个前面的词换成 `<unk>`，RNN 在“{word}”处给 {tag} 的概率变化最大？"},
    "lesson.q.reach.why": {
        "en": "Hiding **“{best_word}”** (word {best}) changes p({tag}) at “{word}” by "
              "{d_best}.{other}",
        "zh": "隐去 **“{best_word}”**（第 {best} 个词）使“{word}”处的 p({tag}) 变化 {d_best}。"
              "{other}"},
    "lesson.q.reach.other": {
        "en": " Hiding “{given_word}” changes it by {d_given}.",
        "zh": "隐去“{given_word}”只变化 {d_given}。"},
    "lesson.opt.word": {"en": "“{word}” (word {k})", "zh": "“{word}”（第 {k} 个词）"},
    # --- 9 W = 0 ----------------------------------------------------------------
    "lesson.w_zero.title": {"en": "What W = 0 takes away", "zh": "W = 0 拿走了什么"},
    "lesson.w_zero.body": {
        "en": "The recurrent weights $W$ are the only path from the past to the present. "
              "What is left of the RNN if every entry of $W$ is zero?",
        "zh": "循环权重 $W$ 是从过去通向现在的唯一路径。如果 $W$ 的每个元素都是 0，"
              "RNN 还剩下什么？"},
    "lesson.w_zero.try": {
        "en": "drag the W scale from 1 to 0 and watch which tags of your sentence change.",
        "zh": "把 W 的缩放从 1 拖到 0，看句子里哪些标签变了。"},
    "lesson.q.w_zero.ask": {"en": "With W = 0, what does this RNN become?",
                            "zh": "W = 0 时，这个 RNN 变成了什么？"},
    "lesson.q.w_zero.why": {
        "en": "With $W = 0$, $s_t = f(U x_t + b)$: replacing any earlier word changes no "
              "$o_t$ of your sentence (largest change: {most}), so each word is tagged alone "
              "— a feed-forward net. On your sentence {n_changed} of {T} tags change "
              "against the RNN{changed}.",
        "zh": "$W = 0$ 时 $s_t = f(U x_t + b)$：替换前面任何一个词，你的句子里没有一个 $o_t$ "
              "会变（最大变化：{most}），所以每个词都被单独标注——这就是前馈网络。在你的句子上，"
              "与 RNN 相比有 {n_changed} / {T} 个标签变了{changed}。"},
    "lesson.opt.feedforward": {"en": "A feed-forward net: each word is tagged alone",
                               "zh": "前馈网络：每个词单独标注"},
    "lesson.opt.last_word": {"en": "A net that remembers only the word just before",
                             "zh": "只记得前一个词的网络"},
    "lesson.opt.all_words": {"en": "A net that still remembers every earlier word",
                            "zh": "仍然记得前面所有词的网络"},
    # --- 10 BPTT ----------------------------------------------------------------
    "lesson.bptt.title": {"en": "Backpropagation through time", "zh": "随时间反向传播"},
    "lesson.bptt.body": {
        "en": "Training compares each $o_t$ with the right tag $y_t$: the loss "
              "$L_t = -\\log o_t[y_t]$. Its error flows back through $V$ to $s_t$, then "
              "through $W$ to $s_{{t-1}}$, $s_{{t-2}}$, … down to $s_1$: backpropagation through "
              "time (BPTT), the tutorial's next chapter. Each step back multiplies the error "
              "by $W^\\top$ and by $f'(a)$.",
        "zh": "训练时把每个 $o_t$ 与正确标签 $y_t$ 比较：损失 $L_t = -\\log o_t[y_t]$。误差经过 "
              "$V$ 回到 $s_t$，再经过 $W$ 回到 $s_{{t-1}}$、$s_{{t-2}}$……直到 $s_1$：这就是随时间"
              "反向传播（BPTT），教程的下一章。每往回走一步，误差都要乘以 $W^\\top$ 和 $f'(a)$。"},
    "lesson.bptt.try": {
        "en": "drag the W scale and watch the arrows of the error fade or thicken.",
        "zh": "拖动 W 的缩放，看误差的箭头变淡或变粗。"},
    "lesson.q.bptt.ask": {
        "en": "Halve $W$ (W × 0.5). Does $\\lVert \\partial L_{{{T}}} / \\partial s_1 \\rVert$, "
              "the error of the last loss that reaches the first state, grow or shrink?",
        "zh": "把 $W$ 减半（W × 0.5）。最后一个损失传到第一个状态的误差 "
              "$\\lVert \\partial L_{{{T}}} / \\partial s_1 \\rVert$ 会变大还是变小？"},
    "lesson.q.bptt.why": {
        "en": "With $W$: $\\lVert \\partial L_{{{T}}} / \\partial s_1 \\rVert$ = {full}; with "
              "W × 0.5: **{half}** ({ratio} times as much). On its way back over {steps} "
              "steps the error is multiplied by $W^\\top$ at every step.",
        "zh": "原来的 $W$：$\\lVert \\partial L_{{{T}}} / \\partial s_1 \\rVert$ = {full}；"
              "W × 0.5：**{half}**（是原来的 {ratio} 倍）。误差往回走 {steps} 步，"
              "每一步都要乘以 $W^\\top$。"},
    "lesson.opt.grows": {"en": "It grows", "zh": "变大"},
    "lesson.opt.shrinks": {"en": "It shrinks", "zh": "变小"},
    "lesson.opt.same": {"en": "It stays the same", "zh": "不变"},
    # --- 11 vanishing -----------------------------------------------------------
    "lesson.vanishing.title": {"en": "Vanishing and exploding gradients",
                               "zh": "梯度消失与梯度爆炸"},
    "lesson.vanishing.body": {
        "en": "Here each step back multiplies the error of the last loss by about "
              "**{factor}** ({trend}): after $k$ steps, by {factor}$^k$. Below 1 the error "
              "fades before it reaches the early words, so the network learns long-range "
              "dependencies badly; above 1 it explodes. This is why the tutorial's series "
              "goes on to the LSTM.",
        "zh": "在这里，每往回走一步，最后一个损失的误差大约乘以 **{factor}**（{trend}）："
              "走 $k$ 步就乘以 {factor}$^k$。小于 1 时误差还没传到前面的词就消失了，"
              "所以网络很难学到长距离的依赖；大于 1 时误差会爆炸。这正是教程系列接下来讲 "
              "LSTM 的原因。"},
    "lesson.vanishing.body_short": {
        "en": "With a sentence of two words or more, this step measures how much each step "
              "back multiplies the error. Below 1 the error fades before it reaches the "
              "early words; above 1 it explodes. This is why the tutorial's series goes on "
              "to the LSTM.",
        "zh": "句子有两个词以上时，这一步会测出每往回一步误差乘以多少。小于 1 时误差还没传到"
              "前面的词就消失了；大于 1 时误差会爆炸。这正是教程系列接下来讲 LSTM 的原因。"},
    "lesson.vanishing.try": {
        "en": "drag the W scale to 2, then to 0.5: the matrix of $\\lVert \\partial L_t / "
              "\\partial s_k \\rVert$ turns bright or dark away from its diagonal.",
        "zh": "把 W 的缩放拖到 2，再拖到 0.5：$\\lVert \\partial L_t / \\partial s_k \\rVert$ "
              "矩阵离对角线越远，颜色越亮或越暗。"},
    "lesson.trend.vanishing": {"en": "vanishing", "zh": "梯度消失"},
    "lesson.trend.exploding": {"en": "exploding", "zh": "梯度爆炸"},
    "lesson.trend.steady": {"en": "steady", "zh": "大致稳定"},
    "lesson.trend.undefined": {"en": "not measurable here", "zh": "这里无法测量"},
}
