"""English lexicon and grammar: short tutorial-style sentences, ``I/nn eat/v apples/nn``.

Tokens follow the tokenizer (``rnnviz.text.tokenize``): punctuation and clitics are
separate tokens (``do n't``, ``Tom 's``). Ambiguous words are used so that the
words BEFORE them decide the tag (the tagger reads left to right):

- noun/verb words (book, play, watch, water ...): ``v`` after a subject, an
  adverb, a modal, ``n't``, infinitive ``to`` or ``please``; ``nn`` after a
  determiner (a, the, this, my, 's), an adjective, a verb or a preposition.
- can: ``aux`` after a subject or at the start; ``nn`` after a, the, this.
- like: ``v`` after a subject, adverb or modal; ``p`` after another verb
  (sings like a bird, looks like rain).
- that: ``d`` at the start or after a verb (I like that song); ``c`` after
  think, know, say, hope, sure (I think that ...).
- to: ``part`` after a verb taking an infinitive (want, need, like, try, plan);
  ``p`` after a verb of motion or speech (go, come, walk, talk) and after an
  object (give a book to Tom).
- fast, hard, late, well: ``adj`` after a, be-forms, very, not; ``adv`` after a
  verb or its object (runs fast, speaks English well).
- light: ``nn`` after a, the, this, that; ``adj`` after be-forms and very.
- open, clean: ``adj`` after be-forms, very, a; ``v`` as the noun/verb words.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from .generate import (
    Grammar,
    Part,
    Sentence,
    Slot,
    Template,
    build,
    maybe,
    one_of,
    pair,
    parse,
    seq,
    template,
    words,
)

# --------------------------------------------------------------------------- nouns


@dataclass(frozen=True)
class Noun:
    sg: str
    pl: str | None        # None: a mass noun (bread, water)


class Nouns:
    """Nouns of one meaning category: ``"apple/apples bread"`` (no plural: mass)."""

    def __init__(self, spec: str):
        self.items = tuple(Noun(*(w.split("/") + [None])[:2]) for w in spec.split())
        self.count = tuple(n for n in self.items if n.pl)

    def __call__(self, rng: random.Random) -> Sentence:          # apples, bread
        n = rng.choice(self.items)
        return [(n.pl or n.sg, "nn")]

    def a(self, rng: random.Random) -> Sentence:                 # an apple
        n = rng.choice(self.count)
        return [(article(n.sg), "d"), (n.sg, "nn")]

    def the(self, rng: random.Random) -> Sentence:               # the apple, this bread
        return [_det(rng), (rng.choice(self.items).sg, "nn")]

    def counted(self, rng: random.Random) -> Sentence:           # two apples
        n = rng.choice(self.count)
        return [(rng.choice(NUMBERS), "num"), (n.pl, "nn")]

    def np(self, rng: random.Random) -> Sentence:
        return rng.choice((self, self, self.a, self.the, self.counted))(rng)


def article(word: str) -> str:
    return "an" if word[0] in "aeiou" and not word.startswith(("uni", "use", "eu")) else "a"


def _det(rng: random.Random) -> tuple[str, str]:
    return rng.choice((("the", "d"), ("the", "d"), ("this", "d"), ("my", "nn"), ("your", "nn"),
                       ("his", "nn"), ("her", "nn"), ("our", "nn"), ("their", "nn")))


NUMBERS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty")

FOOD = Nouns("apple/apples banana/bananas orange/oranges pear/pears peach/peaches "
             "egg/eggs cake/cakes cookie/cookies sandwich/sandwiches tomato/tomatoes "
             "potato/potatoes carrot/carrots grape/grapes strawberry/strawberries "
             "dumpling/dumplings noodle/noodles hamburger/hamburgers pizza/pizzas "
             "bread rice meat chicken beef cheese chocolate soup salad candy tofu")
DRINK = Nouns("tea coffee milk juice cola soda lemonade beer wine cocoa")
READING = Nouns("newspaper/newspapers magazine/magazines novel/novels letter/letters "
                "story/stories dictionary/dictionaries comic/comics map/maps poem/poems "
                "menu/menus")
THING = Nouns("pen/pens pencil/pencils bag/bags phone/phones computer/computers bike/bikes "
              "car/cars hat/hats shirt/shirts dress/dresses coat/coats umbrella/umbrellas "
              "cup/cups table/tables chair/chairs key/keys ticket/tickets gift/gifts "
              "toy/toys camera/cameras clock/clocks box/boxes ball/balls kite/kites "
              "picture/pictures lamp/lamps shoe/shoes sweater/sweaters")
ANIMAL = Nouns("cat/cats dog/dogs bird/birds horse/horses cow/cows rabbit/rabbits "
               "panda/pandas tiger/tigers monkey/monkeys duck/ducks pig/pigs "
               "elephant/elephants lion/lions mouse/mice")
ANIMALS = words("nn", *[n.pl for n in ANIMAL.count])
PLACE = words("nn", "school", "park", "library", "hospital", "bank", "shop", "market",
              "supermarket", "restaurant", "zoo", "museum", "office", "station", "airport",
              "cinema", "beach", "garden", "kitchen", "classroom", "farm", "river", "lake")
CITY = words("nn", "Beijing", "Shanghai", "London", "Paris", "Tokyo", "China", "England",
             "Canada", "Japan", "France", "Sydney")
SUBJECT = words("nn", "English", "Chinese", "math", "history", "music", "art", "science",
                "physics", "French", "biology")
SPORT = words("nn", "football", "basketball", "tennis", "chess", "baseball", "volleyball")
INSTRUMENT = seq("the/d", words("nn", "piano", "guitar", "violin", "drums"))
SHOW = one_of("TV/nn", "a/d movie/nn", "the/d news/nn", "a/d film/nn", "cartoons/nn")
MEAL = words("nn", "breakfast", "lunch", "dinner")

TIME = words("nn", "today", "tomorrow", "yesterday", "tonight")
PAST = one_of("yesterday/nn", "last/adj night/nn", "last/adj week/nn", "last/adj year/nn")
FUTURE = one_of("tomorrow/nn", "tonight/nn", "next/adj week/nn", "next/adj year/nn",
                "on/p Sunday/nn", "on/p Monday/nn", "this/d weekend/nn")
HABIT = one_of("every/d day/nn", "every/d morning/nn", "every/d evening/nn", "on/p Sundays/nn",
               "in/p the/d morning/nn", "at/p night/nn", "after/p school/nn")
FREQ = words("adv", "often", "always", "usually", "sometimes", "never", "also")
DEGREE = words("adv", "very", "very", "really", "so", "too")
END = one_of("./pu", "./pu", "./pu", "!/pu")
Q = "?/pu"

FOOD_ADJ = words("adj", "delicious", "sweet", "fresh", "expensive", "cheap", "good", "hot",
                 "cold", "sour", "big", "small")
THING_ADJ = words("adj", "new", "old", "nice", "beautiful", "expensive", "cheap", "big", "small",
                  "red", "blue", "green", "black", "white", "yellow", "dirty", "heavy")
READ_ADJ = words("adj", "interesting", "boring", "new", "old", "long", "short", "funny", "useful")
PERSON_ADJ = words("adj", "happy", "sad", "tired", "busy", "hungry", "thirsty", "clever",
                   "tall", "short", "young", "kind", "friendly", "angry", "sick", "strong",
                   "funny", "beautiful", "ready", "nervous", "brave", "quiet")
ANIMAL_ADJ = words("adj", "cute", "big", "small", "fat", "funny", "clever", "lovely", "quiet")
PLACE_ADJ = words("adj", "big", "small", "beautiful", "quiet", "noisy", "famous", "old", "new")
WEATHER = words("adj", "sunny", "cold", "hot", "warm", "windy", "cloudy", "nice")

# --------------------------------------------------------------------------- people and verbs


@dataclass(frozen=True)
class Subject:
    words: Sentence
    person: str          # "1s", "2", "3s" or "pl": picks am/is/are, eat/eats


PRONOUN_SUBJECTS = (("I", "1s"), ("you", "2"), ("he", "3s"), ("she", "3s"), ("we", "pl"),
                    ("they", "pl"))
NAMES = ("Tom", "Anna", "Lily", "Mike", "Lucy", "Jack", "Mary", "Peter", "Sam", "Emma", "Ben",
         "Kate", "David", "Linda", "Amy", "John", "Sarah", "Li", "Wang", "Alice", "Bob")
KIN = ("mother", "father", "brother", "sister", "friend", "teacher", "grandma", "grandpa",
       "uncle", "aunt", "neighbor", "boss", "doctor", "cousin")
KIN_PL = ("friends", "parents", "brothers", "sisters", "classmates", "children", "students",
          "neighbors", "cousins")
ROLES = ("teacher", "student", "doctor", "nurse", "driver", "farmer", "worker", "singer",
         "writer", "artist", "player", "dancer", "pilot", "lawyer", "engineer", "scientist",
         "waiter", "police officer")
OBJECT_PRONOUNS = words("nn", "me", "you", "him", "her", "us", "them")
POSSESSIVE = words("nn", "my", "your", "his", "her", "our", "their")


def subject(rng: random.Random, *, persons: str = "1s 2 3s pl") -> Subject:
    """A subject whose person is in ``persons``."""
    while True:
        kind = rng.choice(("pron", "pron", "pron", "name", "kin", "kin_pl"))
        if kind == "pron":
            word, person = rng.choice(PRONOUN_SUBJECTS)
            s = Subject([(word, "nn")], person)
        elif kind == "name":
            s = Subject([(rng.choice(NAMES), "nn")], "3s")
        elif kind == "kin":
            s = Subject([_det_person(rng), (rng.choice(KIN), "nn")], "3s")
        else:
            s = Subject([_det_person(rng), (rng.choice(KIN_PL), "nn")], "pl")
        if s.person in persons.split():
            return s


def _det_person(rng: random.Random) -> tuple[str, str]:
    return rng.choice((("my", "nn"), ("my", "nn"), ("your", "nn"), ("his", "nn"), ("her", "nn"),
                       ("our", "nn"), ("the", "d")))


def person_object(rng: random.Random) -> Sentence:           # me, Tom, my mother
    return build(rng, one_of(OBJECT_PRONOUNS, words("nn", *NAMES),
                             seq(POSSESSIVE, words("nn", *KIN))))


@dataclass(frozen=True)
class Verb:
    base: str
    s: str
    past: str
    ing: str


def verb(base: str, past: str | None = None, ing: str | None = None) -> Verb:
    """Regular forms unless given: study -> studies, studied, studying."""
    if base.endswith(("s", "sh", "ch", "x", "o")):
        s = base + "es"
    elif base.endswith("y") and base[-2] not in "aeiou":
        s = base[:-1] + "ies"
    else:
        s = base + "s"
    if past is None and base.endswith("e"):
        past = base + "d"
    elif past is None:
        past = s[:-3] + "ied" if s.endswith("ies") else base + "ed"
    if ing is None:
        ing = base[:-1] + "ing" if base.endswith("e") and not base.endswith("ee") else base + "ing"
    return Verb(base, s, past, ing)


def present(v: Verb, s: Subject) -> tuple[str, str]:
    return (v.s if s.person == "3s" else v.base, "v")


def be(s: Subject, past: bool = False) -> tuple[str, str]:
    if past:
        return ("was" if s.person in ("1s", "3s") else "were", "aux")
    return ({"1s": "am", "3s": "is"}.get(s.person, "are"), "aux")


def do(s: Subject, past: bool = False) -> tuple[str, str]:
    return ("did" if past else "does" if s.person == "3s" else "do", "aux")


EAT, DRINK_V, READ = verb("eat", "ate"), verb("drink", "drank"), verb("read", "read")
BUY, HAVE, WANT = verb("buy", "bought"), Verb("have", "has", "had", "having"), verb("want")
LIKE, LOVE, NEED = verb("like"), verb("love"), verb("need")
GO = Verb("go", "goes", "went", "going")

# A verb with the objects it makes sense with; none of these is ambiguous.
TRANSITIVE: list[tuple[Verb, Part]] = [
    (EAT, one_of(FOOD, FOOD.a, FOOD.the, FOOD.counted)),
    (verb("buy", "bought"), one_of(FOOD.np, THING.a, THING.the, THING.counted, READING.a)),
    (READ, one_of(READING.a, READING.the, "the/d newspaper/nn")),
    (verb("write", "wrote", "writing"), one_of(READING.a, "a/d song/nn", "an/d email/nn")),
    (verb("want"), one_of(FOOD.a, THING.a, DRINK, THING.counted)),
    (verb("need"), one_of(THING.a, THING.the, DRINK, THING.counted)),
    (verb("love"), one_of(FOOD, ANIMAL, SPORT, SUBJECT, person_object)),
    (verb("sell", "sold"), one_of(FOOD, THING.counted, THING)),
    (verb("carry", "carried"), one_of(THING.a, THING.the)),
    (verb("find", "found"), one_of(THING.the, THING.a)),
    (verb("lose", "lost"), one_of(THING.the, THING.a)),
    (verb("wash", "washed"), one_of(THING.the, "the/d dishes/nn", "my/nn hands/nn",
                                    "the/d car/nn", "the/d clothes/nn")),
    (verb("wear", "wore"), one_of("a/d hat/nn", "a/d coat/nn", "glasses/nn", "a/d dress/nn",
                                  "a/d red/adj shirt/nn", "black/adj shoes/nn")),
    (verb("draw", "drew"), one_of(ANIMAL.a, "a/d picture/nn", "a/d map/nn")),
    (verb("sing", "sang"), one_of("a/d song/nn", "songs/nn")),
    (verb("speak", "spoke"), SUBJECT),
    (verb("learn"), SUBJECT),
    (verb("teach", "taught"), SUBJECT),
    (verb("meet", "met"), person_object),
    (verb("know", "knew"), person_object),
    (verb("feed", "fed"), ANIMAL.the),
    (verb("see", "saw"), one_of(ANIMAL.a, ANIMAL.the, person_object, ANIMAL.counted)),
    (verb("ride", "rode"), one_of("a/d bike/nn", "a/d horse/nn", "my/nn bike/nn")),
    (verb("drive", "drove"), one_of("a/d car/nn", "a/d bus/nn", "a/d taxi/nn", "my/nn car/nn")),
    (verb("make", "made"), one_of("a/d cake/nn", "tea/nn", "coffee/nn", "a/d kite/nn",
                                  "dinner/nn", "a/d sandwich/nn")),
    (verb("finish", "finished"), one_of("my/nn homework/nn", "the/d homework/nn",
                                        "the/d book/nn", "lunch/nn")),
    (verb("close"), one_of("the/d door/nn", "the/d window/nn", "the/d box/nn", "my/nn eyes/nn")),
]
INTRANSITIVE = [verb("swim", "swam", "swimming"), verb("sleep", "slept"), verb("sing", "sang"),
                verb("laugh"), verb("cry", "cried"), verb("smile"), verb("jump"),
                verb("sit", "sat", "sitting"), verb("stay"), verb("wait"), verb("read", "read"),
                verb("travel", "traveled"), verb("arrive")]


def vp_base(rng: random.Random) -> Sentence:
    """A base-form verb phrase: eat apples, swim."""
    if rng.random() < 0.75:
        v, obj = rng.choice(TRANSITIVE)
        return [(v.base, "v")] + build(rng, obj)
    return [(rng.choice(INTRANSITIVE).base, "v")]


def vp_present(rng: random.Random, s: Subject) -> Sentence:
    if rng.random() < 0.75:
        v, obj = rng.choice(TRANSITIVE)
        return [present(v, s)] + build(rng, obj)
    return [present(rng.choice(INTRANSITIVE), s)]


def vp_past(rng: random.Random) -> Sentence:
    if rng.random() < 0.75:
        v, obj = rng.choice(TRANSITIVE)
        return [(v.past, "v")] + build(rng, obj)
    return [(rng.choice(INTRANSITIVE).past, "v")]


def vp_ing(rng: random.Random) -> Sentence:
    if rng.random() < 0.75:
        v, obj = rng.choice(TRANSITIVE)
        return [(v.ing, "v")] + build(rng, obj)
    return [(rng.choice(INTRANSITIVE).ing, "v")]


MODAL = words("aux", "will", "can", "should", "must", "could", "may", "would")


def clause(rng: random.Random) -> Sentence:
    """A short clause for and / but / because / if."""
    s = subject(rng)
    kind = rng.choice(("vp", "adj", "modal", "neg", "like"))
    if kind == "vp":
        return s.words + vp_present(rng, s)
    if kind == "adj":
        return s.words + [be(s)] + build(rng, maybe(DEGREE, .4), PERSON_ADJ)
    if kind == "modal":
        return s.words + build(rng, MODAL) + vp_base(rng)
    if kind == "neg":
        return s.words + [do(s), ("n't", "part")] + vp_base(rng)
    return s.words + [present(LIKE, s)] + build(rng, one_of(FOOD, DRINK, ANIMALS))


# --------------------------------------------------------------------------- general templates

def t_eat(r):                                    # I eat apples .
    s = subject(r, persons="1s 2 pl") if r.random() < .6 else subject(r)
    return s.words + build(r, maybe(FREQ, .3)) + [present(EAT, s)] + build(
        r, FOOD, maybe(END, .7))


def t_drink(r):
    s = subject(r)
    return s.words + build(r, maybe(FREQ, .3)) + [present(DRINK_V, s)] + build(r, DRINK, END)


def t_like(r):
    s = subject(r)
    return s.words + build(r, maybe(FREQ, .2)) + [present(LIKE, s)] + build(
        r, one_of(FOOD, DRINK, ANIMALS, SPORT, SUBJECT), END)


def t_dont_like(r):
    s, past = subject(r), r.random() < .3
    return s.words + [do(s, past), r.choice((("n't", "part"), ("not", "part")))] + build(
        r, one_of(seq("like/v", one_of(FOOD, DRINK, SPORT, SUBJECT)), vp_base), END)


def t_do_question(r):
    s, past = subject(r), r.random() < .3
    return [do(s, past)] + s.words + build(r, one_of(
        seq("like/v", one_of(FOOD, DRINK, SPORT, SUBJECT)), vp_base,
        seq("want/v", one_of(FOOD.a, DRINK, THING.a)))) + [("?", "pu")]


def t_wh_question(r):
    s = subject(r)
    wh = r.choice((("what", "nn"), ("what", "nn"), ("where", "adv"), ("why", "adv"),
                   ("when", "adv"), ("how", "adv")))
    verbs = {"what": ("eat", "drink", "want", "need", "buy", "read", "like", "see"),
             "where": ("live", "sleep", "swim", "eat", "wait", "stay"),
             "why": ("cry", "laugh", "swim", "sleep", "wait", "eat"),
             "when": ("sleep", "eat", "swim", "arrive", "leave"),
             "how": ("feel", "travel", "learn")}[wh[0]]
    return [wh, do(s, r.random() < .3)] + s.words + [(r.choice(verbs), "v"), ("?", "pu")]


def t_where_is(r):
    return build(r, one_of(
        seq("where/adv", one_of(seq("is/aux", one_of(THING.the, ANIMAL.the)),
                                seq("are/aux", one_of("the/d children/nn", "my/nn keys/nn",
                                                      "my/nn shoes/nn", "you/nn", "they/nn")))),
        seq("who/nn is/aux", one_of(seq(POSSESSIVE, words("nn", *KIN)), words("nn", *NAMES))),
        seq("what/nn is/aux", POSSESSIVE, one_of("name/nn", "job/nn", "address/nn"))), Q)


def t_be_adj(r):
    s = subject(r)
    return s.words + [be(s, r.random() < .3)] + build(
        r, maybe("not/part", .2), maybe(DEGREE, .5), PERSON_ADJ, END)


def t_be_role(r):
    s = subject(r, persons="1s 2 3s")
    role = r.choice(ROLES)
    return s.words + [be(s)] + build(r, maybe("not/part", .2)) + [
        (article(role), "d")] + [(w, "nn") for w in role.split()] + build(r, END)


def t_thing_adj(r):
    return build(r, one_of(seq(THING.the, "is/aux", maybe(DEGREE, .5), THING_ADJ),
                           seq(READING.the, "is/aux", maybe(DEGREE, .5), READ_ADJ),
                           seq(ANIMAL.the, "is/aux", maybe(DEGREE, .5), ANIMAL_ADJ),
                           seq(FOOD.the, "is/aux", maybe(DEGREE, .5), FOOD_ADJ),
                           seq("the/d", PLACE, "is/aux", maybe(DEGREE, .5), PLACE_ADJ),
                           seq(CITY, "is/aux", maybe(DEGREE, .5), PLACE_ADJ)), END)


def t_go(r):
    s, past = subject(r), r.random() < .4
    v = (GO.past, "v") if past else present(GO, s)
    return s.words + [v] + build(r, "to/p", one_of(seq("the/d", PLACE), CITY, "school/nn",
                                                   "bed/nn"),
                                 maybe(PAST if past else one_of(HABIT, FUTURE), .4), END)


def t_want_to(r):
    s = subject(r)
    v = r.choice((WANT, NEED, LIKE, LOVE, verb("try", "tried"), verb("hope"), verb("learn")))
    return s.words + [present(v, s), ("to", "part")] + vp_base(r) + build(r, END)


def t_modal(r):
    s = subject(r)
    return s.words + build(r, MODAL, maybe("not/part", .2)) + vp_base(r) + build(
        r, maybe(FUTURE, .3), END)


def t_cant(r):                                   # I ca n't swim (typed: I can't swim)
    s = subject(r)
    aux = one_of("ca/aux", "wo/aux", "did/aux", "should/aux", "could/aux", lambda _: [do(s)])
    return s.words + build(r, aux, "n't/part") + vp_base(r) + build(r, END)


def t_can_question(r):
    s = subject(r)
    return build(r, one_of("can/aux", "will/aux", "could/aux", "should/aux")) + s.words + \
        vp_base(r) + [("?", "pu")]


def t_have(r):
    s = subject(r)
    return s.words + [present(HAVE, s) if r.random() < .7 else (HAVE.past, "v")] + build(
        r, one_of(THING.a, THING.counted, ANIMAL.a, ANIMAL.counted, READING.a,
                  seq("a/d", THING_ADJ, one_of(*[f"{n.sg}/nn" for n in THING.count])),
                  seq("many/adj", one_of(*[f"{n.pl}/nn" for n in READING.count]))), END)


def t_how_many(r):
    s = subject(r, persons="2 pl 1s")
    things = [n.pl for n in THING.count + ANIMAL.count + READING.count]
    return [("how", "adv"), ("many", "adj"), (r.choice(things), "nn"), do(s)] + s.words + [
        ("have", "v"), ("?", "pu")]


def t_and(r):
    a, b = subject(r, persons="3s"), subject(r, persons="1s 3s")
    if a.words == b.words:
        return []
    return a.words + [("and", "c")] + b.words + build(r, maybe("often/adv", .2)) + [
        (LIKE.base if r.random() < .5 else EAT.base, "v")] + build(r, FOOD, END)


def t_food_and(r):
    s = subject(r)
    return s.words + [present(r.choice((LIKE, EAT, BUY, WANT)), s)] + build(
        r, pair(FOOD, "and/c"), END)


def t_or(r):
    return build(r, one_of("do/aux you/nn want/v", "would/aux you/nn like/v"),
                 one_of(pair(DRINK, "or/c"), pair(FOOD, "or/c")), Q)


def t_progressive(r):
    s = subject(r)
    return s.words + [be(s)] + build(r, maybe(one_of("not/part", "still/adv"), .2)) + \
        vp_ing(r) + build(r, maybe("now/adv", .3), END)


def t_past(r):
    s = subject(r)
    return s.words + vp_past(r) + build(r, maybe(PAST, .6), END)


def t_in_place(r):
    s = subject(r)
    return s.words + vp_present(r, s) + build(r, one_of("in/p", "at/p", "near/p"),
                                               "the/d", PLACE, END)


def t_possessive(r):
    return build(r, words("nn", *NAMES), "'s/part", one_of(
        seq(words("nn", *[n.sg for n in THING.count]), "is/aux", maybe(DEGREE, .4), THING_ADJ),
        seq(words("nn", *[n.sg for n in ANIMAL.count]), "is/aux", maybe(DEGREE, .4), ANIMAL_ADJ),
        seq(words("nn", *KIN), "is/aux", one_of(seq(maybe(DEGREE, .4), PERSON_ADJ),
                                                 seq("a/d", words("nn", "teacher", "doctor",
                                                                  "nurse", "driver"))))), END)


def t_be_in(r):
    s = subject(r)
    return s.words + [be(s, r.random() < .3)] + build(
        r, one_of(seq("in/p", one_of(seq("the/d", PLACE), CITY)),
                  seq("at/p", one_of("home/nn", "school/nn"))), END)


def t_on_table(r):
    return build(r, one_of(THING.the, READING.the, ANIMAL.the), "is/aux",
                 one_of("on/p", "under/p", "near/p", "in/p"), "the/d",
                 words("nn", "table", "bed", "chair", "box", "desk", "sofa", "bag"), END)


def t_but(r):
    return clause(r) + [(",", "pu"), ("but", "c")] + clause(r) + build(r, END)


REASONS = (  # (what we do, why): the same subject in both clauses
    ("want/v to/part eat/v", FOOD.a, "hungry/adj"),
    ("want/v to/part drink/v", DRINK, "thirsty/adj"),
    ("want/v to/part sleep/v", None, "tired/adj"),
    ("want/v to/part go/v to/p", "bed/nn", "tired/adj"),
    ("want/v to/part stay/v at/p", "home/nn", "sick/adj"),
    ("do/aux n't/part want/v to/part go/v to/p", seq("the/d", PLACE), "busy/adj"),
    ("want/v to/part sing/v", None, "happy/adj"), ("want/v to/part cry/v", None, "sad/adj"))


def t_because(r):                                # I want to sleep because I am tired .
    s = subject(r, persons="1s 2 pl")
    does, what, why = r.choice(REASONS)
    return s.words + build(r, does, what, "because/c") + s.words + [be(s)] + build(
        r, maybe(DEGREE, .4), why, END)


def t_if(r):
    return build(r, "if/c it/nn is/aux", WEATHER, ",/pu", one_of("we/nn", "I/nn", "they/nn"),
                 "will/aux", one_of(seq("go/v to/p the/d", PLACE), vp_base), END)


def t_please(r):
    return build(r, "please/adv", one_of(vp_base, seq("sit/v", "down/adv"), "close/v the/d door/nn",
                                         "wait/v for/p me/nn"), one_of("!/pu", "./pu"))


def t_give(r):
    s, past = subject(r), r.random() < .5
    v = ("gave", "v") if past else present(verb("give", "gave"), s)
    return s.words + [v] + person_object(r) + build(r, one_of(
        THING.a, READING.a, FOOD.a, THING.counted), END)


def t_than(r):
    a = subject(r, persons="1s 3s")
    return a.words + [be(a)] + build(r, words("adj", "taller", "older", "younger", "smaller",
                                                "bigger", "stronger"),
                                     "than/c", one_of(OBJECT_PRONOUNS, words("nn", *NAMES)), END)


def t_greeting(r):
    return build(r, one_of(
        seq("how/adv are/aux you/nn", Q), seq("I/nn am/aux", one_of("fine/adj", "good/adj",
                                                                     "okay/adj"), END),
        seq("thank/v you/nn", one_of("!/pu", "./pu")),
        seq("my/nn name/nn is/aux", words("nn", *NAMES), END),
        seq("nice/adj to/part meet/v you/nn", END)))


def t_live(r):
    s = subject(r)
    return s.words + [present(verb("live"), s), ("in", "p")] + build(r, CITY, END)


def t_weather(r):
    return build(r, "it/nn", one_of(seq("is/aux", maybe(DEGREE, .4), WEATHER, maybe("today/nn")),
                                    seq("was/aux", maybe(DEGREE, .4), WEATHER, maybe(PAST))), END)


def t_with(r):
    s = subject(r)
    return s.words + vp_present(r, s) + [("with", "p")] + person_object(r) + build(r, END)


def t_never(r):
    s = subject(r)
    return s.words + build(r, FREQ) + vp_present(r, s) + build(r, maybe(HABIT, .4), END)


def t_cup_of(r):
    s = subject(r)
    return s.words + [present(r.choice((WANT, NEED, HAVE, verb("order"))), s)] + build(
        r, one_of(seq("a/d", words("nn", "cup", "glass", "bottle")),
                  seq(words("num", "two", "three"), words("nn", "cups", "glasses", "bottles"))),
        "of/p", DRINK, END)


TEMPLATES = [template(fn.__name__[2:], w, fn) for fn, w in (
    (t_eat, 8), (t_drink, 4), (t_like, 5), (t_dont_like, 4), (t_do_question, 4),
    (t_wh_question, 3), (t_where_is, 2), (t_be_adj, 4), (t_be_role, 3), (t_thing_adj, 5),
    (t_go, 4), (t_want_to, 4), (t_modal, 4), (t_cant, 2), (t_can_question, 3), (t_have, 4),
    (t_how_many, 2),
    (t_and, 2), (t_food_and, 2), (t_or, 2), (t_progressive, 4), (t_past, 4), (t_in_place, 3),
    (t_possessive, 3), (t_be_in, 2), (t_on_table, 3), (t_but, 2), (t_because, 2), (t_if, 2),
    (t_please, 2), (t_give, 2), (t_than, 2), (t_greeting, 1), (t_live, 2), (t_weather, 2),
    (t_with, 2), (t_never, 3), (t_cup_of, 2))]

# --------------------------------------------------------------------------- ambiguous words


def _subj(persons: str = "1s 2 3s pl") -> Slot:
    return lambda r: subject(r, persons=persons).words


def _subject_verb(*verbs: Verb) -> Slot:
    """A subject and one of ``verbs``, present (agreeing) or past: she swims, we swam."""
    def slot(r: random.Random) -> Sentence:
        s, v = subject(r), r.choice(verbs)
        return s.words + [present(v, s) if r.random() < .7 else (v.past, "v")]
    return slot


def _subject_be(r: random.Random) -> Sentence:                # I am, they were
    s = subject(r)
    return s.words + [be(s, r.random() < .3)]


@dataclass(frozen=True)
class NounVerb:
    """A word that is a noun (nn) or a verb (v), e.g. book."""
    word: str
    after: Part                 # what follows the verb (None: nothing)
    adj: tuple[str, ...]        # the book is interesting
    gov: tuple[Verb, ...]       # verbs taking it as object: read a book
    count: bool = True          # a book; False: water, help (no "a")
    bare: bool = False          # the object may be bare: drink water, eat fish
    extra: tuple[Part, ...] = ()  # more noun frames, written out


def _verb_frames(word: str, after: Part) -> list[Template]:
    """``word`` as a verb after a subject, adverb, modal, n't/not, to or please."""
    v = f"{word}/v"

    def negative(r):                                          # she does n't
        s = subject(r)
        return s.words + [do(s, r.random() < .3), r.choice((("n't", "part"), ("not", "part")))]

    def question(r):                                          # do you
        s = subject(r)
        return [do(s, r.random() < .3)] + s.words

    want_to = seq(_subject_verb(WANT, NEED, LIKE, LOVE, verb("try", "tried")), "to/part")
    return [template("plain", 3, _subj("1s 2 pl"), maybe(FREQ, .4), v, after, END),
            template("modal", 3, _subj(), MODAL, maybe("not/part", .15), v, after, END),
            template("negative", 2, negative, v, after, END),
            template("question", 2, question, v, after, Q),
            template("to", 2, want_to, v, after, END),
            template("please", 1, "please/adv", v, after, one_of("!/pu", "./pu"))]


def _noun_frames(e: NounVerb) -> list[Template]:
    """``e.word`` as a noun after a determiner, possessive, adjective or verb."""
    n = f"{e.word}/nn"
    the = one_of(seq("the/d", n), seq("this/d", n), seq(POSSESSIVE, n),
                 seq(words("nn", *NAMES), "'s/part", n))

    def adj_n(r):                                             # a good cook, the cold water
        a = r.choice(e.adj)
        return [(article(a) if e.count else "the", "d"), (a, "adj"), (e.word, "nn")]

    objects = [seq(lambda r: [_det(r)], n), adj_n]
    objects += [lambda r: [(article(e.word), "d"), (e.word, "nn")]] if e.count else []
    objects += [n] if e.bare else []
    return [template("is", 3, the, one_of("is/aux", "was/aux"), maybe(DEGREE, .4),
                     words("adj", *e.adj), END),
            template("object", 4, _subject_verb(*e.gov), one_of(*objects), END),
            template("where", 1, "where/adv is/aux", one_of(seq(POSSESSIVE, n), seq("the/d", n)),
                     Q),
            *[template("extra", 2, part, END) for part in e.extra]]


def _go_for(word: str) -> Slot:                               # I go for a long walk
    return seq(_subject_verb(GO), "for/p a/d", maybe(words("adj", "long", "short", "quick"), .4),
               f"{word}/nn")


def _be_a(word: str, adj: tuple[str, ...]) -> Slot:           # he is a good cook
    def slot(r):
        s, a = subject(r, persons="1s 2 3s"), r.choice(adj)
        return s.words + [be(s), (article(a), "d"), (a, "adj"), (word, "nn")]
    return slot


NOUN_VERBS = [
    NounVerb("book", one_of("a/d room/nn", "a/d table/nn", "two/num tickets/nn",
                            "a/d ticket/nn", "a/d hotel/nn", "a/d taxi/nn"),
             ("new", "old", "interesting", "good", "boring", "heavy", "useful"),
             (READ, BUY, WANT, NEED, verb("find", "found"), verb("lose", "lost"))),
    NounVerb("play", one_of(SPORT, INSTRUMENT, "games/nn", seq("with/p", person_object)),
             ("funny", "long", "good", "boring", "interesting", "short"),
             (verb("see", "saw"), LOVE, verb("enjoy"), verb("write", "wrote"))),
    NounVerb("watch", one_of(SHOW, "the/d game/nn", "the/d birds/nn", "the/d stars/nn"),
             ("new", "nice", "expensive", "old", "cheap", "beautiful"),
             (BUY, WANT, NEED, verb("find", "found"), verb("lose", "lost"), verb("wear", "wore"))),
    NounVerb("run", maybe(one_of("in/p the/d park/nn", "every/d morning/nn", "to/p school/nn",
                                 "with/p my/nn dog/nn", "after/p school/nn")),
             ("long", "short", "good", "nice"), (verb("enjoy"), NEED), extra=(_go_for("run"),)),
    NounVerb("drink", DRINK, ("cold", "hot", "sweet", "nice", "good"),
             (WANT, NEED, HAVE, BUY, verb("order"))),
    NounVerb("visit", one_of(person_object, CITY, seq("the/d", words(
                 "nn", "museum", "zoo", "park", "farm", "library"))),
             ("short", "long", "nice", "important"), (verb("enjoy"), verb("remember"), LOVE)),
    NounVerb("walk", maybe(one_of("to/p school/nn", "in/p the/d park/nn", "with/p my/nn dog/nn",
                                  "to/p the/d station/nn")),
             ("long", "short", "nice", "good"), (verb("take", "took"), verb("enjoy"), NEED),
             extra=(_go_for("walk"),)),
    NounVerb("cook", one_of(MEAL, "rice/nn", "noodles/nn", "soup/nn", "eggs/nn", "chicken/nn"),
             ("good", "friendly", "busy", "tired", "famous"),
             (verb("know", "knew"), LIKE, NEED, verb("meet", "met")),
             extra=(_be_a("cook", ("good", "great", "bad", "famous")),)),
    NounVerb("fish", maybe(one_of("in/p the/d river/nn", "in/p the/d lake/nn",
                                  "with/p my/nn father/nn", "on/p Sundays/nn")),
             ("fresh", "big", "small", "delicious"),
             (EAT, BUY, verb("catch", "caught"), LIKE, WANT, verb("see", "saw")), bare=True),
    NounVerb("water", one_of("the/d flowers/nn", "the/d garden/nn", "the/d plants/nn",
                             "the/d trees/nn"),
             ("cold", "hot", "warm", "dirty"), (DRINK_V, NEED, WANT, HAVE, BUY), count=False,
             bare=True,
             extra=(seq(_subject_verb(WANT, NEED, DRINK_V), "a/d glass/nn of/p water/nn"),)),
    NounVerb("call", person_object, ("short", "long", "important"),
             (verb("get", "got"), verb("answer"), verb("miss"), verb("make", "made"))),
    NounVerb("work", maybe(one_of("in/p a/d bank/nn", "at/p the/d hospital/nn", "at/p home/nn",
                                  "in/p an/d office/nn", "on/p Sundays/nn", "every/d day/nn")),
             ("interesting", "important", "boring", "good", "new"),
             (LIKE, LOVE, verb("finish"), verb("enjoy")), count=False,
             extra=(seq(_subj("1s 2 pl"), words("v", "read", "swim", "rest", "sleep"),
                        "after/p work/nn"),)),
    NounVerb("study", one_of(SUBJECT, seq("in/p the/d", words("nn", "library", "classroom")),
                             "every/d day/nn"),
             ("quiet", "small", "big", "warm"), (LIKE, NEED, verb("paint", "painted"))),
    NounVerb("plan", seq("to/part", vp_base), ("good", "simple", "great", "new", "bad", "clever"),
             (HAVE, LIKE, NEED, verb("make", "made"), verb("change"))),
    NounVerb("help", person_object, ("important", "great", "useful"), (NEED, WANT), count=False,
             bare=True, extra=(seq("thank/v you/nn for/p", POSSESSIVE, "help/nn"),)),
    NounVerb("dance", maybe(one_of("together/adv", "every/d night/nn", "at/p the/d party/nn",
                                   seq("with/p", person_object))),
             ("beautiful", "long", "new", "slow"), (verb("learn"), LIKE, LOVE, verb("see", "saw"))),
]

# --------------------------------------------------------------------------- other ambiguous words

LIKE_A = ((verb("sing", "sang"), ("bird", "star")), (verb("swim", "swam"), ("fish", "duck")),
          (verb("eat", "ate"), ("pig", "bird", "horse")), (verb("sleep", "slept"), ("baby", "cat")),
          (verb("talk"), ("teacher", "baby")), (verb("jump"), ("rabbit", "monkey")),
          (verb("dance"), ("star", "bird")))


def _like_a(r: random.Random) -> Sentence:                    # she swims like a fish
    v, animals = r.choice(LIKE_A)
    return _subject_verb(v)(r) + [("like", "p"), ("a", "d"), (r.choice(animals), "nn")]


def _adverb(word: str, *verbs: Verb, obj: Part = None) -> Slot:
    """Subject, verb (+ object), then ``word`` as an adverb: he runs fast."""
    return seq(_subject_verb(*verbs), obj, f"{word}/adv")


def _modal_adverb(word: str, *verbs: str) -> Slot:           # she can swim well
    return seq(_subj(), MODAL, words("v", *verbs), f"{word}/adv")


def _be_adj(word: str, subjects: Part = None, *, negate: bool = True) -> Slot:
    """``word`` as an adjective after be: the train is late, I am not well.
    ``negate``: "not" may come before it (not for open/clean: "not open" is also a verb)."""
    no = maybe("not/part", .2) if negate else None
    if subjects is None:
        return seq(_subject_be, no, f"{word}/adj")
    return seq(subjects, one_of("is/aux", "was/aux"), no, maybe(DEGREE, .4), f"{word}/adj")


def _the(*nouns: str, possessed: tuple[str, ...] = ()) -> Slot:   # the door / my bag
    return one_of(seq("the/d", words("nn", *nouns)), *([seq(POSSESSIVE, words("nn", *possessed))]
                                                        if possessed else []))


VEHICLES = _the("train", "bus", "car", "horse", "bike", "plane", possessed=("car", "bike", "horse"))
HEAVY_THING = _the("bag", "box", "coat", "chair", "table", "camera",
                   possessed=("bag", "coat", "phone"))
DOORS = _the("door", "shop", "window", "bank", "museum", "box", "library",
             possessed=("door", "window", "bag"))
ROOMS = _the("room", "kitchen", "table", "car", "street", "river",
             possessed=("room", "hands", "car"))
RAIN_WHEN = maybe(one_of("tomorrow/nn", "tonight/nn", "again/adv", "today/nn"), .5)

FUNCTION_FRAMES = {
    ("can", "aux"): [
        template("I can", 2, _subj(), "can/aux", maybe("not/part", .2), vp_base, END),
        template("can you", 1, "can/aux", _subj(), vp_base, Q)],
    ("can", "nn"): [
        template("can of", 3, _subject_verb(WANT, NEED, BUY, HAVE, verb("find", "found")),
                 one_of("a/d", "the/d"), "can/nn of/p",
                 one_of(DRINK, words("nn", "beans", "soup", "peaches", "tomatoes")), END),
        template("the can is", 2, one_of("the/d", "this/d", POSSESSIVE), "can/nn is/aux",
                 maybe("not/part", .2), words("adj", "empty", "full", "cold", "heavy", "old"), END),
        template("open the can", 1, "please/adv open/v", one_of("the/d", "this/d"), "can/nn", END),
        template("where is the can", 1, "where/adv is/aux", one_of("the/d", "my/nn"), "can/nn", Q)],
    ("like", "v"): [
        template("I like", 2, _subj("1s 2 pl"), maybe(FREQ, .3), "like/v",
                 one_of(FOOD, DRINK, ANIMALS, SPORT, SUBJECT), END),
        template("would like", 1, _subj(), "would/aux like/v", one_of(FOOD.a, THING.a, DRINK),
                 END)],
    ("like", "p"): [
        template("swims like a fish", 3, _like_a, END),
        template("looks like", 2, _subject_verb(verb("look")), "like/p", one_of(
            person_object, seq("a/d", words("nn", "teacher", "doctor", "singer", "dancer"))), END),
        template("tastes like", 1, one_of("it/nn", "this/d soup/nn", "the/d cake/nn"),
                 one_of("tastes/v", "tasted/v"), "like/p",
                 words("nn", "chicken", "chocolate", "candy", "cheese"), END),
        template("sounds like rain", 1, "it/nn", one_of("looks/v", "sounds/v"), "like/p rain/nn",
                 END)],
    ("that", "d"): [
        template("that book is", 3, "that/d", words(
            "nn", "dog", "cat", "song", "house", "car", "girl", "boy", "man", "bag", "hat",
            "movie", "picture", "restaurant"), one_of("is/aux", "was/aux"), maybe(DEGREE, .4),
            words("adj", "nice", "new", "old", "big", "beautiful", "funny", "expensive"), END),
        template("like that song", 3, _subject_verb(LIKE, LOVE, WANT, NEED, BUY,
                                                    verb("sell", "sold")),
                 "that/d", words("nn", "song", "hat", "movie", "dress", "picture", "restaurant",
                                 "story", "game", "car", "color"), END)],
    ("that", "c"): [
        template("think that", 4, _subject_verb(verb("think", "thought"), verb("know", "knew"),
                                                verb("say", "said"), verb("hope")),
                 "that/c", clause, END),
        template("sure that", 1, _subject_be, "sure/adj that/c", clause, END)],
    ("to", "part"): [
        template("want to", 1, _subject_verb(WANT, NEED, LIKE, LOVE, verb("try", "tried")),
                 "to/part", vp_base, END)],
    ("to", "p"): [
        template("go to", 2, _subject_verb(GO, verb("come", "came")), "to/p",
                 one_of(seq("the/d", PLACE), CITY), END),
        template("talk to", 1, _subject_verb(verb("talk"), verb("write", "wrote"),
                                             verb("speak", "spoke")), "to/p", person_object, END),
        template("give to", 2, _subject_verb(verb("give", "gave"), verb("send", "sent"),
                                             verb("show", "showed")),
                 one_of(THING.a, READING.a, THING.the), "to/p", person_object, END)],
    ("fast", "adj"): [
        template("is fast", 2, _be_adj("fast", VEHICLES), END),
        template("a fast", 2, _subject_verb(HAVE, WANT, verb("ride", "rode"),
                                            verb("drive", "drove")),
                 "a/d fast/adj", words("nn", "car", "horse", "bike", "computer", "train"), END)],
    ("fast", "adv"): [
        template("swims fast", 3, _adverb("fast", verb("swim", "swam"), verb("drive", "drove"),
                                          verb("eat", "ate"), verb("talk"), verb("learn"),
                                          verb("speak", "spoke")), END),
        template("can swim fast", 1, _modal_adverb("fast", "swim", "drive", "read", "learn"), END)],
    ("hard", "adj"): [
        template("is hard", 3, _be_adj("hard", one_of(
            _the("test", "question", "exam", "game", "homework"), SUBJECT,
            seq("this/d", words("nn", "test", "question", "job")))), END),
        template("a hard", 1, _subject_verb(HAVE, verb("ask", "asked")), "a/d hard/adj",
                 words("nn", "question", "test", "job", "day"), END)],
    ("hard", "adv"): [
        template("tries hard", 3, _adverb("hard", verb("try", "tried"), verb("push"),
                                          verb("practice"), verb("think", "thought"),
                                          verb("learn")), END),
        template("studies math hard", 1, _adverb("hard", verb("study", "studied"),
                                                 verb("learn"), obj=SUBJECT), END)],
    ("late", "adj"): [
        template("I am late", 3, _be_adj("late"), END),
        template("the bus is late", 2, _be_adj("late", _the(
            "bus", "train", "plane", "teacher", possessed=("bus", "friend"))), END),
        template("a late lunch", 1, _subject_verb(HAVE, EAT), "a/d late/adj",
                 words("nn", "lunch", "dinner", "breakfast"), END)],
    ("late", "adv"): [
        template("came late", 3, _adverb("late", verb("come", "came"), verb("arrive"),
                                         verb("sleep", "slept"), verb("stay"),
                                         verb("leave", "left")), END),
        template("went to bed late", 1, _adverb("late", GO, obj="to/p bed/nn"), END)],
    ("well", "adj"): [
        template("I am well", 3, _be_adj("well"), END),
        template("are you well", 1, one_of("are/aux you/nn", "is/aux he/nn", "is/aux she/nn"),
                 "well/adj", Q)],
    ("well", "adv"): [
        template("sings well", 3, _adverb("well", verb("sing", "sang"), verb("swim", "swam"),
                                          verb("draw", "drew"), verb("write", "wrote"),
                                          verb("sleep", "slept")), END),
        template("speaks English well", 2, _adverb("well", verb("speak", "spoke"), obj=SUBJECT),
                 END),
        template("can sing well", 1, _modal_adverb("well", "sing", "swim", "draw", "write"), END)],
    ("light", "adj"): [
        template("the bag is light", 3, _be_adj("light", HEAVY_THING, negate=False), END)],
    ("light", "nn"): [
        template("the light is", 2, one_of("the/d", "this/d", "that/d"), "light/nn",
                 one_of("is/aux", "was/aux"),
                 words("adj", "bright", "red", "green", "beautiful", "warm", "weak"), END),
        template("see a light", 2, _subject_verb(verb("see", "saw"), NEED, LIKE, LOVE),
                 one_of("a/d", "the/d", "the/d", "this/d"),
                 maybe(words("adj", "bright", "warm", "red", "green"), .4), "light/nn", END)],
    ("open", "adj"): [
        template("the door is open", 3, _be_adj("open", DOORS, negate=False), END)],
    ("open", "v"): _verb_frames("open", _the("door", "window", "box", "shop", "bottle",
                                             possessed=("bag", "eyes", "book", "door", "present"))),
    ("clean", "adj"): [
        template("the room is clean", 3, _be_adj("clean", ROOMS, negate=False), END),
        template("a clean shirt", 1, _subject_verb(NEED, WANT, HAVE, verb("wear", "wore")),
                 "a/d clean/adj", words("nn", "shirt", "cup", "room", "plate"), END)],
    ("clean", "v"): _verb_frames("clean", _the("room", "kitchen", "table", "car", "house", "window",
                                               possessed=("room", "shoes", "desk", "car"))),
    ("rain", "v"): [
        template("it will rain", 3, "it/nn",
                 one_of("will/aux", "may/aux", "might/aux", "could/aux"),
                 maybe("not/part", .15), "rain/v", RAIN_WHEN, END),
        template("it does n't rain", 1, "it/nn", one_of("does/aux", "did/aux"),
                 one_of("n't/part", "not/part"), "rain/v", RAIN_WHEN, END),
        template("will it rain", 1, one_of("will/aux", "does/aux", "did/aux"), "it/nn rain/v",
                 RAIN_WHEN, Q),
        template("it started to rain", 2, "it/nn", one_of("is/aux going/v", "started/v", "began/v"),
                 "to/part rain/v", RAIN_WHEN, END)],
    ("rain", "nn"): [
        template("the rain is", 2, one_of("the/d", "this/d"), "rain/nn",
                 one_of("is/aux", "was/aux"),
                 maybe(DEGREE, .4), words("adj", "cold", "warm", "heavy", "nice"), END),
        template("in the rain", 2, _subject_verb(verb("walk"), verb("play"), verb("dance"),
                                                 verb("sing", "sang"), verb("wait")),
                 "in/p the/d rain/nn", END),
        template("like the rain", 2, _subject_verb(LIKE, LOVE, verb("hate")),
                 one_of("the/d rain/nn", "rain/nn", "heavy/adj rain/nn", "the/d cold/adj rain/nn"),
                 END)],
}


def _frames() -> dict[tuple[str, str], list[Template]]:
    frames = {}
    for e in NOUN_VERBS:
        frames[e.word, "v"] = _verb_frames(e.word, e.after)
        frames[e.word, "nn"] = _noun_frames(e)
    frames.update(FUNCTION_FRAMES)
    return frames


def capitalize(sent: Sentence) -> Sentence:
    """English sentences start with a capital letter."""
    (word, tag), rest = sent[0], sent[1:]
    return [(word[0].upper() + word[1:], tag)] + rest


PINNED = [parse(s) for s in (
    "I/nn eat/v apples/nn", "I/nn eat/v apples/nn ./pu", "I/nn eat/v bananas/nn",
    "We/nn eat/v apples/nn", "You/nn eat/v apples/nn", "I/nn drink/v tea/nn")]

GRAMMAR = Grammar("en", TEMPLATES, _frames(), PINNED, finish=capitalize)
