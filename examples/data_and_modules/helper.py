# Helpers for bigram_counts.py: the bigrams of a word, with '.' marking its start and end.


def bigrams(word):
    chars = ["."] + list(word) + ["."]
    return list(zip(chars, chars[1:]))


def count_bigrams(words):
    counts = {}
    for w in words:
        for pair in bigrams(w):
            counts[pair] = counts.get(pair, 0) + 1
    return counts


def row_totals(counts):
    totals = {}
    for (first, _), n in counts.items():
        totals[first] = totals.get(first, 0) + n
    return totals


if __name__ == "__main__":
    print(bigrams("ada"))
