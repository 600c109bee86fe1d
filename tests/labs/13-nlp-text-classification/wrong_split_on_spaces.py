"""Tokenizes with str.split(): punctuation sticks to words ("good," is not "good") and digits stay.

loses: q1_tests
"""
# %% q1
def tokenize(text):
    return text.lower().split()


def bag_of_words(texts):
    tokenized = [tokenize(text) for text in texts]
    vocabulary = sorted({token for tokens in tokenized for token in tokens})
    column = {token: j for j, token in enumerate(vocabulary)}
    counts = np.zeros((len(texts), len(vocabulary)), dtype=int)
    for i, tokens in enumerate(tokenized):
        for token in tokens:
            counts[i, column[token]] += 1
    return vocabulary, counts
