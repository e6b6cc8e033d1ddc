import { deterministicHash } from "../hashing";
import type { PySet, PyValue } from "./objects";
import { setItems } from "./setEntries";

const MINSIZE = 8;
const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5n;
const MASK64 = 2n ** 64n - 1n;

/**
 * The order CPython iterates a set in: its hash table's slot order. For numbers (and tuples
 * of them) hashes are fixed, so the table CPython 3.11 builds can be replayed from the items'
 * insertion order (`{3, 1, 2}` prints `{1, 2, 3}`). Strings and objects have per-process
 * hashes in CPython, so any order is as good as CPython's: those sets keep insertion order.
 * Replaying assumes the set only grew (a removal leaves a dummy slot that can move later items).
 */
export function setIterationOrder(set: PySet): PyValue[] {
  const items = setItems(set);
  if (items.length < 2) return items;
  const hashes: bigint[] = [];
  for (const item of items) {
    const h = deterministicHash(item);
    if (h === null) return items;
    hashes.push(h & MASK64); // CPython probes with the hash as an unsigned size_t
  }
  let mask = MINSIZE - 1;
  let table: number[] = new Array(MINSIZE).fill(-1);
  let fill = 0;
  for (let k = 0; k < items.length; k++) {
    insert(table, mask, hashes, k);
    fill++;
    if (fill * 5 >= mask * 3) {
      // set_table_resize(used * 4): the smallest power of two above it, re-inserting in slot order
      let size = MINSIZE;
      while (size <= fill * 4) size *= 2;
      const old = table;
      mask = size - 1;
      table = new Array(size).fill(-1);
      for (const index of old) if (index >= 0) insert(table, mask, hashes, index);
    }
  }
  return table.filter((index) => index >= 0).map((index) => items[index]);
}

/** CPython's probe sequence: up to LINEAR_PROBES neighbours, then a perturbed jump. */
function insert(table: number[], mask: number, hashes: bigint[], index: number): void {
  const hash = hashes[index];
  let perturb = hash;
  let i = Number(hash & BigInt(mask));
  for (;;) {
    if (table[i] < 0) {
      table[i] = index;
      return;
    }
    if (i + LINEAR_PROBES <= mask) {
      for (let j = 1; j <= LINEAR_PROBES; j++) {
        if (table[i + j] < 0) {
          table[i + j] = index;
          return;
        }
      }
    }
    perturb >>= PERTURB_SHIFT;
    i = Number((BigInt(i) * 5n + 1n + perturb) & BigInt(mask));
  }
}
