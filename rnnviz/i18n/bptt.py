"""Strings of the bptt part of the app (see rnnviz/i18n/__init__.py).

Markdown strings carry LaTeX for Streamlit (``$…$``) with every brace doubled
(``s_{{t-1}}``): ``text`` turns ``{{`` into ``{`` when it fills placeholders,
and KaTeX reads a doubled group like a single one when it does not. Figure
strings use Plotly's ``<sub>``/``<sup>`` instead; the hover templates
(``%{z:.2e}``) take no placeholders, so their braces stay single.
"""

# display formulas, the same in both languages ($$ on lines of their own: KaTeX display mode)
_DELTA = ("\n\n$$\n" r"\delta_k = \frac{{\partial L_t}}{{\partial a_k}} = "
          r"\frac{{\partial L_t}}{{\partial s_k}} \odot f'(a_k), \qquad "
          r"\frac{{\partial L_t}}{{\partial s_{{k-1}}}} = W^\top \delta_k" "\n$$\n\n")
_PRODUCT = ("\n\n$$\n" r"\frac{{\partial L_t}}{{\partial s_k}} = \Big(\prod_{{j=k+1}}^{{t}} "
            r"\mathrm{{diag}}(f'(a_j))\,W\Big)^{{\top}} "
            r"\frac{{\partial L_t}}{{\partial s_t}}" "\n$$\n\n")
_SUMS = ("\n\n$$\n" r"\frac{{\partial L}}{{\partial V}} = \frac{{1}}{{T}}\sum_t (o_t - y_t)\,"
         r"s_t^\top" "\n$$\n\n"
         "$$\n" r"\frac{{\partial L}}{{\partial W}} = \sum_t \delta_t\, s_{{t-1}}^\top" "\n$$\n\n"
         "$$\n" r"\frac{{\partial L}}{{\partial U}}[:, x_t] \mathrel{{+}}= \delta_t" "\n$$\n\n")

STRINGS: dict[str, dict[str, str]] = {
    # --- page: what drives the gradients -------------------------------------
    "bptt.title": {"en": "Backpropagation through time (BPTT)",
                   "zh": "随时间反向传播（BPTT）"},
    "bptt.intro": {
        "en": r"Training needs the gradients of the loss $L = \frac{{1}}{{T}}\sum_t L_t$, "
              r"$L_t = -\log o_t[y_t]$, with respect to $U$, $W$ and $V$. Because $s_t$ "
              r"depends on $s_{{t-1}}$ through $W$, the error of $L_t$ has to be carried back "
              r"through every earlier step: that is backpropagation through time. Everything "
              r"below is computed live on your sentence; the three controls change a copy "
              r"of the model for this page only.",
        "zh": r"训练需要损失 $L = \frac{{1}}{{T}}\sum_t L_t$（$L_t = -\log o_t[y_t]$）对 "
              r"$U$、$W$、$V$ 的梯度。由于 $s_t$ 通过 $W$ 依赖 $s_{{t-1}}$，$L_t$ 的误差必须"
              r"沿着之前的每一个时间步传回去：这就是随时间反向传播。下面的一切都在你的句子上"
              r"实时计算；三个控件只改变本页使用的模型副本。"},
    "bptt.wscale": {"en": "Scale W by", "zh": "把 W 乘以"},
    "bptt.wscale_help": {
        "en": "Draw this page with W replaced by scale × W (a copy: your model is not "
              "changed). The spectral radius ρ(W), W's largest |eigenvalue|, scales with it.",
        "zh": "本页用 缩放倍数 × W 代替 W（只是副本，你的模型不变）。谱半径 ρ(W)（W 的最大"
              "特征值绝对值）随之等比例变化。"},
    "bptt.rho": {"en": "ρ(W) = **{rho}** (the model's own: {rho0})",
                 "zh": "ρ(W) = **{rho}**（模型本身：{rho0}）"},
    "bptt.f": {"en": "Activation f", "zh": "激活函数 f"},
    "bptt.f_help": {"en": "Replace the hidden activation f on this page (a copy of the model).",
                    "zh": "在本页替换隐藏层的激活函数 f（模型的副本）。"},
    "bptt.f_caption": {"en": "f(a) = {formula} · the model was trained with {model_f}",
                       "zh": "f(a) = {formula} · 模型训练时用的是 {model_f}"},
    "bptt.trunc": {"en": "Truncate BPTT after k steps", "zh": "截断 BPTT：误差只回传 k 步"},
    "bptt.trunc_off": {"en": "off", "zh": "不截断"},
    "bptt.trunc_help": {
        "en": "Truncated BPTT lets each loss Lₜ send its error back only k steps through W: "
              "it keeps δₜ … δₜ₋ₖ₊₁ (at aₜ … aₜ₋ₖ₊₁), arrives at sₜ₋ₖ and stops there, as "
              "it stops at s₀ in full BPTT; older steps get nothing from it.",
        "zh": "截断的 BPTT 让每个损失 Lₜ 的误差只经过 W 回传 k 步：保留 δₜ … δₜ₋ₖ₊₁"
              "（在 aₜ … aₜ₋ₖ₊₁ 处），传到 sₜ₋ₖ 就停下，就像完整 BPTT 中停在 s₀ 一样；"
              "更早的时间步得不到它的误差。"},
    "bptt.trunc_caption_on": {"en": "each error travels back at most {k} steps",
                              "zh": "每个误差最多回传 {k} 步"},
    "bptt.trunc_caption_off": {"en": "full BPTT: every error travels back to s₀ ({k} steps)",
                               "zh": "完整 BPTT：每个误差都一直传回 s₀（{k} 步）"},
    "bptt.targets": {"en": "Targets yₜ", "zh": "目标 yₜ"},
    "bptt.targets_help": {
        "en": "the loss compares oₜ with these tags: the model's own tags, unless you click "
              "a word and correct its tag.",
        "zh": "损失把 oₜ 和这些词性比较：默认是模型自己预测的词性，点击一个词可以改正它的词性。"},
    "bptt.target_help": {"en": "The model's tag: {tag}. Pick another tag to make it the target.",
                         "zh": "模型预测的词性：{tag}。选择另一个词性作为目标。"},
    "bptt.target_changed": {
        "en": "Corrected (the model says {tag}): the target now disagrees with the prediction, "
              "so a large error starts here.",
        "zh": "已改正（模型预测为 {tag}）：目标与预测不一致，所以这里会产生一个大的误差。"},
    "bptt.targets_reset": {"en": "use the model's tags", "zh": "恢复模型的词性"},
    "bptt.problem.forward": {
        "en": "**Overflow in the forward pass.** With W × {scale} and f = {f} (ρ(W) = {rho}) "
              "the states grow step after step until they leave float64's range (about "
              "1.8·10³⁰⁸) and become ∞ or NaN: exploding in its plainest form. Those numbers "
              "are left blank below; lower the W scale or choose tanh.",
        "zh": "**前向传播溢出。** 在 W × {scale}、f = {f}（ρ(W) = {rho}）时，状态一步步变大，"
              "直到超出 float64 的范围（约 1.8·10³⁰⁸），变成 ∞ 或 NaN：这就是最直接的“爆炸”。"
              "下面这些数值留空；请减小 W 的倍数或选择 tanh。"},
    "bptt.problem.backward": {
        "en": "**Overflow in the backward pass.** With W × {scale} and f = {f} (ρ(W) = {rho}) "
              "the gradients grow so fast going back that some leave float64's range and "
              "become ∞ or NaN (left blank below). A training step with them would wreck the "
              "weights; lower the W scale, choose tanh, or truncate BPTT.",
        "zh": "**反向传播溢出。** 在 W × {scale}、f = {f}（ρ(W) = {rho}）时，梯度往回传时增长"
              "太快，一部分超出 float64 的范围，变成 ∞ 或 NaN（下面留空）。用这样的梯度训练"
              "会毁掉权重；请减小 W 的倍数、选择 tanh，或截断 BPTT。"},
    "bptt.no_error": {
        "en": "**No error flows back:** every oₜ gives its target tag probability 1 (to "
              "float64 precision), so Lₜ = 0 and oₜ − yₜ = 0. Click a word above and give "
              "it another target tag to create an error.",
        "zh": "**没有误差往回传：** 每个 oₜ 都给目标词性概率 1（在 float64 精度内），所以 "
              "Lₜ = 0、oₜ − yₜ = 0。点击上面的一个词，给它另一个目标词性，就会产生误差。"},
    # --- section 1: one loss's error, backwards --------------------------------
    "bptt.s1.heading": {"en": "1 · The error of one loss, flowing back",
                        "zh": "1 · 一个损失的误差如何往回流"},
    "bptt.t": {"en": "Follow the loss Lₜ of step t", "zh": "跟踪第 t 步的损失 Lₜ"},
    "bptt.t_help": {"en": "Which output's loss to follow back (or click a box on the top row "
                          "of the graph).",
                    "zh": "选择要往回跟踪的输出损失（也可以点击图中最上面一行的方框）。"},
    "bptt.t_moved": {
        "en": "L{T} = 0: the model gives “{word}” its target tag with probability 1, so no "
              "error flows back from the last step. Followed instead: **L{t} = {L}**, the "
              "loss with the largest error (pick another step above).",
        "zh": "L{T} = 0：模型以概率 1 给“{word}”预测出目标标签，最后一步没有误差往回传。"
              "改为跟踪误差最大的损失 **L{t} = {L}**（可在上方选择其他步）。"},
    "bptt.s1.explain": {
        "en": r"The error enters at the output, $\partial L_t/\partial z_t = o_t - y_t$ "
              r"(softmax and cross-entropy together), comes down $V$ to the state, "
              r"$\partial L_t/\partial s_t = V^\top(o_t - y_t)$, and then walks back one step "
              r"at a time:"
              + _DELTA +
              r"with $a_k = U x_k + W s_{{k-1}} + b$, what goes into $f$. $\delta_k$ is the "
              r"**error term** of step $k$; it also tells the weights used at that step how "
              r"to change: $\partial L_t/\partial U[:, x_k] \mathrel{{+}}= \delta_k$ and "
              r"$\partial L_t/\partial W \mathrel{{+}}= \delta_k s_{{k-1}}^\top$. Colour and "
              r"arrow width show the sizes on a **log scale** (hover for the numbers). Steps "
              r"after $t$ get nothing: $L_t$ does not depend on them.",
        "zh": r"误差从输出进入：$\partial L_t/\partial z_t = o_t - y_t$（softmax 与交叉熵合在"
              r"一起求导），沿 $V$ 下到状态：$\partial L_t/\partial s_t = V^\top(o_t - y_t)$，"
              r"然后一步一步往回走："
              + _DELTA +
              r"其中 $a_k = U x_k + W s_{{k-1}} + b$ 是送进 $f$ 的量。$\delta_k$ 就是第 $k$ 步的"
              r"**误差项**；它也告诉这一步用到的权重该怎么变："
              r"$\partial L_t/\partial U[:, x_k] \mathrel{{+}}= \delta_k$，"
              r"$\partial L_t/\partial W \mathrel{{+}}= \delta_k s_{{k-1}}^\top$。颜色和箭头粗细"
              r"按**对数刻度**表示大小（鼠标悬停可看数值）。$t$ 之后的时间步得不到误差："
              r"$L_t$ 不依赖它们。"},
    # --- section 2: the gradient-flow matrix -----------------------------------
    "bptt.s2.heading": {"en": "2 · Vanishing and exploding gradients",
                        "zh": "2 · 梯度消失与梯度爆炸"},
    "bptt.s2.explain": {
        "en": r"Each step back multiplies the error by the transposed Jacobian "
              r"$\partial s_k/\partial s_{{k-1}} = \mathrm{{diag}}(f'(a_k))\,W$. From $s_t$ "
              r"back to $s_k$ that is $t-k$ factors:"
              + _PRODUCT +
              r"If the factors shrink vectors the product falls geometrically: the gradient "
              r"**vanishes** and early words get almost no credit for late outputs. If they "
              r"stretch vectors it grows geometrically: the gradient **explodes**. "
              r"$\tanh' \le 1$, $\sigma' \le 1/4$ and a saturated unit has $f' \approx 0$, so "
              r"tanh and sigmoid networks mostly vanish (a larger $W$ saturates more units); "
              r"relu and identity, with $f' = 1$ where active, explode once $\rho(W) > 1$.",
        "zh": r"每往回一步，误差都要乘以雅可比矩阵 "
              r"$\partial s_k/\partial s_{{k-1}} = \mathrm{{diag}}(f'(a_k))\,W$ 的转置。"
              r"从 $s_t$ 回到 $s_k$ 一共是 $t-k$ 个因子："
              + _PRODUCT +
              r"如果这些因子把向量缩短，乘积就按几何级数变小：梯度**消失**，前面的词几乎得不到"
              r"后面输出的“功劳”。如果它们把向量拉长，乘积就按几何级数变大：梯度**爆炸**。"
              r"$\tanh' \le 1$，$\sigma' \le 1/4$，饱和的单元 $f' \approx 0$，所以 tanh 和 "
              r"sigmoid 网络多半是梯度消失（$W$ 越大，饱和的单元越多）；relu 和恒等函数在激活处 "
              r"$f' = 1$，只要 $\rho(W) > 1$ 就会爆炸。"},
    "bptt.s2.now": {
        "en": "**Now:** ρ(W) = {rho}, f = {f}, mean f′(a) = {fmean}. Along the chosen row, "
              "each step back multiplies ‖∂Lₜ/∂sₖ‖ by **{factor}** on average: **{trend}**.",
        "zh": "**当前：** ρ(W) = {rho}，f = {f}，f′(a) 的平均值 = {fmean}。沿着选中的那一行，"
              "每往回一步 ‖∂Lₜ/∂sₖ‖ 平均乘以 **{factor}**：**{trend}**。"},
    "bptt.s2.saturation": {
        "en": "ρ(W) = {rho} > 1, yet the error still shrinks: {f} saturates (f′(a) → 0 where "
              "|a| is large), and a larger W pushes more units there. Choose f = identity or "
              "relu to see the same W make the gradient explode.",
        "zh": "ρ(W) = {rho} > 1，误差却仍在变小：{f} 饱和了（|a| 大时 f′(a) → 0），W 越大，"
              "饱和的单元越多。选择 f = identity 或 relu，就能看到同样的 W 让梯度爆炸。"},
    "bptt.s2.truncation": {
        "en": "**Truncation** to k = {k} steps: Lₜ reaches only aₜ … aₜ₋ₖ₊₁ and stops at "
              "sₜ₋ₖ. It saves work and cannot blow up over long spans, but the grey cells are "
              "gradients it throws away: the network cannot learn to use anything more than "
              "{k} steps back.",
        "zh": "**截断**为 k = {k} 步：Lₜ 只能传到 aₜ … aₜ₋ₖ₊₁，并停在 sₜ₋ₖ。这样省计算，"
              "也不会在很长的距离上爆炸，但灰色格子就是被丢掉的梯度：网络学不会利用 {k} 步以前的信息。"},
    "bptt.trend.vanishing": {"en": "vanishing", "zh": "梯度消失"},
    "bptt.trend.exploding": {"en": "exploding", "zh": "梯度爆炸"},
    "bptt.trend.steady": {"en": "neither vanishing nor exploding", "zh": "既不消失也不爆炸"},
    "bptt.trend.undefined": {"en": "no error to follow", "zh": "没有可跟踪的误差"},
    # --- section 3: gradients of the weights -----------------------------------
    "bptt.s3.heading": {"en": "3 · The gradients of the weights", "zh": "3 · 权重的梯度"},
    "bptt.s3.explain": {
        "en": r"$U$, $W$ and $V$ are the same at every step, so their gradients are sums "
              r"over time, with $\delta_t = \partial L/\partial a_t$ now the error term of "
              r"the whole loss $L$:"
              + _SUMS +
              r"Only the columns of $U$ of the sentence's words get a gradient ($U x_t$ picks "
              r"one column). Red: raising that weight raises $L$; blue: lowers it. Gradient "
              r"descent moves every weight against its colour.",
        "zh": r"$U$、$W$、$V$ 在每一步都相同，所以它们的梯度是对时间的求和，这里 "
              r"$\delta_t = \partial L/\partial a_t$ 是整个损失 $L$ 的误差项："
              + _SUMS +
              r"只有句子中出现的词对应的 $U$ 的列才有梯度（$U x_t$ 只取出一列）。红色：增大这个"
              r"权重会增大 $L$；蓝色：会减小 $L$。梯度下降让每个权重朝着与颜色相反的方向移动。"},
    "bptt.loss": {"en": "Loss on this sentence against these targets: **L = {L}** (the mean "
                        "of Lₜ over T = {T} tokens).",
                  "zh": "这个句子对这些目标的损失：**L = {L}**（对 T = {T} 个词的 Lₜ 取平均）。"},
    "bptt.s3.truncated": {
        "en": "Truncated to k = {k}, these gradients differ from the exact ones (full BPTT) by "
              "{dU} for U, {dW} for W and {dV} for V (‖Δ‖ / ‖exact‖). ∂L/∂V never changes: it "
              "does not go back through time.",
        "zh": "截断为 k = {k} 时，这些梯度与精确梯度（完整 BPTT）的差别是：U 为 {dU}，W 为 "
              "{dW}，V 为 {dV}（‖Δ‖ / ‖精确值‖）。∂L/∂V 永远不变：它不需要沿时间往回传。"},
    "bptt.s3.terms": {
        "en": "∂L/∂W = Σₜ δₜ sₜ₋₁ᵀ term by term: each step adds an outer product (rows "
              "follow δₜ, columns follow sₜ₋₁). The t = 1 term is zero because s₀ = 0. One "
              "colour range for every panel, so the terms visibly add up to the sum.",
        "zh": "逐项展开 ∂L/∂W = Σₜ δₜ sₜ₋₁ᵀ：每一步加上一个外积（行随 δₜ 变化，列随 "
              "sₜ₋₁ 变化）。t = 1 的那一项为零，因为 s₀ = 0。所有小图用同一个颜色范围，"
              "所以能看出各项加起来就是总和。"},
    # --- section 4: gradient check ---------------------------------------------
    "bptt.s4.heading": {"en": "4 · Gradient check", "zh": "4 · 梯度检验"},
    "bptt.s4.explain": {
        "en": r"Is BPTT right? Nudge every weight $\theta_i$ by $\pm\varepsilon$ "
              r"($\varepsilon = 10^{{-5}}$), run the network again and compare the slope "
              r"$(L(\theta + \varepsilon e_i) - L(\theta - \varepsilon e_i)) / 2\varepsilon$ "
              r"with the BPTT gradient. The table gives the worst relative error "
              r"$|a - n| / (|a| + |n|)$ over each parameter; below {tol} the two agree to "
              r"float64 precision. Only the columns of $U$ that the sentence uses are nudged "
              r"(the others must have exactly zero gradient).",
        "zh": r"BPTT 算得对吗？把每个权重 $\theta_i$ 加减 $\varepsilon$"
              r"（$\varepsilon = 10^{{-5}}$），重新运行网络，比较斜率 "
              r"$(L(\theta + \varepsilon e_i) - L(\theta - \varepsilon e_i)) / 2\varepsilon$ "
              r"和 BPTT 算出的梯度。表中给出每个参数上最大的相对误差 "
              r"$|a - n| / (|a| + |n|)$；小于 {tol} 说明两者在 float64 精度内一致。只扰动句子"
              r"用到的 $U$ 的列（其余列的梯度必须恰好为零）。"},
    "bptt.s4.run": {"en": "Run the gradient check", "zh": "运行梯度检验"},
    "bptt.s4.param": {"en": "parameter", "zh": "参数"},
    "bptt.s4.worst": {"en": "worst relative error", "zh": "最大相对误差"},
    "bptt.s4.verdict": {"en": "verdict", "zh": "结论"},
    "bptt.s4.agree": {"en": "agrees", "zh": "一致"},
    "bptt.s4.disagree": {"en": "differs", "zh": "不一致"},
    "bptt.s4.differs": {
        "en": "A disagreement is not always a bug in BPTT: finite differences have their own "
              "error. With L = {L} the two losses L(θ ± ε) agree in most of their digits, so "
              "their difference keeps only a few; at a relu kink the slope itself jumps.",
        "zh": "不一致不一定说明 BPTT 有错：有限差分本身也有误差。L = {L} 时，两个损失 "
              "L(θ ± ε) 的大部分数字相同，相减后只剩下几位有效数字；在 relu 的拐点处，"
              "斜率本身就会跳变。"},
    "bptt.s4.truncated": {
        "en": "The check compares finite differences with full BPTT, the exact gradient. "
              "Truncated BPTT (k = {k}) is an approximation of it: section 3 says by how much.",
        "zh": "检验比较的是有限差分和完整 BPTT（精确梯度）。截断的 BPTT（k = {k}）只是它的"
              "近似：差多少见第 3 部分。"},
    # --- section 5: one SGD step -------------------------------------------------
    "bptt.s5.heading": {"en": "5 · One SGD step on this sentence",
                        "zh": "5 · 在这个句子上走一步 SGD"},
    "bptt.s5.explain": {
        "en": r"Stochastic gradient descent moves every weight a little against its "
              r"gradient: $\theta \leftarrow \theta - \eta\, \partial L/\partial\theta$ for "
              r"$\theta = U, W, V, b, c$. The step is taken on the model drawn on this page "
              r"(with its W scale and f) and becomes **your model for this session**: every "
              r"page draws it, nobody else sees it, and *reset* brings back the model you had "
              r"before.",
        "zh": r"随机梯度下降让每个权重沿梯度的反方向移动一点："
              r"$\theta \leftarrow \theta - \eta\, \partial L/\partial\theta$，"
              r"$\theta = U, W, V, b, c$。这一步作用在本页画出的模型上（包括它的 W 倍数和 f），"
              r"并成为**你在本次会话中的模型**：每个页面都会显示它，别人看不到；"
              r"点“重置”可以恢复之前的模型。"},
    "bptt.s5.lr": {"en": "Learning rate η", "zh": "学习率 η"},
    "bptt.s5.lr_help": {"en": "How far to move against the gradient. Too large, and the loss "
                              "goes up instead of down.",
                        "zh": "沿梯度反方向移动多远。太大的话，损失反而会上升。"},
    "bptt.s5.step": {"en": "Take one SGD step", "zh": "走一步 SGD"},
    "bptt.s5.step_help": {"en": "θ ← θ − η ∂L/∂θ on the model of this page (W × {scale}, "
                                "f = {f}).",
                          "zh": "在本页的模型上执行 θ ← θ − η ∂L/∂θ（W × {scale}，f = {f}）。"},
    "bptt.s5.step_help_truncated": {
        "en": "θ ← θ − η g on the model of this page (W × {scale}, f = {f}), where g is the "
              "gradient of truncated BPTT (k = {k}), not the exact ∂L/∂θ: "
              "‖g − ∂L/∂θ‖ / ‖∂L/∂θ‖ = {gap} over U, W, V, b, c. Turn truncation off to "
              "step along the exact gradient.",
        "zh": "在本页的模型上执行 θ ← θ − η g（W × {scale}，f = {f}），其中 g 是截断 BPTT"
              "（k = {k}）的梯度，而不是精确的 ∂L/∂θ：在 U、W、V、b、c 上 "
              "‖g − ∂L/∂θ‖ / ‖∂L/∂θ‖ = {gap}。关闭截断即可沿精确梯度走一步。"},
    "bptt.s5.truncated_step": {
        "en": "This step used the truncated gradient g (k = {k}), not the exact ∂L/∂θ: "
              "‖g − ∂L/∂θ‖ / ‖∂L/∂θ‖ = {gap}.",
        "zh": "这一步用的是截断的梯度 g（k = {k}），而不是精确的 ∂L/∂θ："
              "‖g − ∂L/∂θ‖ / ‖∂L/∂θ‖ = {gap}。"},
    "bptt.s5.reset": {"en": "Reset the model", "zh": "重置模型"},
    "bptt.s5.reset_help": {"en": "Undo the SGD steps: back to the model (and W scale and f) "
                                 "from before the first step.",
                           "zh": "撤销这些 SGD 步：回到第一步之前的模型（以及 W 倍数和 f）。"},
    "bptt.s5.count": {"en": "steps taken: {n}", "zh": "已走 {n} 步"},
    "bptt.s5.overflow": {
        "en": "The step with η = {lr} would have made the weights or the loss non-finite "
              "(overflow), so it was not applied. Exploding gradients do this to training; "
              "lower η or the W scale.",
        "zh": "η = {lr} 的这一步会让权重或损失变成非有限值（溢出），所以没有执行。梯度爆炸就会"
              "这样破坏训练；请减小 η 或 W 的倍数。"},
    "bptt.s5.before": {"en": "Before the step", "zh": "这一步之前"},
    "bptt.s5.after": {"en": "After the step", "zh": "这一步之后"},
    "bptt.s5.loss": {"en": "Loss L after the step", "zh": "这一步之后的损失 L"},
    "bptt.s5.changes": {"en": "How much each parameter moved", "zh": "每个参数变化了多少"},
    # --- figures -------------------------------------------------------------------
    "bptt.fig.backward_title": {
        "en": "The error of L<sub>{t}</sub> (step {t}: {word} → {tag}, L<sub>{t}</sub> = {L}) "
              "flowing back through time",
        "zh": "L<sub>{t}</sub> 的误差沿时间往回流（第 {t} 步：{word} → {tag}，"
              "L<sub>{t}</sub> = {L}）"},
    "bptt.fig.magnitude": {"en": "|gradient|", "zh": "|梯度|"},
    "bptt.fig.s0_given": {"en": "s<sub>0</sub> = 0 is given, not computed: it has no δ",
                          "zh": "s<sub>0</sub> = 0 是给定的，不是算出来的：它没有 δ"},
    "bptt.fig.after_t": {"en": "step {k} comes after t = {t}: L<sub>{t}</sub> does not "
                               "depend on it",
                         "zh": "第 {k} 步在 t = {t} 之后：L<sub>{t}</sub> 不依赖它"},
    "bptt.fig.cut": {"en": "cut by truncation: the error of L<sub>{t}</sub> travels back {n} "
                           "steps and stops at s<sub>{j}</sub>; step {k} gets nothing from it",
                     "zh": "被截断：L<sub>{t}</sub> 的误差只回传 {n} 步，停在 s<sub>{j}</sub>；"
                           "第 {k} 步得不到它"},
    "bptt.fig.stops": {
        "en": "s<sub>{j}</sub> receives ‖∂L<sub>{t}</sub>/∂s<sub>{j}</sub>‖ = {v}, and the "
              "error stops here: truncated to k = {n} steps, s<sub>{j}</sub> is treated like "
              "s<sub>0</sub>, so δ<sub>{j}</sub> = ∂L<sub>{t}</sub>/∂a<sub>{j}</sub> is not "
              "computed",
        "zh": "s<sub>{j}</sub> 收到 ‖∂L<sub>{t}</sub>/∂s<sub>{j}</sub>‖ = {v}，误差到此为止："
              "截断为 k = {n} 步时，s<sub>{j}</sub> 像 s<sub>0</sub> 一样被当作给定的输入，"
              "所以不计算 δ<sub>{j}</sub> = ∂L<sub>{t}</sub>/∂a<sub>{j}</sub>"},
    "bptt.fig.edge_V": {
        "en": "V: from o<sub>{t}</sub> down to s<sub>{t}</sub><br>‖∂L<sub>{t}</sub>/∂s<sub>{t}"
              "</sub>‖ = ‖Vᵀ(o<sub>{t}</sub> − y<sub>{t}</sub>)‖ = {v}",
        "zh": "V：从 o<sub>{t}</sub> 下到 s<sub>{t}</sub><br>‖∂L<sub>{t}</sub>/∂s<sub>{t}"
              "</sub>‖ = ‖Vᵀ(o<sub>{t}</sub> − y<sub>{t}</sub>)‖ = {v}"},
    "bptt.fig.edge_W": {
        "en": "W: from s<sub>{k}</sub> back to s<sub>{prev}</sub><br>‖∂L<sub>{t}</sub>/∂s<sub>"
              "{prev}</sub>‖ = ‖Wᵀ δ<sub>{k}</sub>‖ = {v}",
        "zh": "W：从 s<sub>{k}</sub> 回到 s<sub>{prev}</sub><br>‖∂L<sub>{t}</sub>/∂s<sub>"
              "{prev}</sub>‖ = ‖Wᵀ δ<sub>{k}</sub>‖ = {v}"},
    "bptt.fig.edge_U": {
        "en": "U: from s<sub>{k}</sub> down to the word x<sub>{k}</sub><br>‖δ<sub>{k}</sub>‖ = "
              "{v}, added to ∂L<sub>{t}</sub>/∂U[:, x<sub>{k}</sub>]",
        "zh": "U：从 s<sub>{k}</sub> 下到词 x<sub>{k}</sub><br>‖δ<sub>{k}</sub>‖ = {v}，"
              "累加到 ∂L<sub>{t}</sub>/∂U[:, x<sub>{k}</sub>]"},
    "bptt.fig.cut_edge": {
        "en": "✂ cut by truncation (k = {n}): the error of L<sub>{t}</sub> stops at "
              "s<sub>{j}</sub><br>kept: {kept} (its part of ∂L/∂U, ∂L/∂W, ∂L/∂b) and "
              "‖∂L<sub>{t}</sub>/∂s<sub>{j}</sub>‖ = ‖Wᵀ δ<sub>{first}</sub>‖ = {v}<br>"
              "cut: δ<sub>{j}</sub> and everything older; full BPTT would carry "
              "‖∂L<sub>{t}</sub>/∂s<sub>{prev}</sub>‖ = ‖Wᵀ δ<sub>{j}</sub>‖ = {w} over this "
              "edge",
        "zh": "✂ 被截断（k = {n}）：L<sub>{t}</sub> 的误差停在 s<sub>{j}</sub><br>"
              "保留：{kept}（它们计入 ∂L/∂U、∂L/∂W、∂L/∂b），以及 "
              "‖∂L<sub>{t}</sub>/∂s<sub>{j}</sub>‖ = ‖Wᵀ δ<sub>{first}</sub>‖ = {v}<br>"
              "截掉：δ<sub>{j}</sub> 及更早的一切；完整 BPTT 会沿这条边传回 "
              "‖∂L<sub>{t}</sub>/∂s<sub>{prev}</sub>‖ = ‖Wᵀ δ<sub>{j}</sub>‖ = {w}"},
    "bptt.fig.hover_o": {
        "en": "step {k} ({word}): target y<sub>{k}</sub> = {tag}<br>o<sub>{k}</sub>[{tag}] = "
              "{p}, L<sub>{k}</sub> = −log o<sub>{k}</sub>[{tag}] = {L}",
        "zh": "第 {k} 步（{word}）：目标 y<sub>{k}</sub> = {tag}<br>o<sub>{k}</sub>[{tag}] = "
              "{p}，L<sub>{k}</sub> = −log o<sub>{k}</sub>[{tag}] = {L}"},
    "bptt.fig.click_hint": {"en": "click to follow this loss back",
                            "zh": "点击以往回跟踪这个损失"},
    "bptt.fig.matrix_title": {"en": "Gradient flow ‖∂L<sub>t</sub>/∂s<sub>k</sub>‖",
                              "zh": "梯度流 ‖∂L<sub>t</sub>/∂s<sub>k</sub>‖"},
    "bptt.fig.flow_bar": {"en": "‖∂L<sub>t</sub>/∂s<sub>k</sub>‖",
                          "zh": "‖∂L<sub>t</sub>/∂s<sub>k</sub>‖"},
    "bptt.fig.flow_cell": {
        "en": "‖∂L<sub>t</sub>/∂s<sub>k</sub>‖ = %{customdata[0]:.2e}<br>loss L<sub>t</sub> of "
              "%{y}, state s<sub>k</sub> of step %{x}<br>%{customdata[1]} steps back",
        "zh": "‖∂L<sub>t</sub>/∂s<sub>k</sub>‖ = %{customdata[0]:.2e}<br>%{y} 的损失 "
              "L<sub>t</sub>，第 %{x} 步的状态 s<sub>k</sub><br>往回 %{customdata[1]} 步"},
    "bptt.preset.label": {"en": "Try:", "zh": "试一试："},
    "bptt.preset.vanish": {"en": "vanishing (W × 0.5)", "zh": "梯度消失（W × 0.5）"},
    "bptt.preset.explode": {"en": "exploding (W × {k}, f = identity)",
                            "zh": "梯度爆炸（W × {k}，f = identity）"},
    "bptt.preset.model": {"en": "the model as trained (W × 1, f = {f})",
                          "zh": "训练好的模型（W × 1，f = {f}）"},
    "bptt.fig.zero_cell": {
        "en": "exactly 0: o_t equals its target to machine precision, so L_t = 0 sends no "
              "error back (no logarithm to colour)",
        "zh": "恰好为 0：o_t 在机器精度内等于目标，L_t = 0，不向回传任何误差（0 没有对数，无法着色）"},
    "bptt.fig.cut_cell": {"en": "cut by truncation (more than {n} steps back)",
                          "zh": "被截断（往回超过 {n} 步）"},
    "bptt.fig.flow_point": {"en": "k = {k} ({wk})<br>‖∂L<sub>{t}</sub>/∂s<sub>{k}</sub>‖ = {v}",
                            "zh": "k = {k}（{wk}）<br>‖∂L<sub>{t}</sub>/∂s<sub>{k}</sub>‖ = {v}"},
    "bptt.fig.line_title": {"en": "Row t = {t} ({word}): ×{f} per step back<br>{trend}",
                            "zh": "第 t = {t} 行（{word}）：每往回一步 ×{f}<br>{trend}"},
    "bptt.fig.line_legend": {
        "en": "── ‖∂L<sub>t</sub>/∂s<sub>k</sub>‖   - - ρ(W)<sup>t−k</sup>: W alone (ρ = {rho})",
        "zh": "── ‖∂L<sub>t</sub>/∂s<sub>k</sub>‖   - - ρ(W)<sup>t−k</sup>：只有 W（ρ = {rho}）"},
    "bptt.fig.no_error_row": {"en": "L<sub>{t}</sub> = 0: no error to send back",
                              "zh": "L<sub>{t}</sub> = 0：没有误差可以往回传"},
    "bptt.fig.axis_k": {"en": "earlier step k (state s<sub>k</sub>)",
                        "zh": "更早的时间步 k（状态 s<sub>k</sub>）"},
    "bptt.fig.axis_t": {"en": "output step t (loss L<sub>t</sub>)",
                        "zh": "输出时间步 t（损失 L<sub>t</sub>）"},
    "bptt.fig.axis_norm": {"en": "‖∂L<sub>{t}</sub>/∂s<sub>k</sub>‖, log scale",
                           "zh": "‖∂L<sub>{t}</sub>/∂s<sub>k</sub>‖（对数刻度）"},
    "bptt.fig.dU": {"en": "∂L/∂U (sentence columns)", "zh": "∂L/∂U（句子用到的列）"},
    "bptt.fig.dW": {"en": "∂L/∂W", "zh": "∂L/∂W"},
    "bptt.fig.dV": {"en": "∂L/∂V", "zh": "∂L/∂V"},
    "bptt.fig.axis_prev_unit": {"en": "unit of s<sub>t−1</sub>", "zh": "s<sub>t−1</sub> 的单元"},
    "bptt.fig.terms_title": {
        "en": "∂L/∂W = Σ<sub>t</sub> δ<sub>t</sub> s<sub>t−1</sub>ᵀ, one term per step",
        "zh": "∂L/∂W = Σ<sub>t</sub> δ<sub>t</sub> s<sub>t−1</sub>ᵀ：每一步一项"},
    "bptt.fig.terms_sum": {"en": "their sum Σ<sub>t</sub> = ∂L/∂W",
                           "zh": "各项之和 Σ<sub>t</sub> = ∂L/∂W"},
    "bptt.fig.term_cell": {
        "en": "the term of t = %{customdata}: δ<sub>t</sub> s<sub>t−1</sub>ᵀ<br>"
              "δ<sub>t</sub>[i] · s<sub>t−1</sub>[j] = %{z:.2e}",
        "zh": "t = %{customdata} 的那一项：δ<sub>t</sub> s<sub>t−1</sub>ᵀ<br>"
              "δ<sub>t</sub>[i] · s<sub>t−1</sub>[j] = %{z:.2e}"},
    "bptt.fig.node_hover": {
        "en": "δ<sub>%{customdata[0]}</sub>[%{customdata[1]}] = ∂L<sub>t</sub>/∂a = "
              "%{customdata[2]:.2e}<br>∂L<sub>t</sub>/∂s = %{customdata[3]:.2e}<br>"
              "f′(a) = %{customdata[4]:.3f}",
        "zh": "δ<sub>%{customdata[0]}</sub>[%{customdata[1]}] = ∂L<sub>t</sub>/∂a = "
              "%{customdata[2]:.2e}<br>∂L<sub>t</sub>/∂s = %{customdata[3]:.2e}<br>"
              "f′(a) = %{customdata[4]:.3f}"},
}
