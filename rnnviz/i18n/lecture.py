"""Strings of the lecture tools (see rnnviz/i18n/__init__.py): presenter view, the
link that reproduces the screen, exports, chart descriptions, URL notices."""

STRINGS: dict[str, dict[str, str]] = {
    # --- presenter view and the frame ------------------------------------------
    "lecture.present": {"en": "Presenter view", "zh": "演示模式"},
    "lecture.present_help": {
        "en": "For a lecture hall: big text and figures, the full width, only the controls a "
              "lecturer needs. Step with the keys ← → Home End, play and pause with Space.",
        "zh": "用于教室投影：更大的文字和图，占满整个宽度，只保留讲课需要的控件。"
              "用 ← → Home End 键逐步查看，用空格键播放和暂停。"},
    "lecture.theme_hint": {
        "en": "Light or dark: ⋮ menu at the top right (the figures follow).",
        "zh": "浅色或深色：右上角的 ⋮ 菜单（图会随之改变）。"},
    # --- share and export ------------------------------------------------------
    "lecture.share": {"en": "Share & export", "zh": "分享与导出"},
    "lecture.share_help": {"en": "A link to exactly this view, and downloads for slides "
                                 "and offline lectures",
                           "zh": "指向当前画面的链接，以及用于幻灯片和离线授课的下载"},
    "lecture.link": {"en": "Link to exactly this view", "zh": "指向当前画面的链接"},
    "lecture.link_caption": {
        "en": "Everything on screen is in it — page, sentence, step, model, language, "
              "presenter view, speed, theme — so it opens the same view on any computer. "
              "Copy it with the button at its right.",
        "zh": "画面上的一切都在链接里——页面、句子、时间步、模型、语言、演示模式、速度、主题——"
              "所以在任何电脑上打开都是同一个画面。用右侧的按钮复制。"},
    "lecture.downloads": {"en": "Downloads", "zh": "下载"},
    "lecture.dl.html": {"en": "This view as one HTML file", "zh": "当前画面（单个 HTML 文件）"},
    "lecture.dl.html_help": {
        "en": "Every figure of this sentence at step t = {t}, interactive, in one file that "
              "needs no network: for offline lectures.",
        "zh": "这个句子在 t = {t} 时的所有图，可交互，单个文件，不需要网络：适合离线授课。"},
    "lecture.dl.csv": {"en": "{name} as CSV", "zh": "{name}（CSV）"},
    "lecture.dl.csv_help": {"en": "{what}, with row and column labels",
                            "zh": "{what}，带行和列的标签"},
    "lecture.dl.npz": {"en": "All as .npz", "zh": "全部（.npz）"},
    "lecture.dl.npz_help": {
        "en": "U, W, V, b, c, S and O with their labels, for NumPy: np.load(file)",
        "zh": "U、W、V、b、c、S 和 O 以及它们的标签，供 NumPy 使用：np.load(file)"},
    "lecture.what.U": {"en": "U: input → hidden, one column per word of the vocabulary",
                       "zh": "U：输入 → 隐藏层，词表中每个词一列"},
    "lecture.what.W": {"en": "W: hidden → hidden (s_{t-1} → s_t)",
                       "zh": "W：隐藏层 → 隐藏层（s_{t-1} → s_t）"},
    "lecture.what.V": {"en": "V: hidden → output, one row per tag",
                       "zh": "V：隐藏层 → 输出，每个词性一行"},
    "lecture.what.S": {"en": "S = [s_1 … s_T]: the hidden states, one column per token",
                       "zh": "S = [s_1 … s_T]：隐藏状态，每个词一列"},
    "lecture.what.O": {"en": "O = [o_1 … o_T]: the tag probabilities, one column per token",
                       "zh": "O = [o_1 … o_T]：词性概率，每个词一列"},
    "lecture.chart.svg": {"en": "Download as SVG (for slides)", "zh": "下载 SVG（用于幻灯片）"},
    "lecture.chart.png": {"en": "Download as PNG (2×)", "zh": "下载 PNG（2 倍大小）"},
    # Plotly's modebar and its messages
    "plotly.zoom": {"en": "Zoom", "zh": "缩放"},
    "plotly.pan": {"en": "Pan", "zh": "平移"},
    "plotly.zoom_in": {"en": "Zoom in", "zh": "放大"},
    "plotly.zoom_out": {"en": "Zoom out", "zh": "缩小"},
    "plotly.autoscale": {"en": "Autoscale", "zh": "自动缩放"},
    "plotly.reset": {"en": "Reset axes", "zh": "重置坐标轴"},
    "plotly.preparing": {"en": "Preparing the image…", "zh": "正在生成图片……"},
    "plotly.downloaded": {"en": "Image downloaded", "zh": "图片已下载"},
    "plotly.failed": {"en": "Sorry, the image could not be made.",
                      "zh": "抱歉，图片生成失败。"},
    # --- the hidden state as numbers ---------------------------------------------
    "lecture.numbers": {"en": "The numbers of step t = {t}", "zh": "第 t = {t} 步的数值"},
    "lecture.numbers.unit": {"en": "unit", "zh": "单元"},
    # --- URL notices ---------------------------------------------------------------
    "lecture.url.notice": {
        "en": "Some settings in the link could not be used; the defaults are shown instead:",
        "zh": "链接中的部分设置无法使用，已改用默认值："},
    "lecture.url.unknown": {"en": "“{name}” is not a setting of rnnviz",
                            "zh": "“{name}”不是 rnnviz 的设置"},
    "lecture.url.choice": {"en": "{name}={raw}: the choices are {allowed}",
                           "zh": "{name}={raw}：可选值为 {allowed}"},
    "lecture.url.bool": {"en": "{name}={raw}: use true or false",
                         "zh": "{name}={raw}：请用 true 或 false"},
    "lecture.url.int": {"en": "{name}={raw}: not a whole number", "zh": "{name}={raw}：不是整数"},
    "lecture.url.float": {"en": "{name}={raw}: not a number", "zh": "{name}={raw}：不是数字"},
    "lecture.url.range": {"en": "{name}={raw}: outside {allowed}",
                          "zh": "{name}={raw}：超出范围 {allowed}"},
    # Streamlit's own words, where we can give them: the uploader's button (CSS in
    # ui.shell.style) and a select box's placeholder
    "streamlit.upload": {"en": "Upload", "zh": "上传"},
    "streamlit.choose": {"en": "Choose an option", "zh": "请选择"},
    "sentence.cut": {"en": "Only the first {n} characters are kept (the sentence had {had}).",
                     "zh": "只保留前 {n} 个字符（句子共有 {had} 个）。"},
    "lecture.url.length": {"en": "{name}: longer than {allowed} characters",
                           "zh": "{name}：超过 {allowed} 个字符"},
    "lecture.url.session": {
        "en": "The link asks for a model trained in another session, which only its author "
              "can see: the built-in model is shown.",
        "zh": "链接要求的是在另一个会话中训练的模型，只有它的作者能看到：这里显示内置模型。"},
    "lecture.url.ok": {"en": "OK", "zh": "知道了"},
    # --- text alternatives of the charts (screen readers) ------------------------------
    "alt.folded_blank": {
        "en": "The folded network, waiting for a sentence: input x (a word among {n}) "
              "→ U → hidden layer s ({H} units, with W feeding s back into itself) → V → "
              "output o ({K} values).",
        "zh": "折叠的网络，等待一个句子：输入 x（{n} 个词之一）→ U → 隐藏层 s（{H} 个单元，"
              "W 把 s 送回自身）→ V → 输出 o（{K} 个值）。"},
    "alt.unrolled": {
        "en": "The network unrolled over “{sentence}” ({T} tokens), step t = {t} highlighted: "
              "x_{t} = {word}, hidden state s_{t} drawn as {H} coloured units, output o_{t} "
              "= {tag} with probability {p}.",
        "zh": "网络在“{sentence}”（{T} 个词）上按时间展开，突出显示 t = {t}：x_{t} = {word}，"
              "隐藏状态 s_{t} 画成 {H} 个着色单元，输出 o_{t} = {tag}，概率 {p}。"},
    "alt.formula": {
        "en": "The formula of step t = {t} ({word}) with its numbers: U x_{t}, W s_{prev}, b, "
              "their sum a_{t} and s_{t} = {f}(a_{t}) for {H} hidden units; z_{t} = V s_{t} + c "
              "and o_{t} for {K} tags. Most likely tag: {tag} ({p}).",
        "zh": "第 t = {t} 步（{word}）的公式及其数值：{H} 个隐藏单元的 U x_{t}、W s_{prev}、b、"
              "它们的和 a_{t} 以及 s_{t} = {f}(a_{t})；{K} 个词性的 z_{t} = V s_{t} + c 和 o_{t}。"
              "最可能的词性：{tag}（{p}）。"},
    "alt.neurons": {
        "en": "Neurons of step t = {t} ({word}): the input unit of {word} and the {H} units of "
              "s_{prev} feed the {H} units of s_{t}, which feed the {K} output units; edge "
              "colour is the sign of the weight, width its size.",
        "zh": "第 t = {t} 步（{word}）的神经元：{word} 的输入单元和 s_{prev} 的 {H} 个单元输入到 "
              "s_{t} 的 {H} 个单元，再输出到 {K} 个输出单元；连线颜色表示权重的正负，粗细表示大小。"},
    "alt.heatmaps": {
        "en": "Heatmaps of U (the columns of the {T} words of “{sentence}”), W ({H}×{H}), V "
              "({K}×{H}), the states S ({H}×{T}) and the probabilities O ({K}×{T}); step "
              "t = {t} outlined. Blue is negative, red positive.",
        "zh": "热力图：U（“{sentence}”中 {T} 个词对应的列）、W（{H}×{H}）、V（{K}×{H}）、"
              "状态 S（{H}×{T}）和概率 O（{K}×{T}）；t = {t} 用方框标出。蓝色为负，红色为正。"},
    "alt.u_full": {
        "en": "Heatmap of the whole matrix U, {H} hidden units × {n} words; the words of the "
              "sentence are marked.",
        "zh": "完整矩阵 U 的热力图：{H} 个隐藏单元 × {n} 个词；句中的词有标记。"},
    "alt.backward": {
        "en": "The error of the loss L_{t} (step t = {t}, {word}) flowing back through the network "
              "unrolled over “{sentence}”: down V to s_{t}, left through W to every earlier "
              "state and down U to every earlier word; colour shows the size of the error.",
        "zh": "损失 L_{t}（第 t = {t} 步，{word}）的误差在“{sentence}”展开的网络中反向流动："
              "经 V 到 s_{t}，经 W 向左到每个更早的状态，再经 U 到每个更早的词；颜色表示误差大小。"},
    "alt.flow": {
        "en": "Gradient flow over “{sentence}” ({T} steps): for every loss L_t (rows) and every "
              "earlier step k ≤ t (columns) the size ‖∂L_t/∂s_k‖ on a logarithmic colour scale, "
              "the row of L_{t} outlined and drawn as a line next to it.",
        "zh": "“{sentence}”（{T} 步）上的梯度流：每个损失 L_t（行）对每个更早的步 k ≤ t（列）的"
              "‖∂L_t/∂s_k‖，用对数色标表示；L_{t} 那一行加了边框，并在旁边画成折线。"},
    "alt.gradients": {
        "en": "The gradients of the loss on “{sentence}”: ∂L/∂U for the sentence's {T} words "
              "({H}×{T}), ∂L/∂W ({H}×{H}) and ∂L/∂V ({K}×{H}) as heatmaps, blue negative, red "
              "positive, each with its own range.",
        "zh": "“{sentence}”上损失的梯度：句中 {T} 个词的 ∂L/∂U（{H}×{T}）、∂L/∂W（{H}×{H}）和 "
              "∂L/∂V（{K}×{H}）的热力图，蓝色为负，红色为正，各有自己的范围。"},
    "alt.dw_terms": {
        "en": "∂L/∂W as the sum of its {T} terms δ_t s_(t-1)ᵀ, one small heatmap per step and "
              "their sum, all on one colour range; the term of t = 1 is zero because s_0 = 0.",
        "zh": "∂L/∂W 是 {T} 项 δ_t s_(t-1)ᵀ 之和：每一步一张小热力图，再加上它们的和，"
              "使用同一色标；t = 1 的项为零，因为 s_0 = 0。"},
    "alt.why_probs": {
        "en": "The tag probabilities o_{t} of {word} (step t = {t}) from the RNN and from the "
              "feed-forward tagger (W = 0), one pair of bars per tag.",
        "zh": "{word}（第 t = {t} 步）的词性概率 o_{t}：RNN 与前馈标注器（W = 0）各一组，"
              "每个词性一对柱。"},
    "alt.why_reach": {
        "en": "How much each word of “{sentence}” up to step t = {t} changes o_{t}: the gradient "
              "norm (log axis) and the occlusion effect, RNN bars next to the feed-forward "
              "tagger's.",
        "zh": "“{sentence}”中到第 t = {t} 步为止的每个词对 o_{t} 的影响：梯度范数（对数轴）"
              "与遮挡效应，RNN 的柱与前馈标注器的柱并排。"},
    "alt.why_edit": {
        "en": "After editing one word of “{sentence}”: how much each hidden state changes, "
              "‖s'_t − s_t‖ over t, for the RNN and for the feed-forward tagger; larger "
              "markers where the RNN's tag changed.",
        "zh": "修改“{sentence}”中的一个词之后每个隐藏状态的变化 ‖s'_t − s_t‖（随 t），"
              "RNN 与前馈标注器各一条线；RNN 的词性改变处标记更大。"},
    "alt.curves": {
        "en": "Training curves: the loss per mini-batch and per epoch (train and dev) on the "
              "left, the accuracy per epoch (train and dev) on the right; a dotted line marks "
              "the best epoch.",
        "zh": "训练曲线：左边是每个小批量和每轮的损失（训练集与开发集），右边是每轮的准确率"
              "（训练集与开发集）；虚线标出最好的一轮。"},
    "alt.weights": {
        "en": "The weights of the network being trained as heatmaps: U for the most frequent "
              "words, W and V; blue negative, red positive.",
        "zh": "正在训练的网络的权重热力图：最常见词的 U 列、W 和 V；蓝色为负，红色为正。"},
    "alt.confusion": {
        "en": "Confusion matrix on the test set: true tag (rows) against predicted tag "
              "(columns), each cell the share of its row, with the token count written in it.",
        "zh": "测试集上的混淆矩阵：真实词性（行）对预测词性（列），每格是该行中的比例，"
              "并写有词数。"},
    # --- the exported HTML file ------------------------------------------------------
    "export.title": {"en": "rnnviz: “{sentence}”, step t = {t}",
                     "zh": "rnnviz：“{sentence}”，t = {t}"},
    "export.intro": {
        "en": "A recurrent neural network tags the sentence word by word: "
              "s_t = f(U x_t + W s_{t-1} + b), o_t = softmax(V s_t + c). Hover over the "
              "figures for their numbers. This file needs no network.",
        "zh": "循环神经网络逐词为句子标注词性：s_t = f(U x_t + W s_{t-1} + b)，"
              "o_t = softmax(V s_t + c)。把鼠标移到图上可以看到数值。这个文件不需要网络。"},
    "export.tagging": {"en": "Tagging", "zh": "标注结果"},
    "export.model": {"en": "Model: {H} hidden units, {n} words, {K} tags, f = {f}.",
                     "zh": "模型：{H} 个隐藏单元，{n} 个词，{K} 个词性，f = {f}。"},
}
