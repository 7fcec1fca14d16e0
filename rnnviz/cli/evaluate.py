"""``python -m rnnviz eval``: the RNN and the W = 0 model side by side, then the LSTM
and the GRU (the shipped ones, or --lstm/--gru FILE)."""
from __future__ import annotations

import sys

from .common import load_model, read_corpus_file


def gated_paths(args) -> dict:
    """{"LSTM": path, "GRU": path}: --lstm/--gru, else the shipped file when it exists."""
    from ..training.builtin import CELL_MODELS, GATED

    given = {"LSTM": args.lstm, "GRU": args.gru}
    return {name: given[name] or CELL_MODELS[cell] for name, cell in GATED.items()
            if given[name] is not None or CELL_MODELS[cell].exists()}


def _load_gated(name, path):
    """The LSTM or GRU of ``path``; a file of another cell is refused by name."""
    from ..training.builtin import GATED

    return load_model(path, cells=(GATED[name],))


def cmd_eval(args) -> int:
    from ..training.builtin import DEFAULT_MODEL, FEEDFORWARD_MODEL, compare, format_reports

    if args.task == "lm":
        return _eval_lm(args)
    if args.conllu or args.tagged:
        return _eval_on_file(args)
    paths = {"RNN": args.model or DEFAULT_MODEL, "W = 0": args.feedforward or FEEDFORWARD_MODEL}
    if args.write_scores:
        return _write_scores(paths)
    gated = gated_paths(args)
    reports = compare(*(load_model(p) for p in paths.values()), split=args.split,
                      gated={name: _load_gated(name, p) for name, p in gated.items()})
    for name, path in {**paths, **gated}.items():
        print(f"{name + ':':<7}{path}")
    print(f"split: {args.split} (built-in corpus, zh + en)\n")
    print(format_reports(reports))
    return 0

def _eval_lm(args) -> int:
    """eval --task lm: perplexity of the shipped language models (or --model FILE for
    one language, named by the model's hparams) next to a unigram and a Kneser-Ney
    bigram, on the built-in test split and the UD test files (where present)."""
    from ..training.language_model import LANGS, LM_MODELS
    from ..training.perplexity import UD_DIR, format_rows, measure

    wrong = [name for name, on in (("--conllu/--tagged", args.conllu or args.tagged),
                                   ("--feedforward", args.feedforward), ("--lstm", args.lstm),
                                   ("--gru", args.gru), ("--write-scores", args.write_scores),
                                   ("--split dev", args.split != "test")) if on]
    if wrong:
        raise ValueError(f"--task lm measures the language models on the test text; "
                         f"{', '.join(wrong)} go with the tagger")
    if args.model:
        m = load_model(args.model, task="lm")
        models = {m.hparams.get("lang"): (m, args.model)}
        if None in models or not set(models) <= set(LANGS):
            raise ValueError(f"{args.model}: its hparams name no language (zh or en)")
    else:
        models = {lang: (load_model(LM_MODELS[lang], task="lm"), LM_MODELS[lang])
                  for lang in LANGS}
    rows = []
    for lang, (m, path) in models.items():
        print(f"{lang}: {path} (H={m.H}, {m.K - 2:,} words + <unk>, </s>)")
        rows += measure(lang, m)
    if not any(r.name == "UD test" for r in rows):
        print(f"note: no UD test files in {UD_DIR}; the built-in test split only",
              file=sys.stderr)
    print("perplexity (lower is better); bigram: interpolated Kneser-Ney; <unk>: share of "
          "targets outside the vocabulary\n")
    print(format_rows(rows))
    return 0


def _write_scores(paths) -> int:
    """eval --write-scores: measure the models on the everyday sentences and the UD
    test treebanks and write rnnviz/data/scores.json (what the Why page shows)."""
    from ..training import reference

    sets = reference.test_sets()
    if set(sets) != {"everyday", "ud_test"} or any(len(v) != 2 for v in sets.values()):
        raise ValueError(f"--write-scores needs {reference.EVERYDAY_DIR} and the UD test "
                         f"files in {reference.UD_DIR}")
    scores = reference.measure({name: load_model(p) for name, p in paths.items()}, sets)
    reference.write(scores)
    for name in scores:
        for lang in reference.LANGS:
            row = scores[name][lang]
            print(f"{name:9} {lang}  " + "  ".join(
                f"{model}: {100 * c / n:.2f}% ({c}/{n})" for model, (c, n) in
                ((model, row[model]["all"]) for model in row)))
    print(f"written: {reference.SCORES_FILE}")
    return 0

def _eval_on_file(args) -> int:
    """eval --conllu/--tagged FILE: the RNN (--model, default the shipped one), the
    W = 0 model (--feedforward), the LSTM (--lstm) and the GRU (--gru), each the shipped
    one by default, side by side in that order: all tokens, unknown words (normalize key
    not in the model's vocabulary), per tag.

    CoNLL-U without --column is read in the 12 tags (``tagset.ud_tag``) when the RNN's
    tags are among them, else as UPOS; --column upos/xpos/tagset reads that column. A
    shipped W = 0, LSTM or GRU model is left out (with a note) when the file's tags are
    not all its tags; a model given by its option must fit."""
    from ..text.tagset import TAGS
    from ..training.builtin import DEFAULT_MODEL, FEEDFORWARD_MODEL
    from ..training.userdata import evaluate_sentences, format_side_by_side

    paths = {"RNN": args.model or DEFAULT_MODEL, "W = 0": args.feedforward or FEEDFORWARD_MODEL}
    models = {name: load_model(p) for name, p in paths.items()}
    gated = gated_paths(args)
    models.update({name: _load_gated(name, p) for name, p in gated.items()})
    paths.update(gated)
    given = {"RNN": args.model, "W = 0": args.feedforward, "LSTM": args.lstm, "GRU": args.gru}
    option = {"W = 0": "--feedforward", "LSTM": "--lstm", "GRU": "--gru"}
    path = args.conllu or args.tagged
    column = args.column
    if args.conllu and column is None:
        column = "tagset" if set(models["RNN"].tags) <= set(TAGS) else "upos"
    c = read_corpus_file(path, args, column)
    data_tags = {t for s in c.sentences for _, t in s}
    for name in list(models):
        missing = sorted(data_tags - set(models[name].tags))
        if not missing:
            continue
        if name != "RNN" and given[name] is None:
            print(f"note: the shipped {name} model is left out: {path} has tags it does not "
                  f"have ({', '.join(missing)}); compare with {option[name]} FILE",
                  file=sys.stderr)
            del models[name]
            continue
        m = models[name]
        hint = ("; --column tagset maps UD tags to them" if args.conllu and
                set(m.tags) <= set(TAGS) and c.column != "tagset" else "")
        raise ValueError(f"{path}: tags the model {paths[name]} does not have: "
                         f"{', '.join(missing)} (the model's tags: {', '.join(m.tags)}{hint})")
    for name, m in models.items():
        print(f"{name + ':':<7}{paths[name]} (H={m.H}, |vocab| {m.n_vocab:,}, {m.K} tags)")
    print(f"data:  {path}: {len(c.sentences):,} sentences, {c.n_tokens:,} tokens "
          f"({c.column})\n")
    print(format_side_by_side({name: evaluate_sentences(m, c.sentences)
                               for name, m in models.items()}))
    return 0
