"""What the pages compute about one sentence, beyond the forward pass.

``backprop`` (the BPTT page: a variant of the model with W scaled or f swapped,
per-token losses, truncated BPTT, one SGD step), ``reach`` (how far back each
word reaches: gradients and occlusion, for the Why page) and ``examples`` (the
sentences the Why page offers, each with what it shows).
"""
