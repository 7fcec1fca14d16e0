"""Where a Chinese word that jieba keeps whole is written as two or three words.

The conventions are this project's own, those of the tagset
(``rnnviz/text/tagset.py``) and of the built-in corpus, not a published
segmentation standard: number + measure word (三十个 -> 三十 个), aspect 了/过/着,
structural 的/地/得 and postpositions 上/里 are words of their own, because the
tagset gives them tags of their own (``m``, ``part``, ``p``). UD Chinese GSD
splits 个 and 了 the same way but keeps 山上, 手里, 每天 whole and splits noun
suffixes (中国 人). ``split_word`` applies the rules below to one jieba word;
``tokenize`` calls it on every Chinese word it cuts.
"""
from __future__ import annotations

import re

from . import corpus
from .jieba_dictionary import dictionary

# A word jieba keeps whole stays whole, except where the written conventions of
# the tagset (rnnviz/text/tagset.py) and of the built-in corpus write it as two or
# three words. These rules, tried in this order on each jieba word W, are the
# only splits:
#
# 1. Number + measure word: 三十个 -> 三十 个, 这个 -> 这 个, 一首歌 -> 一 首 歌.
#    W = NUMBER + MEASURE, or NUMBER + MEASURE + a noun. NUMBER is made of
#    NUMBER_CHARS (after an optional 第: 第一次 -> 第一 次) or is one of
#    DEMONSTRATIVES; MEASURE is one of MEASURES. A number alone stays whole (三十).
#    Also W = verb + NUMBER + MEASURE (喝一杯 -> 喝 一 杯) when W is a verb in
#    jieba's dictionary or not in it, and W = MEASURE + noun right after a number
#    (jieba ``一 本书`` -> 一 本 书) when W is one of MEASURE_NOUNS or not in
#    jieba's dictionary.
# 2. Aspect 了 过 着 after a verb: 吃了 -> 吃 了, 看过 -> 看 过, 穿着 -> 穿 着.
#    W = word + 了/过/着, and W is a verb in jieba's dictionary or not in it.
# 3. Structural 的 地 得: 我的 -> 我 的, 慢慢地 -> 慢慢 地, 说得对 -> 说 得 对.
#    W = X + 的 (W not in jieba's dictionary, or a descriptive word there: 小小的);
#    W = X + 地 (X an adjective or adverb of two or more characters);
#    W = X + 得 + Y (X a verb or adjective, X得 not a word, Y an adjective or
#    adverb, or 对); W = X + 得 or 的/地/得 + Y only when W is not in jieba's
#    dictionary (jieba's HMM guessed it: 高兴 ``地说`` -> 地 说).
# 4. Postposition 上 里 after a noun: 桌子上 -> 桌子 上, 床上 -> 床 上.
#    W = noun + 上/里, W a noun, place or verb in jieba's dictionary or not in it.
#
# The character must be at the edge of W (or be the 得 of rule 3), so 了解, 过去,
# 着急, 的确, 上海 and 里面 never match; the words in LEXICAL match a pattern but
# are words of their own (目的, 通过, 为了, 晚上, 一口气, 零件 ...) and are never
# split; nor is a word of the built-in corpus. "jieba's dictionary" is the one
# jieba ships, with its part of speech column (n noun, v verb, a adjective, d
# adverb, z descriptive ...); bench/segmentation.py --audit lists every word of it
# the rules split. What rule 1 splits off is a classifier (``m``) in the tagset;
# 天 and 年 after a number are split the same way (the corpus writes 一 天).
NUMBER_CHARS = "零〇一二两三四五六七八九十百千万亿几半"
DEMONSTRATIVES = "这那哪每"
MEASURES = tuple(sorted("""
    个 位 本 杯 次 块 只 张 份 场 台 件 碗 支 条 根 辆 项 双 封 瓶 盘 颗 头 朵 顶 套 串 部
    匹 盏 首 家 座 棵 间 层 片 篇 句 所 种 年 天 岁 周 元 名 把 对 遍 口 门 架 类 批 群 副
    幅 册 节 堂 顿 趟 斤 米 吨 届 款 粒 艘 栋 株 枝 盒 包 袋 箱 桶 壶 锅 桌 笔 章
    公斤 公里 分钟 小时 秒钟 星期""".split(), key=len, reverse=True))
MEASURE_NOUNS = frozenset("""
    本书 本词典 首歌 首歌曲 杯水 杯酒 块钱 块冰 块砖 块石 碗饭 碗面 顿饭 封信 封短信
    封电子邮件 篇文章 份文件 份饭 件物品 件产品 朵花 朵玫瑰 盏灯 头牛 头羊 部手机 架飞机
    支枪 支箭 条鱼 种颜色 种元素 幅照片 张唱片 辆车 节车厢 层楼 座楼""".split())
LEXICAL = frozenset("""
    一口气 一把手 二把手 第一把手 第二把手 第三把手 一个劲 一个劲儿 一个样 一个样儿 一条心
    一次性 一块儿 一家子 一部分 一头雾水 一场空 一盘散沙 一锅粥 一条龙 一门心思 一家老小
    一天天 一双双 一条条 一群群 一家家 一幅幅 一项项 一头儿 一天星斗 一次方程 一元化 二元化
    两口子 两口儿 这家伙 那家伙 这年头 那年头 那家子 那口子 哪门子 三只手 二锅头 零件 四周
    半天 万岁 千岁 千米 百米 千张 万年历 万岁通天 万家灯火 三个代表 三位一体 四位一体
    五位一体 十年寒窗 十年动乱 二十四节气 九节鞭 九头鸟 七匹狼 五笔字 五笔字型 三个臭皮匠
    二次方 二次方程 二次曲面 三次方 百年大计 百年树人 四部丛刊 二元酸 半元音 百家饭 半瓶醋
    那枝箭 那根木 三座门 五台山 三台山 六盘山 六盘水 九台市 七台河 三家店
    超过 转过 回过 透过 胜过 绕过 渡过 度过 掠过 放过 翻过 闪过 跨过 躲过 饶过 驶过 划过
    跃过 横过 改过 补过 错过 悔过 穿过 路过 飞过 流过 赛过 漫过 记过 思过 越过 经过 通过
    不过 难过 信得过 睡着 沉着 附着 执着 意味着 跟着 照着 正着 胶着 随着 接着 觉着
    算了 亏了 为了 除了 罢了 得了 免了 好了 对了 完了 极了 不了 受不了 不得了 忘不了 少不了
    大不了 来不及 来得及
    目的 的确 真的 似的 别的 般的 端的 标的 美的 有的 是的 他妈的 掌柜的 当家的 说真的
    众矢之的 一语中的 真格的 动真格的 低洼地 道道地地 特地
    皇上 故里 邻里 乡里 内里 头里 衬里 暗地里 背地里 私下里 晚上 早上 马上 以上 之上
    公里 海里 英里""".split())
_NUMBER = rf"\d+|第?[{NUMBER_CHARS}]+|[{DEMONSTRATIVES}]"
_NUMBER_MEASURE = re.compile(rf"(第?[{NUMBER_CHARS}]+|[{DEMONSTRATIVES}])({'|'.join(MEASURES)})(.*)")
_VERB_NUMBER_MEASURE = re.compile(rf"([^{NUMBER_CHARS}第]+)([{NUMBER_CHARS}]+)({'|'.join(MEASURES)})")
_MEASURE_NOUN = re.compile(rf"({'|'.join(MEASURES)})(.+)")
_IS_NUMBER = re.compile(_NUMBER)
_LONGEST = 12                   # longer jieba words (HMM guesses on odd text) stay whole
_DEGREE = frozenset("对")       # 说得对: 对 is a preposition in jieba's dictionary


def split_word(word: str, before: str = "") -> list[str]:
    """A jieba word -> the words the conventions write (see above); ``before`` is
    the word before it."""
    if not 2 <= len(word) <= _LONGEST or word in LEXICAL or word in corpus.words():
        return [word]
    d = dictionary()
    known, tag = d.known(word), d.tags.get(word, "")

    def again(part: str) -> list[str]:               # 桌子上的 -> 桌子上 的 -> 桌子 上 的
        return split_word(part) if part else []

    m = _NUMBER_MEASURE.fullmatch(word)
    if m:
        number, measure, rest = m.groups()
        if not rest:
            return [number, measure]
        if d.noun(rest) or (not known and d.word(rest)):
            return [number, measure, *again(rest)]
    m = _VERB_NUMBER_MEASURE.fullmatch(word)
    if m and d.tags.get(m.group(1), "").startswith("v") and (not known or tag == "v"):
        return [*again(m.group(1)), m.group(2), m.group(3)]
    m = _MEASURE_NOUN.fullmatch(word)
    if m and _IS_NUMBER.fullmatch(before) and (
            word in MEASURE_NOUNS or (not known and d.word(m.group(2)))):
        return [m.group(1), *again(m.group(2))]
    head, last = word[:-1], word[-1]
    if last in "了过着" and d.word(head) and (not known or tag.startswith("v")):
        return [*again(head), last]
    if last == "的" and (not known or tag == "z"):
        return [*again(head), last]
    if last == "地" and len(head) >= 2 and (d.descriptive(head) or _reduplicated(head)):
        return [*again(head), last]
    if last == "得" and not known and d.word(head):
        return [*again(head), last]
    if word[0] in "的地得" and not known and d.word(word[1:]):
        return [word[0], *again(word[1:])]
    i = word.find("得", 1)
    if 0 < i < len(word) - 1:
        x, y = word[:i], word[i + 1:]
        if ((d.tags.get(x, "")[:1] in ("v", "a") or (not d.known(x) and d.word(x)))
                and not d.known(x + "得") and (d.descriptive(y) or y in _DEGREE)
                and (not known or tag[:1] in ("v", "a", "d", "l"))):
            return [*again(x), "得", *again(y)]
    if last in "上里" and d.noun(head) and (not known or tag in ("n", "ng", "s", "l", "v")):
        return [*again(head), last]
    return [word]


def _reduplicated(word: str) -> bool:
    """慢慢, 高高兴兴: descriptive reduplication."""
    return (len(word) == 2 and word[0] == word[1]) or (
        len(word) == 4 and word[0] == word[1] and word[2] == word[3])
