"""Training and measuring: from tagged sentences to a model and its scores.

``dataset`` (vocabulary, encoding, padding, word dropout), ``train`` (the loop:
BPTT + Adam + early stopping), ``evaluate`` (accuracy, per tag and in total),
``tagger`` (a model run over typed text), ``userdata`` (an uploaded corpus split,
encoded and measured), ``background`` (training in a process of its own, for the
Train page), ``builtin`` (how the two shipped models are trained), ``reference``
(their scores on everyday sentences and the UD test files) and ``allocator``.
"""
