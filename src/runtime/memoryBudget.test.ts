import { describe, expect, it } from "vitest";
import {
  chargeArray,
  chargeGrowth,
  chargeString,
  EngineMemoryError,
  MAX_ARRAY_ITEMS,
  meterMemoryWith,
} from "../engine/memory";
import { MemoryBudget, type MemoryProbe } from "./memoryBudget";
import { runProgram } from "./runProgram";

/** A heap whose use the test sets, and which counts how often it was measured and collected. */
function fakeHeap(start: number) {
  const heap = { used: start, garbage: 0, measured: 0, collected: 0 };
  const probe: MemoryProbe = {
    used: () => {
      heap.measured++;
      return heap.used + heap.garbage;
    },
    collect: () => {
      heap.collected++;
      heap.garbage = 0;
    },
  };
  return { heap, probe };
}

const MB = 1024 * 1024;

describe("MemoryBudget", () => {
  it("measures the heap only every few megabytes charged, and lets a program use its budget", () => {
    const { heap, probe } = fakeHeap(100 * MB);
    const budget = new MemoryBudget(64 * MB, probe);
    for (let i = 0; i < 1000; i++) {
      budget.charge(1024);
      heap.used += 1024;
    }
    expect(heap.measured).toBe(1); // at the start only: 1 MB charged in 1 KB pieces
    for (let i = 0; i < 60; i++) {
      budget.charge(MB / 2);
      heap.used += MB / 2;
    }
    expect(heap.measured).toBeGreaterThan(1);
    expect(heap.measured).toBeLessThan(20);
  });

  it("collects garbage before it calls the budget spent, and raises MemoryError past it", () => {
    const { heap, probe } = fakeHeap(0);
    const budget = new MemoryBudget(64 * MB, probe);
    heap.garbage = 60 * MB; // dead objects V8 has not collected yet
    budget.charge(16 * MB);
    expect(heap.collected).toBe(1);
    heap.used = 60 * MB;
    expect(() => budget.charge(16 * MB)).toThrow(EngineMemoryError);
  });

  it("collects a second time when the first left array buffers V8's sweeper had not released yet", () => {
    const { heap, probe } = fakeHeap(0);
    let sweeping = 0;
    const swept: MemoryProbe = {
      used: () => probe.used() + sweeping,
      // the collection finds 60 MB of tensors dead; their buffers go back only at the next one
      collect: () => {
        sweeping = heap.garbage > 0 ? heap.garbage : 0;
        probe.collect!();
      },
    };
    const budget = new MemoryBudget(64 * MB, swept);
    heap.garbage = 60 * MB;
    budget.charge(16 * MB);
    expect(heap.collected).toBe(2);
    expect(() => budget.charge(40 * MB)).not.toThrow();
  });

  it("does not count what earlier runs left as this run's start: it collects first when much piled up", () => {
    const { heap, probe } = fakeHeap(20 * MB);
    new MemoryBudget(64 * MB, probe); // the first run: its start is the heap's baseline
    heap.garbage = 100 * MB; // what that run left behind, not yet collected
    const budget = new MemoryBudget(64 * MB, probe);
    expect(heap.collected).toBe(1);
    heap.used += 60 * MB;
    expect(() => budget.charge(8 * MB)).toThrow(EngineMemoryError); // 68 MB beyond the true start
    heap.used = 20 * MB;
    heap.garbage = 4 * MB; // a little garbage is not worth a collection
    new MemoryBudget(64 * MB, probe);
    // (two more, by the MemoryError's check above: the second waits for V8's array-buffer sweeper)
    expect(heap.collected).toBe(3);
  });

  it("stops below V8's own heap limit whatever the budget, when garbage could not be freed", () => {
    const { heap, probe } = fakeHeap(150 * MB);
    const budget = new MemoryBudget(64 * MB, { ...probe, ceiling: 160 * MB });
    heap.used += 8 * MB;
    budget.charge(1 * MB); // 159 MB: still below the ceiling
    expect(() => budget.charge(3 * MB)).toThrow(EngineMemoryError); // 161 MB: past the ceiling
  });

  it("counts from a lower heap when the start proves to have held garbage freed since", () => {
    const { heap, probe } = fakeHeap(10 * MB);
    heap.used = 150 * MB; // a start a collection could not shrink yet: held only for a moment
    const budget = new MemoryBudget(64 * MB, probe);
    heap.used = 14 * MB; // freed by V8 during the run
    budget.charge(2 * MB); // measured: 16 MB, the budget counts from 14 MB now
    expect(() => budget.charge(70 * MB)).toThrow(EngineMemoryError); // 84 MB > 14 + 64
  });

  it("measures one large piece at once: a string kept as a rope must still fit when flattened", () => {
    const { heap, probe } = fakeHeap(0);
    const budget = new MemoryBudget(64 * MB, probe);
    const before = heap.measured;
    expect(() => budget.charge(100 * MB)).toThrow(EngineMemoryError);
    expect(heap.measured).toBeGreaterThan(before);
  });

  it("polls the heap for growth nothing charged (objects, dicts)", () => {
    const { heap, probe } = fakeHeap(0);
    const budget = new MemoryBudget(64 * MB, probe);
    heap.used = 80 * MB;
    expect(() => budget.poll()).toThrow(EngineMemoryError);
  });
});

describe("the engine's charges", () => {
  it("refuse sizes V8 cannot hold, with or without a meter", () => {
    expect(() => chargeArray(MAX_ARRAY_ITEMS + 1)).toThrow(EngineMemoryError);
    expect(() => chargeArray(10 ** 10)).toThrow(EngineMemoryError);
    expect(() => chargeString(10 ** 10)).toThrow(EngineMemoryError);
    expect(() => chargeGrowth(MAX_ARRAY_ITEMS + 1024 - ((MAX_ARRAY_ITEMS + 1024) % 1024))).toThrow(
      EngineMemoryError,
    );
  });

  it("go to the meter in use", () => {
    const charged: number[] = [];
    const previous = meterMemoryWith({ charge: (n) => charged.push(n) });
    try {
      chargeArray(10);
      chargeString(1000);
      chargeGrowth(1024);
    } finally {
      meterMemoryWith(previous);
    }
    expect(charged).toEqual([80, 1000, 8192]);
  });
});

describe("MemoryError in programs", () => {
  const run = (source: string, memoryBudgetMb = 64) =>
    runProgram(source, { memoryBudgetMb, stepBudget: 1e9 });

  it("is raised at the line that asked, and caught like CPython's", () => {
    const source = "x = [0]\nwhile True:\n    x = x + x\n";
    const trace = run(source);
    expect(trace.diagnostics).toEqual([
      {
        severity: "error",
        message: "MemoryError",
        span: { from: source.indexOf("x + x"), to: source.indexOf("x + x") + 5 },
        code: "runtime",
      },
    ]);
    const caught = run("try:\n    x = [0] * 10**10\nexcept MemoryError:\n    print('too big')\n");
    expect(caught.ok).toBe(true);
    expect(caught.stdout).toBe("too big\n");
  });

  it("refuses what CPython would take hours or all memory for, at once", () => {
    expect(run("s = 'x' * 10**10\n").diagnostics[0].message).toBe("MemoryError");
    expect(run("n = 10 ** 10**10\n").diagnostics[0].message).toBe("MemoryError");
    expect(run("n = 1 << 10**10\n").diagnostics[0].message).toBe("MemoryError");
    expect(run("x = list(range(10**9))\n").diagnostics[0].message).toBe("MemoryError");
    expect(run("print(f'{1:>1000000000}')\n").diagnostics[0].message).toBe("MemoryError");
  });

  it("limits int-to-text conversion to 4,300 digits as CPython 3.11 does (recorded messages)", () => {
    const trace = run(
      "n = 2 ** 10**6\ntry:\n    print(n)\nexcept ValueError as e:\n    print(e)\nprint(n.bit_length())\nprint(str(10**4299)[:3], len(str(10**4299)))\n",
    );
    expect(trace.stdout).toBe(
      "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit\n1000001\n100 4300\n",
    );
    expect(run("int('1' * 5000)\n").diagnostics[0].message).toBe(
      "ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit",
    );
  });

  it("lets a program that makes and drops lists run on", () => {
    const trace = run(
      "total = 0\nfor i in range(300):\n    xs = [1.0] * 100000\n    total += len(xs)\nprint(total)\n",
      64,
    );
    expect(trace.ok).toBe(true);
    expect(trace.stdout).toBe("30000000\n");
  });
});
