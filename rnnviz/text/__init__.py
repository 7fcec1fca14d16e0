"""Text in, word ids out: everything about words and tags, nothing about networks.

``tokenize`` (typed text -> tokens: jieba's cuts and the tagset's conventions),
``zh_conventions`` (where a Chinese word jieba keeps whole is written as two or
three: 三十个 -> 三十 个, 吃了 -> 吃 了), ``jieba_dictionary`` (jieba's dictionary
and part-of-speech flags, loaded once; the only module that imports jieba),
``unknown`` (the class an out-of-vocabulary word stands for: ``<unk:zh-n>``…),
``tagset`` (the 12 tags, and UD's UPOS + XPOS mapped onto them), ``conllu_data``
(reading CoNLL-U and ``word/tag`` files, with limits), ``corpus`` (the built-in
bilingual corpus and the grammars that generate it) and ``realtext`` (the
shipped copies of the UD dev treebanks in the 12 tags).
"""
