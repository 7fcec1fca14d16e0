"""Text in, word ids out: everything about words and tags, nothing about networks.

``tokenize`` (typed text -> tokens: jieba's cuts and the tagset's conventions),
``unknown`` (the class an out-of-vocabulary word stands for: ``<unk:zh-n>``…),
``tagset`` (the 12 tags, and UD's UPOS + XPOS mapped onto them), ``conllu_data``
(reading CoNLL-U and ``word/tag`` files, with limits), ``corpus`` (the built-in
bilingual corpus and the grammars that generate it) and ``realtext`` (the
shipped copies of the UD dev treebanks in the 12 tags).
"""
