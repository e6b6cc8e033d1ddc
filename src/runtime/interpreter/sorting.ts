import { ordered, truthy } from "./operators";
import type { PyValue } from "./objects";
import type { Runtime } from "./runtime";

/**
 * Python's `sorted`: stable, comparing with `<` only (so user `__lt__` works), by `key` when
 * given; `reverse` keeps equal items in their original order, as CPython does.
 */
export function sortValues(rt: Runtime, items: PyValue[], key: PyValue, reverse: PyValue): PyValue[] {
  const keyed = items.map((item, index) => ({
    item,
    index,
    key: key === null ? item : rt.call(key, [item]),
  }));
  const descending = truthy(rt, reverse);
  keyed.sort((a, b) => {
    const [x, y] = descending ? [b, a] : [a, b];
    if (ordered(rt, "<", x.key, y.key)) return -1;
    if (ordered(rt, "<", y.key, x.key)) return 1;
    return a.index - b.index;
  });
  return keyed.map((k) => k.item);
}
