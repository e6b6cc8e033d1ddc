/**
 * `sklearn.model_selection.train_test_split` and `sklearn.metrics.accuracy_score` as
 * scikit-learn 1.2 computes them, written in Python over GradLens's numpy: the split shuffles
 * with the same RandomState draw (`permutation(n_samples)`: the test rows first), so a seeded
 * split picks scikit-learn's rows. Stratified splits and the other metrics are not here.
 */

export const SKLEARN_MODEL_SELECTION_SOURCE = `
import numpy as np
from math import ceil, floor


def _num_samples(x):
    shape = getattr(x, "shape", None)
    if shape is not None:
        if len(shape) == 0:
            raise TypeError(f"Singleton array {x!r} cannot be considered a valid collection.")
        return shape[0]
    if not hasattr(x, "__len__"):
        raise TypeError(f"Expected sequence or array-like, got {type(x)}")
    return len(x)


def _kind(v):
    if isinstance(v, bool):
        return "b"
    if isinstance(v, (int, np.integer)):
        return "i"
    if isinstance(v, (float, np.floating)):
        return "f"
    return "none" if v is None else "other"


def _validate_shuffle_split(n_samples, test_size, train_size, default_test_size):
    if test_size is None and train_size is None:
        test_size = default_test_size
    test_kind = _kind(test_size)
    train_kind = _kind(train_size)
    if (test_kind == "i" and (test_size >= n_samples or test_size <= 0)) or (
        test_kind == "f" and (test_size <= 0 or test_size >= 1)
    ):
        raise ValueError(
            f"test_size={test_size} should be either positive and smaller"
            f" than the number of samples {n_samples} or a float in the (0, 1) range"
        )
    if (train_kind == "i" and (train_size >= n_samples or train_size <= 0)) or (
        train_kind == "f" and (train_size <= 0 or train_size >= 1)
    ):
        raise ValueError(
            f"train_size={train_size} should be either positive and smaller"
            f" than the number of samples {n_samples} or a float in the (0, 1) range"
        )
    if train_size is not None and train_kind not in ("i", "f"):
        raise ValueError(f"Invalid value for train_size: {train_size}")
    if test_size is not None and test_kind not in ("i", "f"):
        raise ValueError(f"Invalid value for test_size: {test_size}")
    if train_kind == "f" and test_kind == "f" and train_size + test_size > 1:
        raise ValueError(
            f"The sum of test_size and train_size = {train_size + test_size}, should be in the (0, 1)"
            " range. Reduce test_size and/or train_size."
        )
    if test_kind == "f":
        n_test = ceil(test_size * n_samples)
    elif test_kind == "i":
        n_test = float(test_size)
    if train_kind == "f":
        n_train = floor(train_size * n_samples)
    elif train_kind == "i":
        n_train = float(train_size)
    if train_size is None:
        n_train = n_samples - n_test
    elif test_size is None:
        n_test = n_samples - n_train
    if n_train + n_test > n_samples:
        raise ValueError(
            "The sum of train_size and test_size = %d, should be smaller than the number of samples %d."
            " Reduce test_size and/or train_size." % (n_train + n_test, n_samples)
        )
    n_train, n_test = int(n_train), int(n_test)
    if n_train == 0:
        raise ValueError(
            f"With n_samples={n_samples}, test_size={test_size} and train_size={train_size}, the"
            " resulting train set will be empty. Adjust any of the aforementioned parameters."
        )
    return n_train, n_test


def _permutation(random_state, n):
    # check_random_state: None (or np.random) is numpy's global RandomState
    if random_state is None or random_state is np.random:
        return np.random.permutation(n)
    if isinstance(random_state, np.random.RandomState):
        return random_state.permutation(n)
    if isinstance(random_state, (int, np.integer)):
        return np.random.RandomState(random_state).permutation(n)
    raise ValueError(f"{random_state!r} cannot be used to seed a numpy.random.RandomState instance")


def _take(a, rows):
    if hasattr(a, "shape"):
        return a[rows]
    return [a[i] for i in rows]


def train_test_split(*arrays, test_size=None, train_size=None, random_state=None, shuffle=True, stratify=None):
    if len(arrays) == 0:
        raise ValueError("At least one array required as input")
    lengths = [_num_samples(a) for a in arrays]
    if len(set(lengths)) > 1:
        raise ValueError(
            "Found input variables with inconsistent numbers of samples: %r" % [int(n) for n in lengths]
        )
    n_samples = lengths[0]
    n_train, n_test = _validate_shuffle_split(n_samples, test_size, train_size, 0.25)
    if shuffle is False:
        if stratify is not None:
            raise ValueError("Stratified train/test split is not implemented for shuffle=False")
        train = np.arange(n_train)
        test = np.arange(n_train, n_train + n_test)
    else:
        if stratify is not None:
            raise NotImplementedError("GradLens's train_test_split does not stratify (stratify=...)")
        permutation = _permutation(random_state, n_samples)
        test = permutation[:n_test]
        train = permutation[n_test : (n_test + n_train)]
    result = []
    for a in arrays:
        result.append(_take(a, train))
        result.append(_take(a, test))
    return result


def __getattr__(name):
    raise AttributeError(f"GradLens's sklearn.model_selection has only train_test_split, not '{name}'")
`;

export const SKLEARN_METRICS_SOURCE = `
import numpy as np


def _target_type(y):
    if y.ndim == 2 and y.shape[1] > 1:
        return "multilabel-indicator"
    if y.dtype.kind == "f" and np.any(y != y.astype(int)):
        return "continuous"
    return "multiclass" if len(np.unique(y)) > 2 else "binary"


def _labels(y):
    y = np.asarray(y)
    if y.ndim == 2 and y.shape[1] == 1:
        y = y.ravel()
    return y


def accuracy_score(y_true, y_pred, *, normalize=True, sample_weight=None):
    y_true = _labels(y_true)
    y_pred = _labels(y_pred)
    if len(y_true) != len(y_pred):
        raise ValueError(
            "Found input variables with inconsistent numbers of samples: %r" % [len(y_true), len(y_pred)]
        )
    types = {_target_type(y_true), _target_type(y_pred)}
    if types == {"binary", "multiclass"}:
        types = {"multiclass"}
    if len(types) > 1:
        raise ValueError(
            "Classification metrics can't handle a mix of {0} and {1} targets".format(
                _target_type(y_true), _target_type(y_pred)
            )
        )
    kind = types.pop()
    if kind not in ("binary", "multiclass", "multilabel-indicator"):
        raise ValueError("{0} is not supported".format(kind))
    if kind == "multilabel-indicator":
        score = np.all(y_true == y_pred, axis=1)
    else:
        score = y_true == y_pred
    if normalize:
        return float(np.average(score, weights=sample_weight))
    if sample_weight is not None:
        return float(np.dot(score, sample_weight))
    return int(score.sum())


def __getattr__(name):
    raise AttributeError(f"GradLens's sklearn.metrics has only accuracy_score, not '{name}'")
`;
