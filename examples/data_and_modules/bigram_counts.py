# makemore's bigram model, counted from names.txt: the average negative log likelihood of the
# names, with add-alpha smoothing whose alpha is a micrograd Value, so backward() gives ∂loss/∂alpha.
# It reads names.txt and imports helper.py, both beside it.
from micrograd.engine import Value
import helper

words = open('names.txt', 'r').read().splitlines()
chars = sorted(list(set(''.join(words))))
stoi = {s: i + 1 for i, s in enumerate(chars)}
stoi['.'] = 0
vocab = len(stoi)

counts = helper.count_bigrams(words)
totals = helper.row_totals(counts)
top = sorted(counts.items(), key=lambda kv: -kv[1])[:3]
print(len(words), 'names,', vocab, 'characters,', len(counts), 'distinct bigrams; most common:', top)

alpha = Value(1.0)
log_likelihood = Value(0.0)
n = 0
for w in words[:4]:
    for ch1, ch2 in helper.bigrams(w):
        p = (counts.get((ch1, ch2), 0) + alpha) / (totals[ch1] + vocab * alpha)
        log_likelihood = log_likelihood + p.log()
        n += 1
loss = -log_likelihood / n
loss.backward()
print(f'nll={loss.data:.4f} over {n} bigrams, dloss/dalpha={alpha.grad:.4f}')

# expect: len(words) == 32
# expect: vocab == 21
# expect: len(counts) == 77
# expect: top == [(('a', '.'), 13), (('a', 'n'), 6), (('n', '.'), 6)]
# expect: n == 18
# expect: loss.data == 2.042756592762935
# expect: alpha.grad == 0.29641396162288486
