"""Strings of the training part of the app (see rnnviz/i18n/__init__.py)."""

STRINGS: dict[str, dict[str, str]] = {
    "train.intro": {
        "en": "Train a fresh network, `s_t = f(U x_t + W s_{t-1} + b)`, from random weights: "
              "watch the loss fall and U, W, V change. The result is **your model**, seen "
              "only in this session; the *Model* switch above shows it on every page.",
        "zh": "从随机权重开始训练一个新网络 `s_t = f(U x_t + W s_{t-1} + b)`：看着损失下降，"
              "U、W、V 随之变化。训练结果是**你的模型**，只在本次会话中可见；上方的"
              "“模型”开关可以在每一页显示它。"},
    # --- data ----------------------------------------------------------------
    "train.data.title": {"en": "1 · Data", "zh": "1 · 数据"},
    "train.data.source": {"en": "Tagged sentences", "zh": "标注好的句子"},
    "train.data.builtin": {"en": "built-in corpus", "zh": "内置语料"},
    "train.data.upload": {"en": "my own file", "zh": "我自己的文件"},
    "train.data.builtin_name": {"en": "the built-in corpus (zh + en)",
                                "zh": "内置语料（中文 + 英文）"},
    "train.data.vocab": {"en": "Vocabulary size (most frequent words)",
                         "zh": "词表大小（最常见的词）"},
    "train.data.vocab_help": {
        "en": "Only the most frequent training words get a column of U; every other word "
              "is <unk>. A small vocabulary keeps U small enough to draw.",
        "zh": "只有训练集中最常见的词在 U 中有自己的一列，其余的词都变成 <unk>。"
              "词表小一些，U 才画得出来。"},
    "train.data.limits": {
        "en": "CoNLL-U (.conllu) or one sentence per line as word/TAG word/TAG … (.txt, "
              "tags nn v adj adv d num m p c aux part pu). At most {mb} MB, {sentences} "
              "sentences and {tokens} tokens per file.",
        "zh": "CoNLL-U 文件（.conllu），或每行一句、格式为 词/标签 词/标签 … 的文本文件"
              "（.txt，标签为 nn v adj adv d num m p c aux part pu）。每个文件最多 {mb} MB、"
              "{sentences} 句、{tokens} 个词。"},
    "train.data.file": {"en": "Training file", "zh": "训练文件"},
    "train.data.file_help": {
        "en": "Every tenth sentence is held out for early stopping (dev); without a test "
              "file the sentence before each of those is the test set.",
        "zh": "每第十句留作早停用的开发集；如果没有测试文件，每个开发句之前的那一句作为测试集。"},
    "train.data.test_file": {"en": "Test file (optional)", "zh": "测试文件（可选）"},
    "train.data.test_help": {"en": "Measured after training; never trained on.",
                             "zh": "训练结束后用来评估，不参与训练。"},
    "train.data.column": {"en": "CoNLL-U tag column", "zh": "CoNLL-U 标签列"},
    "train.data.column_help": {
        "en": "UPOS: the 17 universal tags (column 4). XPOS: the treebank's own tags "
              "(column 5).",
        "zh": "UPOS：17 个通用词性标签（第 4 列）。XPOS：树库自己的标签（第 5 列）。"},
    "train.data.prompt": {"en": "Upload a tagged file to train on it.",
                          "zh": "上传一个标注好的文件，就可以用它来训练。"},
    "train.data.bad": {"en": "{name}: {n} of {total} sentences have problems:",
                       "zh": "{name}：{total} 句中有 {n} 句有问题："},
    "train.data.skip_bad": {"en": "Load the file without these {n} sentences",
                            "zh": "跳过这 {n} 句，载入其余的句子"},
    "train.data.error": {"en": "{name} cannot be used: {problem}",
                         "zh": "无法使用 {name}：{problem}"},
    "train.data.skipped": {"en": "{name}: {n} bad sentences were left out (the first: {first}).",
                           "zh": "{name}：跳过了 {n} 个有问题的句子（第一个：{first}）。"},
    "train.data.summary": {
        "en": "{name} — sentences / tokens: train {train}, dev {dev}, test {test} ({source}). "
              "Vocabulary: {vocab} entries with <unk> (of {words} words). Tags: {tags}",
        "zh": "{name} —— 句数 / 词数：训练 {train}，开发 {dev}，测试 {test}（{source}）。"
              "词表：{vocab} 项，含 <unk>（共 {words} 个词）。标签：{tags}"},
    "train.data.src_builtin": {"en": "the corpus's own splits", "zh": "语料自带的划分"},
    "train.data.src_file": {"en": "the test file", "zh": "测试文件"},
    "train.data.src_held_out": {"en": "held out of the file", "zh": "从文件中留出"},
    # --- settings ------------------------------------------------------------
    "train.set.title": {"en": "2 · Settings", "zh": "2 · 设置"},
    "train.set.hidden": {"en": "Hidden units H", "zh": "隐藏单元数 H"},
    "train.set.hidden_help": {"en": "The size of s_t: W is H × H, U is H × |vocab|.",
                              "zh": "s_t 的大小：W 是 H × H，U 是 H × |词表|。"},
    "train.set.activation": {"en": "Activation f", "zh": "激活函数 f"},
    "train.set.optimizer": {"en": "Optimiser", "zh": "优化器"},
    "train.set.lr": {"en": "Learning rate", "zh": "学习率"},
    "train.set.lr_help": {"en": "Adam: try 0.003–0.01. Plain SGD needs more, about 0.1–0.3.",
                          "zh": "Adam：可以试 0.003–0.01。普通 SGD 需要更大，约 0.1–0.3。"},
    "train.set.recurrent": {"en": "Recurrence W (off: W = 0)", "zh": "循环连接 W（关闭：W = 0）"},
    "train.set.recurrent_help": {
        "en": "Off trains s_t = f(U x_t + b): each word is tagged on its own, without the "
              "words before it.",
        "zh": "关闭时训练 s_t = f(U x_t + b)：每个词单独标注，不看前面的词。"},
    "train.set.epochs": {"en": "Epochs (at most)", "zh": "训练轮数（最多）"},
    "train.set.epochs_help": {
        "en": "Training stops earlier when the dev accuracy has not improved for 5 epochs; "
              "the model keeps its best dev epoch.",
        "zh": "如果开发集准确率连续 5 轮没有提高，训练会提前停止；模型保留开发集上最好的那一轮。"},
    "train.set.batch": {"en": "Sentences per mini-batch", "zh": "每个小批量的句子数"},
    "train.set.clip": {"en": "Gradient clipping (max norm)", "zh": "梯度裁剪（最大范数）"},
    "train.set.clip_help": {
        "en": "Rescales all gradients together when their norm is larger: keeps exploding "
              "gradients from wrecking the weights.",
        "zh": "梯度范数超过这个值时，把所有梯度一起按比例缩小，防止梯度爆炸毁掉权重。"},
    "train.set.off": {"en": "off", "zh": "关"},
    "train.set.dropout": {"en": "Word dropout", "zh": "词丢弃（word dropout）"},
    "train.set.dropout_help": {
        "en": "While training, each word becomes <unk> with this probability, so the model "
              "learns to tag unknown words from the words before them.",
        "zh": "训练时每个词以这个概率变成 <unk>，模型因此学会根据前面的词来标注未知词。"},
    "train.set.seed": {"en": "Random seed", "zh": "随机种子"},
    "train.set.seed_help": {
        "en": "One seed sets the first weights, the order of the sentences and the dropout: "
              "the same seed and settings give the same model.",
        "zh": "一个种子决定初始权重、句子顺序和词丢弃：同样的种子和设置得到同样的模型。"},
    # --- the run -------------------------------------------------------------
    "train.run.title": {"en": "3 · Train", "zh": "3 · 训练"},
    "train.run.start": {"en": "Start training", "zh": "开始训练"},
    "train.run.busy": {
        "en": "The server is already training {n} models; try again in a minute.",
        "zh": "服务器正在训练 {n} 个模型，请过一会儿再试。"},
    "train.run.starting": {"en": "Starting…", "zh": "正在启动……"},
    "train.run.progress": {
        "en": "Epoch {epoch}/{epochs} · batch {step}/{steps} · batch loss {loss}",
        "zh": "第 {epoch}/{epochs} 轮 · 第 {step}/{steps} 批 · 本批损失 {loss}"},
    "train.run.stop": {"en": "Stop", "zh": "停止"},
    "train.run.stop_help": {"en": "Stop after the current mini-batch and keep the best epoch "
                                  "so far.",
                            "zh": "在当前小批量之后停止，保留目前最好的一轮。"},
    "train.run.failed": {"en": "Training failed: {problem}", "zh": "训练失败：{problem}"},
    "train.run.done_done": {
        "en": "Trained all epochs in {seconds} s; your model is the best dev epoch ({best}).",
        "zh": "训练完所有轮次，用时 {seconds} 秒；你的模型取开发集上最好的第 {best} 轮。"},
    "train.run.done_early": {
        "en": "Stopped early (no dev gain for 5 epochs) after {seconds} s; your model is "
              "epoch {best}.",
        "zh": "提前停止（开发集连续 5 轮没有进步），用时 {seconds} 秒；你的模型取第 {best} 轮。"},
    "train.run.done_callback": {
        "en": "Stopped at epoch {epoch} of {epochs} after {seconds} s; your model is the "
              "best epoch so far ({best}).",
        "zh": "已在第 {epoch}/{epochs} 轮停止，用时 {seconds} 秒；你的模型取目前最好的第 {best} 轮。"},
    "train.run.done_time": {
        "en": "Stopped at the time limit ({seconds} s); your model is epoch {best}.",
        "zh": "达到时间上限（{seconds} 秒）后停止；你的模型取第 {best} 轮。"},
    "train.run.done_non-finite": {
        "en": "The loss became NaN or infinite after {seconds} s (learning rate too high?); "
              "your model is epoch {best}.",
        "zh": "{seconds} 秒后损失变成了 NaN 或无穷大（学习率太大？）；你的模型取第 {best} 轮。"},
    # --- results -------------------------------------------------------------
    "train.res.title": {"en": "Your model on {name}", "zh": "你的模型在 {name} 上的表现"},
    "train.res.no_test": {"en": "There are no test sentences to measure the model on.",
                          "zh": "没有测试句子，无法评估模型。"},
    "train.res.overall": {"en": "Test accuracy", "zh": "测试准确率"},
    "train.res.count": {"en": "{right} of {total} tokens tagged right.",
                        "zh": "{total} 个词中标对 {right} 个。"},
    "train.res.unknown": {"en": "On unknown words", "zh": "未知词准确率"},
    "train.res.unknown_help": {
        "en": "{total} test tokens are not in the vocabulary: the model sees <unk> and has "
              "only the words before them to go on.",
        "zh": "有 {total} 个测试词不在词表中：模型看到的是 <unk>，只能依靠前面的词。"},
    "train.res.baseline": {"en": "Most-frequent-tag baseline", "zh": "最常见标签基线"},
    "train.res.baseline_help": {
        "en": "No network: each word gets the tag it had most often in training; unseen "
              "words get the most frequent tag. On small data it is hard to beat.",
        "zh": "不用网络：每个词取它在训练集中最常见的标签，没见过的词取最常见的标签。"
              "数据少时，这个基线很难超越。"},
    "train.res.best": {"en": "Best dev epoch", "zh": "开发集最好的一轮"},
    "train.res.best_help": {"en": "Training took {seconds} s.", "zh": "训练用时 {seconds} 秒。"},
    "train.res.tag": {"en": "tag", "zh": "标签"},
    "train.res.accuracy": {"en": "accuracy %", "zh": "准确率 %"},
    "train.res.tokens": {"en": "tokens", "zh": "词数"},
    # --- model files ---------------------------------------------------------
    "train.file.title": {"en": "Your model as a file", "zh": "把模型存成文件"},
    "train.file.download": {"en": "Download my model (.npz)", "zh": "下载我的模型（.npz）"},
    "train.file.download_help": {
        "en": "U, W, V, b, c, the vocabulary, the tags and the settings, as plain NumPy arrays.",
        "zh": "U、W、V、b、c、词表、标签和设置，保存为普通的 NumPy 数组。"},
    "train.file.none": {"en": "Train or upload a model first.", "zh": "请先训练或上传一个模型。"},
    "train.file.upload": {"en": "Use a model file (.npz, at most {mb} MB)",
                          "zh": "使用一个模型文件（.npz，最大 {mb} MB）"},
    "train.file.upload_help": {
        "en": "A model downloaded from rnnviz or saved by python -m rnnviz train. It is "
              "checked before use; nothing in it is ever run.",
        "zh": "从 rnnviz 下载的模型，或由 python -m rnnviz train 保存的模型。使用前会先检查；"
              "文件中的任何内容都不会被执行。"},
    "train.file.not_npz": {"en": "the name does not end in .npz",
                           "zh": "文件名不是以 .npz 结尾"},
    "train.file.language_model": {
        "en": "it is a language model (its outputs are words, not tags); the pages here "
              "show a tagger",
        "zh": "这是一个语言模型（它的输出是词，不是词性标签）；这里的页面展示的是标注器"},
    "train.file.loaded": {
        "en": "Loaded {name}: H = {H}, {n} words, {K} tags. It is now your model.",
        "zh": "已载入 {name}：H = {H}，{n} 个词，{K} 个标签。它现在是你的模型。"},
    "train.file.refused": {"en": "{name} was not loaded: {problem}. Your model is unchanged.",
                           "zh": "没有载入 {name}：{problem}。你的模型保持不变。"},
    # --- figures -------------------------------------------------------------
    "train.curve.train": {"en": "train", "zh": "训练集"},
    "train.curve.dev": {"en": "dev", "zh": "开发集"},
    "train.curve.batch": {"en": "batch loss", "zh": "每批损失"},
    "train.curve.epoch": {"en": "epoch", "zh": "轮次"},
    "train.curve.loss": {"en": "loss (cross-entropy)", "zh": "损失（交叉熵）"},
    "train.curve.accuracy": {"en": "accuracy (%)", "zh": "准确率（%）"},
    "train.weights.U": {"en": "U: the {n} most frequent words (of {total})",
                        "zh": "U：最常见的 {n} 个词（共 {total} 个）"},
    "train.weights.W": {"en": "W: hidden → hidden", "zh": "W：隐藏层 → 隐藏层"},
    "train.weights.V": {"en": "V: hidden → tags", "zh": "V：隐藏层 → 标签"},
    "train.confusion.title": {"en": "Confusion matrix (test set)", "zh": "混淆矩阵（测试集）"},
    "train.confusion.true": {"en": "true tag", "zh": "正确标签"},
    "train.confusion.pred": {"en": "predicted", "zh": "预测标签"},
    "train.confusion.share": {"en": "share of row", "zh": "占该行比例"},
}
