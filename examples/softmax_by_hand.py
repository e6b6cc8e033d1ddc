# Softmax and cross-entropy built from Values: exp, a sum, a division, and -log of the
# probability of the right class. The gradient of the loss on each logit is p - onehot.
from micrograd.engine import Value

logits = [Value(2.0), Value(1.0), Value(-1.0)]
target = 0

exps = [z.exp() for z in logits]
total = sum(exps)
probs = [e / total for e in exps]
loss = -probs[target].log()
loss.backward()

print(f"loss = {loss.data:.6f}")
print("probs:", [f"{p.data:.4f}" for p in probs])
print("dloss/dlogits:", [f"{z.grad:.4f}" for z in logits])

# Expectations computed with CPython 3.11 running the same program on a micrograd stand-in
# of our own (not part of GradLens), and checked by hand where the comments above say so:
# expect: loss.data == 0.34901221676818633
# expect: probs[0].data == 0.7053845126982412
# expect: logits[0].grad == -0.2946154873017589
# expect: logits[1].grad == 0.25949646034241913
# expect: logits[2].grad == 0.03511902695933973
