"""Chinese lexicon and grammar: short tutorial-style sentences, ``我/nn 吃/v 苹果/nn``.

Ambiguous words are used so that the words BEFORE them decide the tag (the
tagger reads left to right):

- noun/verb words (学习, 计划, 比赛 ...): ``v`` right after a subject, a time
  word, an adverb (不, 也, 常常), a modal (会, 想, 要) or a place (在 图书馆
  学习); ``nn`` after 的, a classifier (这 个 计划), a verb or 了 (参加 了 比赛),
  or at the start of the sentence (学习 很 重要).
- 要: ``aux`` after a subject (我 要 去); ``v`` after 想 (我 想 要 一 杯 茶).
- 在: ``p`` after a subject, a time word or 住 and at the start; ``v`` after
  不 / 还 / 都 / 也 (他 不 在 家).
- 给: ``p`` after a subject or time word (我 给 妈妈 打 电话); ``v`` after a
  modal, 不, 没 or 请 (我 想 给 他 一 本 书).
- 对: ``p`` after a subject or noun (他 对 我 很 好); ``adj`` after 得, 不, 很,
  是 and at the start (你 说 得 对).
- 过: ``part`` after a verb (我 去 过 北京); ``v`` after a subject, time word,
  adverb or modal (我们 一起 过 春节).
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from .generate import (
    Grammar,
    Part,
    Sentence,
    build,
    maybe,
    one_of,
    pair,
    parse,
    seq,
    template,
    words,
)

# --------------------------------------------------------------------------- lexicon


class Nouns:
    """Nouns of one meaning category, each with its classifier (None: no counting)."""

    def __init__(self, classifiers: dict[str, str | None]):
        self.classifiers = classifiers
        self.items = tuple(classifiers)
        self.countable = tuple(w for w, cl in classifiers.items() if cl)

    def __call__(self, rng: random.Random) -> Sentence:          # 苹果
        return [(rng.choice(self.items), "nn")]

    def counted(self, rng: random.Random) -> Sentence:           # 两 个 苹果
        word = rng.choice(self.countable)
        return [(rng.choice(NUMBERS), "num"), (self.classifiers[word], "m"), (word, "nn")]

    def this(self, rng: random.Random) -> Sentence:              # 这 个 苹果
        word = rng.choice(self.countable)
        return [(rng.choice(("这", "那")), "d"), (self.classifiers[word], "m"), (word, "nn")]

    def np(self, rng: random.Random) -> Sentence:                # any of the three
        return rng.choice((self, self, self.counted, self.this))(rng)


NUMBERS = ("一", "两", "三", "四", "五", "六", "七", "八", "九", "十")

PRONOUNS = words("nn", "我", "你", "他", "她", "我们", "你们", "他们", "她们", "您", "大家")
NAMES = words("nn", "小明", "小红", "小王", "小李", "小张", "小刚", "小美", "李华", "王芳",
              "张伟", "刘洋", "陈静", "老王", "老李", "丽丽", "明明", "李雷", "韩梅梅",
              "大卫", "玛丽", "安娜", "汤姆", "杰克")
FAMILY = words("nn", "妈妈", "爸爸", "哥哥", "姐姐", "弟弟", "妹妹", "爷爷", "奶奶",
               "朋友", "同学", "儿子", "女儿", "叔叔", "阿姨")
ROLES = Nouns({w: cl for cl, ws in {
    "位": ("老师", "医生", "护士", "经理", "警察", "厨师", "记者", "作家", "画家", "校长",
          "律师", "演员", "歌手", "科学家", "司机", "老板", "服务员"),
    "个": ("学生", "孩子", "农民", "工人", "男孩", "女孩", "邻居", "客人", "老人")}.items()
    for w in ws})
MY = words("nn", "我", "你", "他", "她")                                # 我 妈妈
PEOPLE = one_of(PRONOUNS, PRONOUNS, NAMES, ROLES, seq(MY, FAMILY), seq(ROLES.this))
PERSON = one_of(PRONOUNS, NAMES, FAMILY, seq(MY, FAMILY), ROLES)         # as an object
OWNER = one_of(PRONOUNS, PRONOUNS, NAMES, FAMILY, ROLES)                  # before 的

FOOD = Nouns({"苹果": "个", "香蕉": "根", "橙子": "个", "梨": "个", "桃子": "个", "西瓜": "个",
              "葡萄": "串", "草莓": "颗", "面包": "块", "蛋糕": "块", "饺子": "盘",
              "包子": "个", "馒头": "个", "米饭": "碗", "面条": "碗", "鸡蛋": "个", "鱼": "条",
              "牛肉": "块", "鸡肉": "块", "饼干": "块", "巧克力": "块", "汉堡": "个", "豆腐": "块",
              "西红柿": "个", "土豆": "个", "黄瓜": "根", "水果": None,
              "冰淇淋": "个", "粥": "碗", "糖": "块", "沙拉": "份", "菜": "盘", "早饭": None,
              "午饭": None, "晚饭": None, "月饼": "个"})
DRINK = Nouns({"茶": "杯", "咖啡": "杯", "牛奶": "杯", "水": "杯", "果汁": "杯", "可乐": "瓶",
               "啤酒": "瓶", "酒": "杯", "豆浆": "杯", "汤": "碗", "绿茶": "杯", "红茶": "杯",
               "奶茶": "杯", "矿泉水": "瓶"})
READING = Nouns({"书": "本", "报纸": "份", "杂志": "本", "小说": "本", "词典": "本", "信": "封",
                 "课本": "本", "漫画": "本", "地图": "张", "故事书": "本"})
THING = Nouns({"衣服": "件", "裙子": "条", "裤子": "条", "帽子": "顶", "鞋": "双", "手机": "部",
               "电脑": "台", "自行车": "辆", "汽车": "辆", "雨伞": None, "杯子": "个", "桌子": "张",
               "椅子": None, "床": "张", "笔": "支", "铅笔": "支", "书包": "个", "手表": "块",
               "电视": "台", "照片": "张", "票": "张", "钥匙": None, "礼物": "份", "玩具": "个",
               "盒子": "个", "相机": "台", "花": "朵", "钱": None, "房子": "套", "灯": "盏"})
ANIMAL = Nouns({"猫": "只", "狗": "只", "鸟": "只", "马": "匹", "牛": "头", "兔子": "只",
                "熊猫": "只", "老虎": "只", "猴子": "只", "鸭子": "只", "羊": "只", "小狗": "只",
                "小猫": "只", "金鱼": "条"})
CLOTHES = words("nn", "衣服", "裙子", "裤子", "帽子", "鞋", "外套", "毛衣", "衬衫")
PLACE = words("nn", "学校", "家", "公司", "医院", "商店", "超市", "公园", "图书馆", "银行",
              "饭店", "餐厅", "教室", "办公室", "火车站", "机场", "电影院", "博物馆",
              "动物园", "书店", "食堂", "宿舍", "厨房", "花园", "海边", "邮局", "操场")
CITY = words("nn", "北京", "上海", "广州", "南京", "西安", "杭州", "成都", "中国", "美国",
             "英国", "日本", "香港", "深圳")
ROOM = words("nn", "房间", "教室", "厨房", "冰箱", "书包", "盒子", "公园", "花园")
SURFACE = words("nn", "桌子", "床", "椅子", "书架", "墙")
SUBJECT = words("nn", "中文", "英语", "汉语", "数学", "历史", "音乐", "美术", "物理", "化学",
                "地理", "法语", "日语", "科学", "文学")
LANGUAGE = words("nn", "中文", "英语", "汉语", "法语", "日语")
BALL_GAME = words("nn", "篮球", "网球", "乒乓球", "排球", "羽毛球")
SHOW = words("nn", "电影", "电视", "新闻", "节目")

TIME = words("nn", "今天", "明天", "昨天", "早上", "上午", "中午", "下午", "晚上", "现在",
             "周末", "星期一", "星期六", "星期天")
PAST = words("nn", "昨天", "前天", "去年", "上午", "刚才")
FUTURE = words("nn", "明天", "后天", "明年", "周末", "下午", "晚上", "下个月")
DEGREE = words("adv", "很", "很", "非常", "真", "特别", "有点儿")
OFTEN = one_of(words("adv", "常常", "经常", "总是", "也", "一直"), "每/d 天/nn")
MODAL = words("aux", "会", "能", "可以", "应该", "想", "要")
END = one_of("。/pu", "。/pu", "。/pu", "！/pu")
Q = "？/pu"

FOOD_ADJ = words("adj", "好吃", "甜", "新鲜", "贵", "便宜", "大", "小", "酸", "辣", "香")
DRINK_ADJ = words("adj", "好喝", "热", "甜", "贵", "便宜", "凉")
THING_ADJ = words("adj", "新", "旧", "漂亮", "贵", "便宜", "大", "小", "好看", "干净", "脏")
READ_ADJ = words("adj", "有意思", "新", "旧", "贵", "厚", "难", "好看", "有用")
PERSON_ADJ = words("adj", "高兴", "忙", "累", "聪明", "可爱", "高", "漂亮", "认真", "年轻",
                   "友好", "开心", "饿", "渴", "胖", "瘦", "健康", "厉害", "紧张", "难过", "努力")
PLACE_ADJ = words("adj", "大", "小", "漂亮", "安静", "热闹", "干净", "远", "近", "有名")
ANIMAL_ADJ = words("adj", "可爱", "小", "大", "胖", "聪明", "漂亮")
WEATHER_ADJ = words("adj", "好", "热", "冷", "暖和", "凉快", "不错")
SPEED = words("adj", "快", "慢", "好", "认真", "高")

# --------------------------------------------------------------------------- phrases

ACTIVITY = one_of(                              # a verb phrase, no ambiguous word in it
    seq("吃/v", FOOD), seq("喝/v", DRINK), seq("看/v", one_of(READING, SHOW)),
    seq("买/v", one_of(FOOD, THING, READING)), seq("打/v", BALL_GAME), "踢/v 足球/nn",
    seq("读/v", READING), seq("写/v", words("nn", "信", "作业", "汉字", "日记")),
    seq("做/v", words("nn", "作业", "饭", "菜", "蛋糕")), "唱/v 歌/nn", "跳/v 舞/nn",
    seq("弹/v", words("nn", "钢琴", "吉他")), seq("听/v", words("nn", "音乐", "歌", "广播")),
    seq("说/v", LANGUAGE), seq("学/v", SUBJECT), words("v", "游泳", "跑步", "睡觉", "休息",
                                                       "散步", "吃饭", "上课", "上班"))
GO = seq("去/v", one_of(PLACE, CITY))
CLAUSE = one_of(                                # a short clause for 但是 and 对 ，
    seq(PEOPLE, "喜欢/v", one_of(FOOD, DRINK, ANIMAL)), seq(PEOPLE, "很/adv", PERSON_ADJ),
    seq(PEOPLE, ACTIVITY), seq(PEOPLE, "不/adv 喜欢/v", one_of(FOOD, DRINK)),
    seq(PEOPLE, "想/aux", ACTIVITY), seq(PEOPLE, "去/v", PLACE), seq(PEOPLE, "没/adv", ACTIVITY),
    seq("天气/nn", DEGREE, WEATHER_ADJ))

REASONS = (  # (why, so what): 因为 我 很 饿 ， 所以 我 想 吃 面包
    ("饿/adj", seq("想/aux 吃/v", FOOD)), ("渴/adj", seq("想/aux 喝/v", DRINK)),
    ("累/adj", one_of("想/aux 休息/v", "想/aux 睡觉/v", "不/adv 想/aux 去/v 公园/nn")),
    ("忙/adj", seq("没/adv", one_of(GO, ACTIVITY))),
    ("高兴/adj", one_of("唱/v 歌/nn", "跳/v 舞/nn", "笑/v 了/part")),
    ("冷/adj", seq("穿/v 了/part", CLOTHES)), ("难过/adj", one_of("哭/v 了/part", "不/adv 想/aux 说话/v")))


def _because(rng: random.Random) -> Sentence:
    subj = build(rng, one_of(PRONOUNS, NAMES, seq(MY, FAMILY)))
    why, so = rng.choice(REASONS)
    return [("因为", "c")] + subj + build(rng, DEGREE, why, "，/pu 所以/c") + subj + build(rng, so)


# --------------------------------------------------------------------------- general templates

TEMPLATES = [
    template("吃", 8, one_of(PRONOUNS, NAMES, seq(MY, FAMILY)), "吃/v", FOOD, maybe(END, .7)),
    template("喝", 5, PEOPLE, maybe(OFTEN, .3), "喝/v", DRINK, END),
    template("吃了几个", 5, PEOPLE, maybe(PAST), one_of("吃/v", "买/v"), "了/part",
             FOOD.counted, END),
    template("买东西", 5, PEOPLE, maybe(PAST), "买/v 了/part", one_of(THING.counted,
             READING.counted, DRINK.counted), END),
    template("喜欢", 6, PEOPLE, maybe(one_of("很/adv", "也/adv", "都/adv"), .3), "喜欢/v",
             one_of(FOOD, DRINK, ANIMAL, BALL_GAME, SUBJECT), END),
    template("不喜欢", 4, PEOPLE, "不/adv 喜欢/v", one_of(FOOD, DRINK, ANIMAL, SUBJECT), END),
    template("没", 3, PEOPLE, maybe(PAST), "没/adv", ACTIVITY, END),
    template("吗", 5, PEOPLE, maybe(MODAL, .4), ACTIVITY, "吗/part", Q),
    template("什么", 4, PEOPLE, maybe(one_of("想/aux", "要/aux", "喜欢/v"), .6),
             one_of("吃/v", "喝/v", "看/v", "买/v", "学/v", "做/v"), "什么/nn", Q),
    template("谁哪里", 3, one_of(
        seq(PEOPLE, "去/v 哪里/nn", Q), seq("谁/nn", "喜欢/v", one_of(FOOD, DRINK), Q),
        seq(PEOPLE, "是/aux 谁/nn", Q), seq(PEOPLE, "喜欢/v 谁/nn", Q))),
    template("有几个", 4, PEOPLE, one_of("有/v", "没有/v"), one_of(THING.counted,
             ANIMAL.counted, READING.counted), END),
    template("几个", 3, PEOPLE, "有/v 几/num", one_of(
        "个/m 苹果/nn", "本/m 书/nn", "只/m 猫/nn", "个/m 孩子/nn", "辆/m 自行车/nn",
        "件/m 衣服/nn", "个/m 朋友/nn", "支/m 笔/nn"), Q),
    template("多少钱", 2, one_of(FOOD.this, THING.this, READING.this), "多少/num 钱/nn", Q),
    template("这个很好", 6, one_of(seq(FOOD.this, DEGREE, FOOD_ADJ), seq(THING.this, DEGREE,
             THING_ADJ), seq(READING.this, DEGREE, READ_ADJ), seq(ANIMAL.this, DEGREE,
             ANIMAL_ADJ), seq(DRINK.this, DEGREE, DRINK_ADJ)), END),
    template("太了", 2, one_of(seq(FOOD.this, "太/adv", FOOD_ADJ), seq(THING.this, "太/adv",
             THING_ADJ), seq("今天/nn", "太/adv", WEATHER_ADJ)), "了/part", END),
    template("的东西", 5, OWNER, "的/part", one_of(seq(THING, DEGREE, THING_ADJ),
             seq(ANIMAL, DEGREE, ANIMAL_ADJ), seq(READING, DEGREE, READ_ADJ)), END),
    template("是", 5, PEOPLE, maybe("也/adv", .2), one_of("是/aux", "不/adv 是/aux"),
             one_of(ROLES, seq(OWNER, "的/part", FAMILY), seq("我/nn 的/part", FAMILY)), END),
    template("是吗", 2, PEOPLE, "是/aux", ROLES, "吗/part", Q),
    template("人很", 5, PEOPLE, maybe(TIME, .4), DEGREE, PERSON_ADJ, END),
    template("去", 5, PEOPLE, maybe(FUTURE), GO, END),
    template("去做", 5, maybe(TIME), PEOPLE, "去/v", PLACE, ACTIVITY, END),
    template("在做", 1, PEOPLE, "在/p", PLACE, ACTIVITY, END),
    template("要去", 2, PEOPLE, maybe(FUTURE), "要/aux", one_of(GO, ACTIVITY), END),
    template("会吗", 3, PEOPLE, one_of("会/aux", "能/aux", "可以/aux"), one_of(
        seq("说/v", LANGUAGE), "游泳/v", "开/v 车/nn", seq("骑/v", "自行车/nn"),
        seq("弹/v", words("nn", "钢琴", "吉他")), "做/v 饭/nn", "唱/v 歌/nn", "跳/v 舞/nn"),
        one_of(seq("吗/part", Q), END)),
    template("想", 4, PEOPLE, maybe(one_of("也/adv", "很/adv", "不/adv"), .4), "想/aux",
             ACTIVITY, END),
    template("和", 4, one_of(PRONOUNS, NAMES), "和/c", one_of(PRONOUNS, NAMES, FAMILY),
             maybe("都/adv", .5), one_of(seq("喜欢/v", one_of(FOOD, DRINK, ANIMAL)), ACTIVITY,
                                         seq("是/aux", ROLES)), END),
    template("和2", 3, PEOPLE, "喜欢/v", pair(FOOD, "和/c"), END),
    template("还是", 3, PRONOUNS, one_of(seq("喝/v", pair(DRINK, "还是/c")),
             seq("吃/v", pair(FOOD, "还是/c")), seq("去/v", pair(PLACE, "还是/c"))), Q),
    template("呢", 2, one_of(PRONOUNS, NAMES), one_of(seq(DEGREE, PERSON_ADJ),
             seq("喜欢/v", FOOD)), "，/pu", one_of(PRONOUNS, NAMES, FAMILY), "呢/part", Q),
    template("但是", 4, CLAUSE, "，/pu", one_of("但是/c", "可是/c"), CLAUSE, END),
    template("因为", 3, _because, END),
    template("如果", 2, "如果/c", one_of("明天/nn 下雨/v", "天气/nn 好/adj", "明天/nn 天气/nn 好/adj",
             seq(PRONOUNS, "有/v 时间/nn")), "，/pu", PRONOUNS, "就/adv", one_of(GO, ACTIVITY), END),
    template("天气", 2, maybe(TIME), "天气/nn", DEGREE, WEATHER_ADJ, END),
    template("叫", 2, one_of(seq("你/nn 叫/v 什么/nn 名字/nn", Q), seq("我/nn 叫/v", NAMES, END),
             seq(FAMILY, "叫/v", NAMES, END), seq(PRONOUNS, "的/part 名字/nn 是/aux", NAMES, END))),
    template("把", 3, PEOPLE, "把/p", one_of(seq(FOOD.this, "吃/v"), seq(THING.this, one_of(
        "洗/v", "拿/v", "卖/v")), seq(READING.this, "看/v")), "了/part", END),
    template("比", 3, one_of(PRONOUNS, NAMES, FAMILY), "比/p", one_of(PRONOUNS, NAMES, FAMILY),
             words("adj", "高", "大", "小", "忙", "胖", "瘦", "聪明"), END),
    template("跟一起", 3, PEOPLE, "跟/p", PERSON, "一起/adv", one_of(ACTIVITY, GO), END),
    template("从", 2, PEOPLE, "从/p", CITY, one_of("来/v", "回来/v"), END),
    template("了", 3, PEOPLE, maybe(one_of("已经/adv", PAST), .5),
             words("v", "睡觉", "起床", "回来", "出发", "走", "哭", "笑", "迟到", "下班"),
             "了/part", END),
    template("正在", 3, PEOPLE, "正在/adv", ACTIVITY, END),
    template("得", 3, PEOPLE, one_of("跑/v", "走/v", "说/v", "唱/v", "写/v", "游/v"),
             "得/part", DEGREE, SPEED, END),
    template("上里", 4, one_of(seq(SURFACE, "上/p"), seq(ROOM, "里/p")), "有/v",
             one_of(THING.counted, READING.counted, ANIMAL.counted, FOOD.counted), END),
    template("觉得", 3, PEOPLE, "觉得/v", one_of(seq(FOOD.this, DEGREE, FOOD_ADJ),
             seq(READING.this, DEGREE, READ_ADJ), seq(THING.this, DEGREE, THING_ADJ)), END),
    template("请", 3, "请/v", one_of(seq("喝/v", DRINK), seq("吃/v", FOOD), "坐/v",
             "进/v", "休息/v"), one_of("！/pu", "。/pu")),
    template("别", 2, "别/adv", words("v", "哭", "笑", "走", "说话", "睡觉", "迟到"),
             maybe("了/part"), "！/pu"),
    template("穿", 2, PEOPLE, "穿/v 着/part", maybe(seq(THING_ADJ, "的/part"), .6), CLOTHES, END),
    template("坐", 3, PEOPLE, maybe(TIME), "坐/v", words("nn", "公共汽车", "地铁", "火车",
             "飞机", "出租车"), one_of(GO, seq("回/v", words("nn", "家", "学校", "宿舍"))), END),
    template("养", 2, PEOPLE, maybe(one_of("有/v", "养/v")), one_of("养/v", "喜欢/v"), ANIMAL,
             "吗/part", Q),
    template("动物很", 2, ANIMAL.counted, DEGREE, ANIMAL_ADJ, END),
    template("地方", 3, one_of(CITY, PLACE), DEGREE, PLACE_ADJ, END),
    template("回家", 2, PEOPLE, maybe(one_of(TIME, "马上/adv", "已经/adv")), "回/v",
             words("nn", "家", "学校", "宿舍", "公司", "中国"), maybe("了/part"), END),
    template("给打电话", 2, PEOPLE, maybe(TIME, .3), "给/p", PERSON, one_of(
        "打/v 电话/nn", "写/v 信/nn", "做/v 饭/nn"), END),
    template("过", 2, PEOPLE, maybe(one_of("也/adv", "没/adv")), one_of(
        seq("去/v 过/part", CITY), seq("吃/v 过/part", FOOD), seq("看/v 过/part", SHOW)),
        one_of(seq("吗/part", Q), END)),
    template("送", 2, PEOPLE, "送/v", PERSON, one_of(THING.counted, READING.counted), END),
    template("认识", 2, PEOPLE, one_of("认识/v", "喜欢/v", "等/v", "找/v", "爱/v"), PERSON,
             one_of(seq("吗/part", Q), END)),
    template("骑开", 2, PEOPLE, maybe(OFTEN), one_of("骑/v 自行车/nn", "骑/v 马/nn", "开/v 车/nn",
             "打扫/v 房间/nn", "洗/v 衣服/nn", "洗/v 盘子/nn", "开/v 门/nn", "关/v 灯/nn"), END),
    template("教", 2, one_of(NAMES, ROLES, seq(MY, FAMILY)), "教/v", PRONOUNS, SUBJECT, END),
    template("对身体", 1, one_of(FOOD, "运动/nn", "睡觉/v"), "对/p 身体/nn", DEGREE, "好/adj", END),
    template("一起", 3, one_of("我们/nn", "他们/nn", "你们/nn", "大家/nn"), "一起/adv",
             one_of(ACTIVITY, GO), maybe("吧/part", .4), END),
    template("等", 2, PEOPLE, maybe(one_of("常常/adv", "也/adv", "一直/adv")), "等/v", PERSON, END),
]

# --------------------------------------------------------------------------- ambiguous words


@dataclass(frozen=True)
class NounVerb:
    """A word that is a noun (nn) or a verb (v), e.g. 学习."""
    word: str
    after: Part               # what follows the verb (None: nothing)
    adj: tuple[str, ...]      # 计划 很 好
    cl: str | None = None     # 这 个 计划
    gov: tuple[str, ...] = ()   # verbs taking it as object: 喜欢 他 的 计划
    bare: tuple[str, ...] = ()  # ... without 的 or a classifier: 参加 比赛
    doers: Part = PEOPLE      # who does it (verb)
    owners: Part = OWNER      # whose it is (noun): 我 的 计划
    where: Part = one_of("在/p 学校/nn", "在/p 家/nn", "在/p 教室/nn", "在/p 图书馆/nn")
    initial: bool = False     # "学习 很 重要": noun at the start of a sentence
    have: bool = False        # "我 有 一 个 计划"
    thanks: bool = False      # "谢谢 你 的 帮助"


def _verb_frames(e: NounVerb) -> list:
    v = f"{e.word}/v"
    adverb = one_of(OFTEN, "不/adv", "没/adv", "也/adv", "都/adv", "正在/adv", "已经/adv")
    return [
        template("plain", 2, e.doers, maybe(TIME, .4), v, e.after, END),
        template("adverb", 3, e.doers, adverb, v, e.after, END),
        template("modal", 3, e.doers, MODAL, v, e.after, END),
        template("question", 2, e.doers, maybe(MODAL, .5), v, e.after, "吗/part", Q),
        template("where", 2, e.doers, e.where, v, e.after, END),
        template("together", 1, one_of("我们/nn", "他们/nn", "大家/nn"), "一起/adv", v,
                 e.after, maybe("吧/part", .5), END),
    ]


def _noun_frames(e: NounVerb) -> list:
    n = f"{e.word}/nn"
    adj = words("adj", *e.adj)
    out = [template("owner", 3, e.owners, "的/part", n, DEGREE, adj, END),
           template("how", 1, e.owners, "的/part", n, "怎么样/adv", Q),
           template("对", 1, PEOPLE, "对/p", e.owners, "的/part", n, "很/adv 满意/adj", END)]
    if e.cl:
        out.append(template("this", 3, one_of("这/d", "那/d"), f"{e.cl}/m", n, DEGREE, adj, END))
    if e.cl and e.have:
        out.append(template("have", 1, PEOPLE, maybe(FUTURE, .3), "有/v", one_of("一/num", "两/num"),
                            f"{e.cl}/m", n, END))
    if e.gov:
        det = one_of(seq(e.owners, "的/part"), *([seq(one_of("这/d", "一/num"), f"{e.cl}/m")]
                                                 if e.cl else []))
        out.append(template("object", 3, PEOPLE, words("v", *e.gov), maybe("了/part", .3),
                            det, n, END))
    if e.bare:
        out.append(template("bare", 2, PEOPLE, maybe(one_of("也/adv", "都/adv", "还/adv")),
                            words("v", *e.bare), n, END))
    if e.initial:
        out.append(template("initial", 2, n, DEGREE, adj, END))
    if e.thanks:
        out.append(template("thanks", 1, "谢谢/v", one_of("你/nn", "您/nn", "大家/nn", "老师/nn"),
                            "的/part", n, "！/pu"))
    return out


CITY_LIKE = one_of(CITY, "这/d 个/m 城市/nn", "经济/nn", "这/d 个/m 地方/nn", "我们/nn 的/part 学校/nn")
ISSUE = one_of("这/d 个/m 问题/nn", "这/d 件/m 事/nn", "这/d 个/m 情况/nn", "问题/nn")

NOUN_VERBS = [
    NounVerb("学习", SUBJECT, ("重要", "紧张", "忙", "好", "辛苦"), gov=("关心", "影响"),
             initial=True),
    NounVerb("工作", maybe(one_of("了/part 一/num 天/nn", "得/part 很/adv 努力/adj"), .3),
             ("忙", "累", "辛苦", "有意思", "重要", "不错"), cl="份", have=True, gov=("喜欢", "找", "换", "有"),
             where=seq("在/p", one_of(PLACE, CITY)), initial=True),
    NounVerb("计划", seq("去/v", one_of(CITY, PLACE)), ("好", "不错", "简单", "复杂", "重要"),
             cl="个", have=True, gov=("同意", "喜欢", "支持"), bare=("有", "做")),
    NounVerb("研究", one_of("历史/nn", "音乐/nn", "文学/nn", "动物/nn", "语言/nn", ISSUE),
             ("重要", "有意思", "难"), cl="项", gov=("支持", "喜欢"), bare=("做",)),
    NounVerb("发展", seq("得/part", DEGREE, one_of("快/adj", "好/adj")), ("快", "好"),
             gov=("关心", "影响", "支持"), doers=CITY_LIKE, owners=CITY_LIKE,
             where=one_of("也/adv", "一直/adv"), initial=True),
    NounVerb("调查", ISSUE, ("重要", "成功", "认真"), cl="次", gov=("支持",), bare=("参加", "做"),
             doers=one_of(PEOPLE, "警察/nn", "记者/nn")),
    NounVerb("讨论", one_of(ISSUE, "这/d 本/m 书/nn", "明天/nn 的/part 工作/nn", "音乐/nn"),
             ("有意思", "重要", "热烈"), cl="次", bare=("参加",)),
    NounVerb("准备", one_of("早饭/nn", "午饭/nn", "晚饭/nn", "礼物/nn", "考试/nn", "行李/nn"),
             ("重要", "充分", "不错"), bare=("做",), initial=True),
    NounVerb("决定", one_of(seq("去/v", one_of(CITY, PLACE)), seq("学/v", SUBJECT),
                           seq("买/v", THING.counted)),
             ("重要", "正确", "好"), cl="个", gov=("同意", "支持")),
    NounVerb("建议", seq(PRONOUNS, one_of(seq("去/v", PLACE), seq("学/v", SUBJECT), "休息/v")),
             ("好", "不错", "有用"), cl="个", have=True, gov=("同意", "喜欢"), bare=("有",), thanks=True),
    NounVerb("安排", one_of("时间/nn", "工作/nn", "旅行/nn", "会议/nn"), ("好", "不错", "合理"),
             cl="个", gov=("同意", "喜欢"), owners=one_of(OWNER, TIME), thanks=True),
    NounVerb("练习", one_of(LANGUAGE, "钢琴/nn", "口语/nn", "汉字/nn"), ("难", "容易", "简单", "有用"),
             cl="个", bare=("做",)),
    NounVerb("生活", one_of(seq("在/p", CITY), seq("得/part 很/adv", words("adj", "好", "开心", "幸福"))),
             ("好", "忙", "简单", "方便", "幸福", "有意思"), gov=("喜欢", "习惯"),
             owners=one_of(OWNER, CITY), where=seq("在/p", CITY), initial=True),
    NounVerb("希望", one_of(seq("去/v", CITY), seq(PRONOUNS, "能/aux 来/v"), "明天/nn 不/adv 下雨/v"),
             ("大",), bare=("有", "没有")),
    NounVerb("锻炼", maybe("身体/nn"), ("重要", "有用"), where=seq("在/p", one_of(
             "公园/nn", "操场/nn", "家/nn")), initial=True),
    NounVerb("旅行", None, ("有意思", "开心", "愉快", "累"), cl="次", gov=("喜欢",),
             where=seq("去/v", CITY), initial=True),
    NounVerb("考试", None, ("难", "容易", "简单", "重要"), cl="次", have=True, bare=("参加", "准备"),
             where=seq("在/p", one_of("教室/nn", "学校/nn"))),
    NounVerb("比赛", None, ("精彩", "有意思", "激烈"), cl="场", have=True, gov=("喜欢",), bare=("参加", "看"),
             where=seq("在/p", one_of("操场/nn", "公园/nn", "学校/nn"))),
    NounVerb("表演", maybe(one_of("节目/nn", "京剧/nn", "魔术/nn")), ("精彩", "好看", "有意思"),
             cl="场", have=True, gov=("喜欢",), bare=("看",)),
    NounVerb("帮助", PERSON, ("大", "重要"), bare=("需要",), thanks=True),
    NounVerb("回答", one_of("这/d 个/m 问题/nn", "老师/nn 的/part 问题/nn", "问题/nn"),
             ("好", "清楚", "简单", "正确"), cl="个", gov=("喜欢", "同意")),
    NounVerb("检查", one_of("作业/nn", "身体/nn", "车/nn", "护照/nn"), ("简单", "重要"), cl="次",
             bare=("做",)),
    NounVerb("介绍", one_of("这/d 本/m 书/nn", "北京/nn", "中国/nn", "这/d 个/m 城市/nn"),
             ("清楚", "好", "有意思"), gov=("喜欢",), thanks=True),
]

NEED = one_of(DRINK.counted, FOOD.counted, THING.counted, READING.counted)
PLACE_OR_CITY = one_of(PLACE, CITY)

FUNCTION_FRAMES = {
    ("要", "aux"): [
        template("要去", 2, PEOPLE, maybe(FUTURE), "要/aux", one_of(GO, ACTIVITY), END),
        template("也要", 1, PEOPLE, one_of("也/adv", "都/adv", "还/adv"), "要/aux",
                 one_of(GO, ACTIVITY), END),
        template("要吗", 1, PEOPLE, "要/aux", one_of(GO, ACTIVITY), "吗/part", Q)],
    ("要", "v"): [
        template("想要", 3, PEOPLE, maybe(one_of("也/adv", "还/adv", "很/adv", "不/adv"), .4),
                 "想/aux 要/v", NEED, END),
        template("想要什么", 1, PEOPLE, "想/aux 要/v 什么/nn", Q),
        template("想要吗", 1, PEOPLE, "想/aux 要/v", NEED, "吗/part", Q)],
    ("在", "p"): [
        template("在做", 2, PEOPLE, maybe(TIME, .4), "在/p", PLACE_OR_CITY, ACTIVITY, END),
        template("在，", 1, "在/p", PLACE_OR_CITY, "，/pu", PEOPLE, ACTIVITY, END),
        template("住在", 1, PEOPLE, "住/v 在/p", CITY, END)],
    ("在", "v"): [
        template("不在", 3, PEOPLE, one_of("不/adv", "还/adv", "都/adv", "也/adv"), "在/v",
                 PLACE_OR_CITY, END),
        template("不在吗", 1, PEOPLE, one_of("不/adv", "还/adv", "也/adv"), "在/v",
                 PLACE_OR_CITY, "吗/part", Q)],
    ("给", "p"): [
        template("给打", 2, PEOPLE, maybe(TIME, .4), "给/p", PERSON, one_of(
            "打/v 电话/nn", "写/v 信/nn", "做/v 饭/nn", "讲/v 故事/nn", "唱/v 歌/nn",
            seq("买/v 了/part", NEED)), END)],
    ("给", "v"): [
        template("想给", 3, PEOPLE, one_of("想/aux", "要/aux", "会/aux", "没/adv", "不/adv",
                                           "已经/adv"), "给/v", PERSON, NEED, END),
        template("请给", 1, "请/v 给/v", one_of("我/nn", "我们/nn"), NEED, "！/pu")],
    ("对", "p"): [
        template("对好", 3, PEOPLE, "对/p", PERSON, DEGREE, words("adj", "好", "友好", "热情", "严格"),
                 END),
        template("对有用", 1, one_of(READING.this, "音乐/nn", "运动/nn"), "对/p", PRONOUNS, DEGREE,
                 words("adj", "有用", "重要"), END),
        template("对感兴趣", 1, PEOPLE, "对/p", SUBJECT, DEGREE, "感兴趣/adj", END)],
    ("对", "adj"): [
        template("说得对", 2, PEOPLE, "说/v 得/part", maybe(DEGREE), "对/adj", END),
        template("不对", 2, one_of(seq("这/d 个/m", words("nn", "答案", "问题", "办法")),
                                    seq(OWNER, "的/part", words("nn", "答案", "想法", "办法"))),
                 one_of("不/adv", "很/adv", "都/adv", "是/aux"), "对/adj", maybe("的/part"), END),
        template("对，", 1, "对/adj ，/pu", CLAUSE, END)],
    ("过", "part"): [
        template("去过", 3, PEOPLE, maybe(one_of("也/adv", "没/adv", "都/adv")), one_of(
            seq("去/v 过/part", CITY), seq("吃/v 过/part", FOOD), seq("看/v 过/part", SHOW),
            seq("学/v 过/part", SUBJECT), seq("喝/v 过/part", DRINK)), one_of(seq("吗/part", Q), END))],
    ("过", "v"): [
        template("过生日", 3, PEOPLE, maybe(one_of(TIME, "一起/adv", "要/aux", "想/aux", "不/adv")),
                 "过/v", words("nn", "马路", "生日", "春节", "周末", "桥", "河"), END)],
}


def _frames() -> dict[tuple[str, str], list]:
    frames = {}
    for e in NOUN_VERBS:
        frames[e.word, "nn"] = _noun_frames(e)
        frames[e.word, "v"] = _verb_frames(e)
    frames.update(FUNCTION_FRAMES)
    return frames


PINNED = [parse(s) for s in (
    "我/nn 吃/v 苹果/nn", "我/nn 吃/v 苹果/nn 。/pu", "我/nn 吃/v 香蕉/nn", "他/nn 吃/v 苹果/nn",
    "我们/nn 吃/v 苹果/nn", "我/nn 喝/v 茶/nn")]

GRAMMAR = Grammar("zh", TEMPLATES, _frames(), PINNED)
