"""The network math, NumPy only: the tutorial's RNN, and the LSTM and GRU next to it.

    s_t = f(U x_t + W s_{t-1} + b),    o_t = g(V s_t + c),  g = softmax

``model`` (the parameters U, W, V, b, c and the shape convention), ``activations``
(f), ``forward`` (s[t], o[t] and every vector a picture needs), ``loss``, ``bptt``
(backpropagation through time: delta[t] and the gradients), ``gradcheck``,
``optim`` (SGD, Adam, clipping), ``checkpoint`` (the .npz file format) and
``pytorch_names`` (the same weights under PyTorch's names). The gated cells:
``lstm`` and ``gru`` (each: model, forward, BPTT, gradient flow, PyTorch mapping) on
``gated_model`` (stacked gate parameters, the trace of a sentence) and
``gated_bptt`` (the walk back, truncation as ``bptt``'s), named by ``cell_names``;
``cells`` runs any of the three by name (what training and evaluation call).
"""
