"""Strings of the LSTM & GRU page (``cells.*``), its figures and text alternatives.

The cells' quantities are written with the labels of ``rnnviz.nn.cell_names``
(φ_t, i_t, C̃_t, ω_t, C_t; r_t, ζ_t, s̃_t), never the tutorial's letters they replace.
"""

STRINGS = {
    "nav.cells": {"en": "LSTM & GRU", "zh": "LSTM 与 GRU"},
    "lead.next.cells": {
        "en": "**Train** lets a fresh network learn the tags in your browser while you "
              "watch its loss fall and its tags improve.",
        "zh": "**训练**一页在浏览器里从头训练一个网络，看着它的损失下降、标签变准。"},
    "cells.title": {"en": "The LSTM and the GRU next to the RNN",
                    "zh": "LSTM 和 GRU 与 RNN 并排"},
    "cells.intro": {
        "en": "The sentence in the box goes through three taggers trained on the same data "
              "with the same hidden size H = 16: the tutorial's RNN, an LSTM and a GRU. The "
              "gated cells add gates, numbers between 0 and 1 that decide what is kept, "
              "written and read at each step; the LSTM keeps a cell state $C_t$ besides "
              "$s_t$. (The tutorial's $f_t$, $o_t$, $c_t$, $h_t$ and the GRU's $z_t$ are "
              "written $φ_t$, $ω_t$, $C_t$, $s_t$ and $ζ_t$ here: $f$, $o_t$, $c$ and $z_t$ "
              "already name parts of the RNN.)",
        "zh": "输入框里的句子同时经过三个标注器，它们用同样的数据、同样的隐藏层大小 H = 16 "
              "训练：教程的 RNN、一个 LSTM 和一个 GRU。门控单元多了“门”：每一步都有介于 0 和 1 "
              "之间的数，决定保留什么、写入什么、读出什么；LSTM 除了 $s_t$ 还有细胞状态 $C_t$。"
              "（教程里的 $f_t$、$o_t$、$c_t$、$h_t$ 和 GRU 的 $z_t$ 在这里写成 $φ_t$、$ω_t$、"
              "$C_t$、$s_t$ 和 $ζ_t$：$f$、$o_t$、$c$、$z_t$ 已经是 RNN 的名字。）"},
    "cells.session_note": {
        "en": "The RNN row is this session's own model; the LSTM and the GRU are the "
              "built-in ones.",
        "zh": "RNN 一行是本会话自己的模型；LSTM 和 GRU 是内置的。"},
    "cells.tags.heading": {"en": "The tags of the three", "zh": "三者的标注"},
    "cells.tags.differ": {"en": "the three do not agree here", "zh": "三者在这里不一致"},
    "cells.tags.same": {"en": "The three agree on all {T} words.",
                        "zh": "三者对全部 {T} 个词的标注一致。"},
    "cells.tags.summary": {"en": "The three disagree on {n} of {T} words (marked ≠).",
                           "zh": "三者在 {T} 个词中的 {n} 个上不一致（标 ≠）。"},
    "cells.step.heading": {"en": "Inside the gated cells at step t",
                           "zh": "第 t 步：门控单元内部"},
    "cells.step.caption": {
        "en": "Each square is a gate's mean over the {H} units at step {t}; the heatmaps "
              "below show every unit at every step.",
        "zh": "每个方块是门在第 {t} 步 {H} 个单元上的平均值；下面的热图给出每一步的每个单元。"},
    "cells.gate.pick": {"en": "The formula of", "zh": "公式："},
    "cells.gate.option": {"en": "{cell}: {name} ({what})", "zh": "{cell}：{name}（{what}）"},
    "cells.gate.what.forget": {"en": "forget gate", "zh": "遗忘门"},
    "cells.gate.what.input": {"en": "input gate", "zh": "输入门"},
    "cells.gate.what.cand": {"en": "candidate", "zh": "候选值"},
    "cells.gate.what.out": {"en": "output gate", "zh": "输出门"},
    "cells.gate.what.reset": {"en": "reset gate", "zh": "重置门"},
    "cells.gate.what.update": {"en": "update gate", "zh": "更新门"},
    "cells.flow.heading": {"en": "How far back the last word's error reaches",
                           "zh": "最后一个词的误差能传回多远"},
    "cells.flow.intro": {
        "en": "The loss $L_T$ of the last word (against each model's own tag) sends its "
              "error back through the states; the chart shows its size $‖∂L_T/∂s_k‖$ at "
              "every earlier step $k$, on a log scale. A line falling to the left is a "
              "gradient that vanishes on its way back. The thin line is the LSTM's error at "
              "its cell state, $‖∂L_T/∂C_k‖$: the path through $C_{k-1} → C_k$, scaled only by "
              "the forget gates.",
        "zh": "最后一个词的损失 $L_T$（以各模型自己的标注为目标）把误差沿状态往回传；"
              "图中是它在每个更早的步 $k$ 的大小 $‖∂L_T/∂s_k‖$（对数坐标）。"
              "向左下降的线就是在回传途中消失的梯度。细线是 LSTM 细胞状态上的误差 $‖∂L_T/∂C_k‖$："
              "经过 $C_{k-1} → C_k$ 的这条路只被遗忘门缩放。"},
    "cells.flow.gap": {
        "en": "On this sentence the {best} keeps the most gradient at k = 1: {factor} times "
              "as much as the {other}.",
        "zh": "在这个句子上，{best} 在 k = 1 处保留的梯度最多：是 {other} 的 {factor} 倍。"},
    "cells.flow.no_gap": {
        "en": "On this sentence the three keep about as much gradient at k = 1 (the most, "
              "the {best}'s, is {factor} times the least, the {other}'s): no gap here.",
        "zh": "在这个句子上，三者在 k = 1 处保留的梯度差不多（最多的 {best} 是最少的 "
              "{other} 的 {factor} 倍）：这里没有差距。"},
    "cells.flow.one_word": {
        "en": "One word: the error has no earlier step to flow back to. Type a longer "
              "sentence to compare the cells.",
        "zh": "只有一个词：误差没有更早的步可以回传。输入更长的句子来比较三者。"},
    "cells.flow.not_finite": {
        "en": "A model's numbers overflowed on this sentence, so the comparison at k = 1 "
              "is not meaningful.",
        "zh": "有模型的数值在这个句子上溢出了，所以 k = 1 处的比较没有意义。"},
    "cells.memory.heading": {"en": "Memory, measured", "zh": "记忆，实测"},
    "cells.memory.intro": {
        "en": "A generated memory task (not English): the last word *fish* is a noun after "
              "*the* and a verb after *to*, and that word stands d tokens back, with "
              "{fillers} in between, drawn alike after either cue. Small RNN, LSTM and GRU "
              "models (H = {H}, {n_train} training sentences, d = {d0}…{d1}) were trained "
              "for this task only (`python -m rnnviz memory`), not the taggers above; the "
              "chart shows how often each tags the last word right, {n} sentences per d "
              "({total} in all). Chance is 50 %.",
        "zh": "一个生成的记忆任务（不是真正的英语）：最后一个词 *fish* 在 *the* 之后是名词，"
              "在 *to* 之后是动词，而这个词在 d 个词之前，中间是 {fillers}，两种情况下抽取"
              "方式相同。小的 RNN、LSTM 和 GRU（H = {H}，{n_train} 个训练句子，d = {d0}…{d1}）"
              "只为这个任务训练（`python -m rnnviz memory`），不是上面的标注器；图中是每个模型"
              "把最后一个词标对的比例，每个 d 有 {n} 个句子（共 {total} 个）。随机猜是 50 %。"},
    "cells.memory.gap": {
        "en": "Measured: averaged over d the {best} is right {best_acc} of the time, the "
              "{worst} {worst_acc}; at d = {d1} {at_end}.",
        "zh": "实测：对 d 取平均，{best} 的正确率是 {best_acc}，{worst} 是 {worst_acc}；"
              "在 d = {d1} 时 {at_end}。"},
    "cells.memory.no_gap": {
        "en": "Measured: no gap. All three tag the last word right at every distance "
              "(lowest accuracy {lowest}): on this task, with this much training, the plain "
              "RNN keeps one word for {d1} steps as well as the gated cells do. Where the "
              "gated cells do differ is the gradient above: how much of the error reaches "
              "the early steps while a model learns.",
        "zh": "实测：没有差距。三者在每个距离上都把最后一个词标对了（最低正确率 {lowest}）："
              "在这个任务上、用这么多训练，普通 RNN 记住一个词 {d1} 步的能力不比门控单元差。"
              "门控单元真正不同的是上面的梯度：学习时误差有多少能传到早期的步。"},
    "cells.memory.d": {"en": "The live example: distance d", "zh": "实时示例：距离 d"},
    "cells.memory.live": {"en": "Member d = {d} of the family, tagged by the three small "
                                "models:",
                          "zh": "这个家族中 d = {d} 的成员，由三个小模型标注："},
    "cells.memory.use": {"en": "Put it in the sentence box", "zh": "放进句子输入框"},
    "cells.memory.use_help": {
        "en": "The whole page then shows this sentence through the built-in RNN, LSTM and GRU.",
        "zh": "整页随后会显示这个句子经过内置 RNN、LSTM 和 GRU 的结果。"},
    "cells.memory.in_box": {"en": "The sentence in the box is this member of the family.",
                            "zh": "输入框里的句子就是这个家族成员。"},
    "cells.memory.row": {"en": "{cell} (small, this task)", "zh": "{cell}（小模型，本任务）"},
    "cells.memory.missing": {"en": "The memory measurements are not available.",
                             "zh": "没有找到记忆实测数据。"},
    # --- text alternatives (tables) ------------------------------------------------------
    "cells.numbers.gates": {"en": "The gates of step {t} as numbers",
                            "zh": "第 {t} 步的门（数字）"},
    "cells.numbers.formula": {"en": "The formula of {name} as numbers",
                              "zh": "{name} 的公式（数字）"},
    "cells.numbers.flow": {"en": "The gradient flow as numbers", "zh": "梯度流（数字）"},
    "cells.numbers.memory": {"en": "The memory measurements as numbers",
                             "zh": "记忆实测（数字）"},
    "cells.numbers.unit": {"en": "unit", "zh": "单元"},
    "cells.numbers.step": {"en": "k", "zh": "k"},
    "cells.numbers.word": {"en": "word", "zh": "词"},
    # --- figures -------------------------------------------------------------------------
    "cells.fig.gates_title": {"en": "{cell}: the gates, step {t} outlined",
                              "zh": "{cell}：门（第 {t} 步加框）"},
    "cells.fig.gate_scales_lstm": {
        "en": "φ, i, ω: 0 (closed, white) … 1 (open, green)<br>C̃: −1 blue … 1 red; "
              "C: ±{cmax}, blue < 0 < red",
        "zh": "φ、i、ω：0（关，白）… 1（开，绿）<br>C̃：−1 蓝 … 1 红；C：±{cmax}，蓝 < 0 < 红"},
    "cells.fig.gate_scales_gru": {
        "en": "r, ζ: 0 (closed, white) … 1 (open, green)<br>s̃: −1 blue … 1 red",
        "zh": "r、ζ：0（关，白）… 1（开，绿）<br>s̃：−1 蓝 … 1 红"},
    "cells.fig.gate_hover": {"en": "{name}, step %{{x}}, unit %{{y}}: %{{z:.3f}}",
                             "zh": "{name}，第 %{{x}} 步，单元 %{{y}}：%{{z:.3f}}"},
    "cells.fig.diagram_title": {"en": "{cell} at step {t} ({word})",
                                "zh": "{cell} 第 {t} 步（{word}）"},
    "cells.fig.diagram_hover": {
        "en": "{name} over {H} units: min {lo}, mean {mean}, max {hi}",
        "zh": "{name}，{H} 个单元：最小 {lo}，平均 {mean}，最大 {hi}"},
    "cells.fig.formula_title": {"en": "{cell}, step {t} ({word}): one gate with its numbers",
                                "zh": "{cell} 第 {t} 步（{word}）：一个门及其数值"},
    "cells.fig.flow_title": {"en": "‖∂L<sub>{T}</sub>/∂s<sub>k</sub>‖ of the three cells",
                             "zh": "三种单元的 ‖∂L<sub>{T}</sub>/∂s<sub>k</sub>‖"},
    "cells.fig.flow_subtitle": {"en": "the last word's ({word}) error at each earlier step",
                                "zh": "最后一个词（{word}）的误差在每个更早的步"},
    "cells.fig.flow_point": {"en": "{cell}: ‖∂L<sub>{T}</sub>/∂s<sub>{k}</sub>‖ = {v} ({wk})",
                             "zh": "{cell}：‖∂L<sub>{T}</sub>/∂s<sub>{k}</sub>‖ = {v}（{wk}）"},
    "cells.fig.flow_cell_state": {"en": "LSTM, ‖∂L/∂C<sub>k</sub>‖",
                                  "zh": "LSTM，‖∂L/∂C<sub>k</sub>‖"},
    "cells.fig.flow_point_C": {
        "en": "LSTM cell state: ‖∂L<sub>{T}</sub>/∂C<sub>{k}</sub>‖ = {v} ({wk})",
        "zh": "LSTM 细胞状态：‖∂L<sub>{T}</sub>/∂C<sub>{k}</sub>‖ = {v}（{wk}）"},
    "cells.fig.flow_axis_k": {"en": "step k", "zh": "步 k"},
    "cells.fig.flow_axis_norm": {"en": "‖∂L<sub>{T}</sub>/∂s<sub>k</sub>‖ (log)",
                                 "zh": "‖∂L<sub>{T}</sub>/∂s<sub>k</sub>‖（对数）"},
    "cells.fig.memory_title": {"en": "Last word right, by distance d",
                               "zh": "最后一个词标对的比例（按距离 d）"},
    "cells.fig.memory_point": {"en": "{cell}, d = {d}: {c} of {n} right ({acc} %)",
                               "zh": "{cell}，d = {d}：{n} 个中对 {c} 个（{acc} %）"},
    "cells.fig.memory_axis_d": {"en": "d: tokens back to the deciding word",
                                "zh": "d：决定词在几个词之前"},
    "cells.fig.memory_axis_acc": {"en": "tagged right", "zh": "正确率"},
    # --- text alternatives of the charts -------------------------------------------------
    "alt.cells_diagram": {
        "en": "The {cell} cell at step {t} ({word}): its gates {gates} with their mean "
              "values over the hidden units.",
        "zh": "{cell} 单元第 {t} 步（{word}）：门 {gates} 及其在隐藏单元上的平均值。"},
    "alt.cells_gates": {
        "en": "Heatmaps of the {cell}'s gates over “{sentence}”, one row per hidden unit and "
              "one column per step, step {t} outlined; the numbers are in the table below.",
        "zh": "{cell} 的门在“{sentence}”上的热图，每行一个隐藏单元、每列一步，第 {t} 步加框；"
              "数字见下面的表格。"},
    "alt.cells_formula": {
        "en": "The formula of {gate} at step {t} ({word}) with its numbers for every hidden "
              "unit: the input term, the recurrent term, the bias, their sum and the gate.",
        "zh": "第 {t} 步（{word}）{gate} 的公式及每个隐藏单元的数值：输入项、循环项、偏置、"
              "它们的和以及门的值。"},
    "alt.cells_flow": {
        "en": "The size of the last word's gradient at every earlier step of “{sentence}” "
              "for the RNN, the LSTM and the GRU, on a log scale; the numbers are in the "
              "table below.",
        "zh": "“{sentence}”中最后一个词的梯度在每个更早的步的大小，RNN、LSTM、GRU 三条线，"
              "对数坐标；数字见下面的表格。"},
    "alt.cells_memory": {
        "en": "Accuracy on the last word against the distance d to its deciding word, for "
              "the small RNN, LSTM and GRU trained on the memory task; the numbers are in "
              "the table below.",
        "zh": "最后一个词的正确率与它到决定词的距离 d 的关系，三个为记忆任务训练的小 RNN、"
              "LSTM、GRU；数字见下面的表格。"},
}
