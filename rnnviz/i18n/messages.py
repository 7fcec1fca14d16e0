"""Strings of what the engine says (``rnnviz.messages``): ``msg.<code>`` for every
code of every catalog, filled by ``rnnviz.i18n.say`` with the message's parameters.
The English is the catalog's own (tests/test_i18n.py checks it)."""

STRINGS: dict[str, dict[str, str]] = {
    # --- the tokenizer (notes under the sentence box) --------------------------------------------
    "msg.tokenize.empty": {
        "en": "The text is empty. Type a sentence, e.g. 我吃苹果 or I eat apples.",
        "zh": "文本是空的。请输入一个句子，例如 我吃苹果 或 I eat apples。"},
    "msg.tokenize.nothing": {
        "en": "The text has nothing to tag. Type a sentence, e.g. 我吃苹果 or I eat apples.",
        "zh": "文本中没有可以标注的内容。请输入一个句子，例如 我吃苹果 或 I eat apples。"},
    "msg.tokenize.tokens": {
        "en": "Only the first {n} tokens are used (the sentence had {had}).",
        "zh": "只使用前 {n} 个词（句子共有 {had} 个）。"},
    "msg.tokenize.tokens_chars": {
        "en": "Only the first {n} tokens are used (the text had more than {chars:,} "
              "characters).",
        "zh": "只使用前 {n} 个词（文本超过 {chars:,} 个字符）。"},
    "msg.tokenize.chars": {
        "en": "Only the first {chars:,} characters are used (the text had {had:,}).",
        "zh": "只使用前 {chars:,} 个字符（文本共有 {had:,} 个）。"},
    # --- the language model: sampling settings and text it cannot read -------------------------
    "msg.lm.temperature": {"en": "temperature must be ≥ 0, got {value}",
                           "zh": "温度必须 ≥ 0，实际为 {value}"},
    "msg.lm.top_k": {"en": "top-k must be at least 1, got {value}",
                     "zh": "top-k 至少为 1，实际为 {value}"},
    "msg.lm.all_banned": {"en": "every output is banned: nothing to generate",
                          "zh": "所有输出都被排除了：无法生成"},
    "msg.lm.no_input": {"en": "generation needs at least the input <s>",
                        "zh": "生成至少需要输入 <s>"},
    "msg.next.no_words": {"en": "no words in the text", "zh": "文本中没有词"},
    "msg.next.k": {"en": "the number of candidates must be at least 1, got {k}",
                   "zh": "候选词的个数至少为 1，实际为 {k}"},
    "msg.next.n": {"en": "the number of words must be 0..{max}, got {n}",
                   "zh": "词数必须在 0..{max} 之间，实际为 {n}"},
    # --- a model that does not hold together -----------------------------------------------------
    "msg.activation.unknown": {
        "en": "unknown activation {name!r}; choose one of {choices}",
        "zh": "未知的激活函数 {name!r}；可选：{choices}"},
    "msg.model.w_square": {
        "en": "W must be square (H, H), got shape {shape}",
        "zh": "W 必须是方阵 (H, H)，实际形状为 {shape}"},
    "msg.model.shape": {
        "en": "{name} has shape {shape}; expected {expected} (H={H}, |vocab|={n}, K={K})",
        "zh": "{name} 的形状是 {shape}，应为 {expected}（H={H}，|vocab|={n}，K={K}）"},
    "msg.model.vocab_unk": {"en": "vocab[0] must be {unk!r}", "zh": "vocab[0] 必须是 {unk!r}"},
    "msg.model.vocab_duplicates": {"en": "vocab has duplicate entries", "zh": "词表中有重复的词"},
    "msg.model.tags": {"en": "tags must be non-empty and unique", "zh": "标签不能为空，也不能重复"},
    # --- a model file (the Train page's upload) --------------------------------------------------
    "msg.checkpoint.too_big": {
        "en": "file is {size:,} bytes; the limit is {limit:,}",
        "zh": "文件有 {size:,} 字节，上限是 {limit:,} 字节"},
    "msg.checkpoint.not_npz": {
        "en": "not an .npz file (a .npz is a zip archive of arrays)",
        "zh": "不是 .npz 文件（.npz 是存放数组的 zip 压缩包）"},
    "msg.checkpoint.damaged": {
        "en": "damaged .npz archive: {detail}",
        "zh": ".npz 压缩包已损坏：{detail}"},
    "msg.checkpoint.unexpected": {
        "en": "unexpected entries in the file: {names}",
        "zh": "文件中有不该有的条目：{names}"},
    "msg.checkpoint.missing": {"en": "missing entries: {names}", "zh": "缺少条目：{names}"},
    "msg.checkpoint.unpacks_big": {
        "en": "the arrays would unpack to {size:,} bytes; the limit is {limit:,} (zip bomb?)",
        "zh": "这些数组解压后将有 {size:,} 字节，上限是 {limit:,} 字节（压缩炸弹？）"},
    "msg.checkpoint.zip_bomb": {
        "en": "{name} is compressed {ratio}:1, more than {limit}:1 (zip bomb?)",
        "zh": "{name} 的压缩比是 {ratio}:1，超过了 {limit}:1（压缩炸弹？）"},
    "msg.checkpoint.pickle": {
        "en": "the file contains pickled Python objects, which are never loaded (they could "
              "run code)",
        "zh": "文件中含有 pickle 序列化的 Python 对象，这类对象一律不载入（它们可能执行代码）"},
    "msg.checkpoint.unreadable": {"en": "unreadable array: {detail}", "zh": "无法读取的数组：{detail}"},
    "msg.checkpoint.truncated": {
        "en": "damaged or truncated .npz: {detail}",
        "zh": ".npz 文件已损坏或不完整：{detail}"},
    "msg.checkpoint.not_text": {
        "en": "{key} must be a text scalar, got dtype {dtype} shape {shape}",
        "zh": "{key} 必须是单个文本值，实际类型为 {dtype}，形状为 {shape}"},
    "msg.checkpoint.not_texts": {
        "en": "{key} must be a 1-D text array, got dtype {dtype} shape {shape}",
        "zh": "{key} 必须是一维文本数组，实际类型为 {dtype}，形状为 {shape}"},
    "msg.checkpoint.format": {
        "en": "format is {found!r}, not {expected!r}",
        "zh": "格式是 {found!r}，而不是 {expected!r}"},
    "msg.checkpoint.cell": {
        "en": "the file holds a model of the {found} cell; here it must be {expected}",
        "zh": "文件中的模型是 {found} 单元；这里需要的是 {expected}"},
    "msg.checkpoint.version_type": {
        "en": "version must be an integer scalar",
        "zh": "version 必须是单个整数"},
    "msg.checkpoint.version": {
        "en": "unknown format version {found}; this rnnviz reads version {expected}",
        "zh": "未知的格式版本 {found}；这个版本的 rnnviz 只能读取版本 {expected}"},
    "msg.checkpoint.dtype": {
        "en": "{name} has dtype {dtype}; expected float64",
        "zh": "{name} 的数据类型是 {dtype}，应为 float64"},
    "msg.checkpoint.non_finite": {
        "en": "{name} has {n} non-finite values (NaN or Inf)",
        "zh": "{name} 中有 {n} 个非有限值（NaN 或 Inf）"},
    "msg.checkpoint.json": {
        "en": "hparams is not valid JSON: {detail}",
        "zh": "hparams 不是有效的 JSON：{detail}"},
    "msg.checkpoint.json_object": {
        "en": "hparams must be a JSON object",
        "zh": "hparams 必须是一个 JSON 对象"},
    # --- a word/TAG line of an upload ------------------------------------------------------------
    "msg.tagged.line": {"en": "line {line}: {problem}", "zh": "第 {line} 行：{problem}"},
    "msg.tagged.no_tag": {
        "en": "token {token!r} has no /tag (expected word/tag)",
        "zh": "词 {token!r} 没有 /标签（格式应为 词/标签）"},
    "msg.tagged.empty_word": {
        "en": "token {token!r} has an empty word",
        "zh": "词 {token!r} 的词语部分是空的"},
    "msg.tagged.unknown_tag": {
        "en": "token {token!r} has unknown tag {tag!r}; expected one of {tags}",
        "zh": "词 {token!r} 的标签 {tag!r} 不认识；可用的标签：{tags}"},
    # --- an uploaded corpus (CoNLL-U or word/TAG) ------------------------------------------------
    "msg.corpus.format": {
        "en": "unknown format {fmt!r}; expected one of {choices}",
        "zh": "未知的格式 {fmt!r}；可选：{choices}"},
    "msg.corpus.column": {
        "en": "unknown tag column {column!r}; expected one of {choices}",
        "zh": "未知的标签列 {column!r}；可选：{choices}"},
    "msg.corpus.too_many_sentences": {
        "en": "more than {limit:,} sentences (the limit)",
        "zh": "超过 {limit:,} 句（上限）"},
    "msg.corpus.too_many_tokens": {
        "en": "more than {limit:,} tokens (the limit), reached at sentence {n:,}",
        "zh": "超过 {limit:,} 个词（上限），在第 {n:,} 句达到"},
    "msg.corpus.bad_sentences": {
        "en": "{n} of {total} sentences have problems: {shown}",
        "zh": "{total} 句中有 {n} 句有问题：{shown}"},
    "msg.corpus.empty": {"en": "no tagged sentences in the file", "zh": "文件中没有标注好的句子"},
    "msg.corpus.all_bad": {
        "en": "every sentence has a problem; nothing left to load",
        "zh": "每一句都有问题，没有可以载入的句子"},
    "msg.corpus.too_big": {
        "en": "the file is {mb:.1f} MB; the limit is {limit_mb:.0f} MB",
        "zh": "文件大小为 {mb:.1f} MB，上限是 {limit_mb:.0f} MB"},
    "msg.corpus.binary": {
        "en": "this is not a text file (it contains NUL bytes)",
        "zh": "这不是文本文件（其中含有 NUL 字节）"},
    "msg.corpus.not_utf8": {
        "en": "line {line}: not UTF-8 text (byte 0x{byte:02x}); save the file as UTF-8",
        "zh": "第 {line} 行：不是 UTF-8 文本（字节 0x{byte:02x}）；请把文件另存为 UTF-8 编码"},
    "msg.corpus.line": {"en": "line {line}: {problem}", "zh": "第 {line} 行：{problem}"},
    "msg.corpus.unreadable": {
        "en": "cannot be read as CoNLL-U ({detail})",
        "zh": "无法按 CoNLL-U 格式读取（{detail}）"},
    "msg.corpus.columns": {
        "en": "has {n} tab-separated columns; CoNLL-U has 10 (ID FORM LEMMA UPOS XPOS FEATS "
              "HEAD DEPREL DEPS MISC)",
        "zh": "有 {n} 列（以制表符分隔）；CoNLL-U 应有 10 列（ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS "
              "MISC）"},
    "msg.corpus.word_id": {
        "en": "word ID {found} where {expected} was expected (IDs count 1, 2, 3, ...)",
        "zh": "词的编号是 {found}，应为 {expected}（编号依次为 1、2、3……）"},
    "msg.corpus.no_form": {"en": "the FORM column (the word) is empty", "zh": "FORM 列（词本身）是空的"},
    "msg.corpus.no_tag": {
        "en": "no {column} tag (column {number} is '{value}')",
        "zh": "没有 {column} 标签（第 {number} 列是 '{value}'）"},
    "msg.corpus.not_upos": {
        "en": "{tag!r} is not a UPOS tag; UPOS tags are {tags}",
        "zh": "{tag!r} 不是 UPOS 标签；UPOS 标签有 {tags}"},
    "msg.corpus.no_words": {"en": "a sentence without any word lines", "zh": "这一句没有任何词行"},
    # --- training (the Train page) ---------------------------------------------------------------
    "msg.training.unknown_tag": {
        "en": "sentence {n}: tag {tag!r} is not in the tagset",
        "zh": "第 {n} 句：标签 {tag!r} 不在标签集中"},
    "msg.training.no_train": {
        "en": "no training sentences left after holding out dev and test",
        "zh": "留出开发集和测试集之后，没有剩下训练句子"},
    "msg.training.setting_between": {
        "en": "{name} must be {lo}..{hi}, got {value}",
        "zh": "{name} 必须在 {lo}..{hi} 之间，实际为 {value}"},
    "msg.training.setting_interval": {
        "en": "{name} must be in {interval}, got {value}",
        "zh": "{name} 必须在区间 {interval} 内，实际为 {value}"},
    "msg.training.setting_bound": {
        "en": "{name} must be {op} {bound}, got {value}",
        "zh": "{name} 必须 {op} {bound}，实际为 {value}"},
    "msg.training.setting_choice": {
        "en": "{name} must be one of {choices}, got {value!r}",
        "zh": "{name} 必须是 {choices} 之一，实际为 {value!r}"},
    "msg.training.gated_recurrent": {
        "en": "the {cell} cell has no W = 0 variant (recurrent=False is the RNN's)",
        "zh": "{cell} 单元没有 W = 0 的版本（recurrent=False 只用于 RNN）"},
    "msg.training.process_ended": {
        "en": "the training process ended unexpectedly (exit code {code})",
        "zh": "训练进程意外结束（退出码 {code}）"},
    "msg.training.failed": {"en": "{kind}: {detail}", "zh": "{kind}：{detail}"},
}
