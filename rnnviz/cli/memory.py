"""``python -m rnnviz memory``: the memory task's three small models, trained and measured
(rnnviz/data/memory.json and memory_{rnn,lstm,gru}.npz, drawn by the cells page)."""
from __future__ import annotations


def cmd_memory(args) -> int:
    from ..training import memory
    from ..training.userdata import single_thread_blas

    print(f"the memory task: '{' | '.join(c[0] for c in memory.CUES)} … {memory.TARGET}', "
          f"d = {memory.D_MIN}..{memory.D_MAX}, {memory.N_TRAIN} training sentences; "
          f"family {memory.N_PER_D} per d")
    with single_thread_blas():          # small matrices: one thread is faster
        result, models = memory.run()
    for cell in result.correct:
        acc = " ".join(f"{a:.2f}" for a in result.accuracy(cell))
        print(f"{cell:>4}: last word right, d = {result.d[0]}..{result.d[-1]}: {acc}")
    if not args.dry_run:
        memory.save(result, models)
        print(f"wrote {memory.data.MEMORY} and memory_{{rnn,lstm,gru}}.npz")
    return 0
