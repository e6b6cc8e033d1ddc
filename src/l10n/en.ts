/**
 * The English text GradLens makes outside the extension host (hovers, diagnostics, the
 * step-through, gradient checks, training, worker stops, the webview's controls). `{0}`, `{1}`…
 * are filled in by `messages()`; code spans (`…`) and formulas stay as they are in every language.
 * The keys here are the catalogue: every other language must have exactly these.
 */
export const en = {
  // Lists: "a and b", "a, b and c".
  "list.and": "{0} and {1}",
  "list.comma": "{0}, {1}",

  // The hover on a name.
  "hover.kind.leaf": "a leaf value",
  "hover.kind.const": "a constant",
  "hover.kind.op": "made by `{0}`",
  "hover.kind.opIn": "made by `{0}` in `{1}`",
  "hover.tensor": "Tensor of shape {0} · min {1} · max {2} · mean {3}",
  "hover.norm": "‖{0}‖ ({1} values)",
  "hover.madeTimes": "Made {0} times by this expression (in a loop); this is the last one.",
  "hover.noBackward": "No gradient yet: the program never calls `.backward()`.",
  "hover.unreached": "{0} = 0 — `{1}` does not reach `{2}`.",
  "hover.gradReads": "`{0}.grad` reads `{1}` (it accumulates across `backward()` calls).",
  "hover.isRoot": "`{0}` is the root: {1} = 1.",
  "hover.ownAgrees": "✓ `{0}.grad` = `{1}`: your gradient matches the chain rule.",
  "hover.ownDiffers": "✗ Your backward: `{0}.grad` = `{1}` · the chain rule: {2} = `{3}`",
  "hover.termYours": " — your `_backward` sent `{0}`",
  "hover.handAgrees": "✓ {0}: your gradient matches the chain rule ({1}).",
  "hover.handDiffers": "✗ {0}: yours `{1}` · the chain rule `{2}`",
  "hover.handWorst": "The largest difference is at {0}: yours `{1}`, the chain rule `{2}` ({3}).",
  "hover.chainRule": "Chain rule, one term per use:",
  "hover.term": "- via `{0}` ({1}): {2} = {3} × {4} = **{5}**",
  "hover.sum": "Sum: {0} = **{1}**",
  "hover.fullPrecision": "Full precision: `{0}.data = {1}`",
  "hover.fullPrecisionGrad": "Full precision: `{0}.data = {1}`, `{2} = {3}`",
  "hover.showInGraph": "Show in graph",

  // Gradient health: NaN/∞ in the forward pass.
  "health.nan.constant":
    "The constant {0} enters the computation here: the program made this number, not an operation. " +
    "Everything computed from it will be non-finite too.",
  "health.nan.leaf":
    "`{0}` is {1} from the start: the program made this number, not an operation. " +
    "Everything computed from it will be non-finite too.",
  "health.nan.op":
    "`{0}` produced {1}{2} here{3}. " +
    "This is the first non-finite value in the run; everything computed from it is non-finite too.",
  "health.nan.from": " from {0}",
  "health.nan.hint": " ({0})",
  "health.nan.input": "The input {0} (`{1}`) was made here.",
  "health.nan.elements": "{0} in {1} of {2} elements",
  "health.hint.log": "log is only defined for positive numbers",
  "health.hint.sqrt": "a square root of a negative number",
  "health.hint.exp": "exp overflows a float past about 709",
  "health.hint.zeroPower":
    "0 to a negative power: a division by zero (micrograd computes a / b as a * b**-1)",
  "health.hint.fractionalPower": "a negative number to a fractional power",
  "health.hint.division": "a division by zero",
  // … and in the backward pass.
  "health.nanGrad":
    "The gradient turns non-finite here: `{0}` passes {1} back to `{2}` ({3}). " +
    "This is the first non-finite gradient in the backward pass; " +
    "every value it flows back to gets a non-finite gradient too.",
  "health.nanGrad.local": "its local derivative at {0} is {1}",
  "health.nanGrad.overflow": "upstream × local = {0} × {1} overflows",
  "health.nanGrad.localDerivative": "its local derivative",
  // Dead ReLUs.
  "health.relu.one":
    "This ReLU's input is {0}, so its output is 0 and its gradient is zero: nothing flows back through it.",
  "health.relu.all":
    "This ReLU's gradient is zero for every input ({0} of {0} values ≤ 0): nothing flows back " +
    "through it, so nothing before it learns from this path (a “dead” ReLU).",
  "health.relu.input": "Its input comes from here (last value {0}).",
  // Vanishing and exploding parameter gradients.
  "health.subject.unnamed": "The gradient of this value",
  "health.subject.it": "it",
  "health.exploding.one":
    "{0} is {1}, exploding (above {2}): one gradient step would throw {3} far off. " +
    "Try a smaller learning rate or clip the gradient.",
  "health.exploding.many":
    "{0} of {1} values made here have exploding gradients (above {2}; the largest is {3}): one gradient " +
    "step would throw them far off. Try a smaller learning rate or clip the gradient.",
  "health.vanishing.zero":
    "{0} is exactly 0: {1} feeds {2}, but no gradient gets back to it, so training will not change it.",
  "health.vanishing.one":
    "{0} is {1}, vanishingly small (below {2}): a gradient step will barely change {3}.",
  "health.vanishing.many":
    "{0} of {1} values made here have vanishing gradients (below {2}; the smallest " +
    "is {3}): gradient steps will barely change them.",
  // Where on the path the gradient shrank or grew.
  "health.cause.reluOff":
    "This ReLU is off here (its input is ≤ 0): its local derivative is 0, so no gradient passes.",
  "health.cause.saturated":
    "This `{0}` is saturated (output {1}): its local derivative {2} shrinks every gradient passing through.",
  "health.cause.shrinks": "`{0}` scales the gradient by {1} here, shrinking it the most on its way back.",
  "health.cause.grows":
    "`{0}` scales the gradient by {1} here (its output is {2}), growing it the most on its way back.",

  // Step Through Backward Pass.
  "step.leaf": "{0} is a leaf: {1} is final — this is what {0}.grad holds.",
  "step.noInputs": "{0}: {1} is complete; it has no inputs to pass it to.",
  "step.root": "{0} is the root: {1} = 1 — pass it back to {2}.",
  "step.node": "{0}{1} ({2}): {3} is complete — pass it back to {4}.",
  "step.inLayer": "In {0}: {1}",
  "step.term": "{0} = {1} × {2} = {3} (now {4})",
  "step.vjp": "vector–Jacobian product",
  "step.counter": "Step {0} / {1}",
  "step.previous": "◀ Prev",
  "step.previousTitle": "Previous step",
  "step.play": "▶ Play",
  "step.playTitle": "Play",
  "step.pause": "❚❚ Pause",
  "step.pauseTitle": "Pause",
  "step.next": "Next ▶",
  "step.nextTitle": "Next step",
  "step.stop": "■ Stop",
  "step.stopTitle": "Stop stepping",

  // Check Gradients.
  "check.noBackward": "Nothing to check: the program never calls .backward() (choose an output first).",
  "check.noLeaf":
    "No parameter reaches the root (no Value leaf, no tensor that requires grad), so there is nothing to check.",
  "check.rootNotScalar": "The root has {0} elements; finite differences need a one-element root (a loss).",
  "check.float64Failed": "The program does not run the same with its float32 tensors computed in float64.",
  "check.rootLost": "the moved run did not reach the same root",
  "check.rerunFailed":
    "Running the program a second time failed ({0}), so finite differences cannot check it.",
  "check.nondeterministic":
    "The program does not compute the same root on every run (unseeded randomness?), so finite " +
    "differences, which re-run it, cannot check it. Seed it (random.seed, torch.manual_seed) and check again.",
  "check.failed": "failed",
  "check.title": "# Gradient check — {0}",
  "check.allMatch": "✓ All {0} gradients of `{1}` match central finite differences.",
  "check.someFail": "✗ **{0} of {1} gradients of `{2}` do not match** central finite differences.",
  "check.method":
    "Central differences in float64 with eps = {0}; a gradient passes when " +
    "|analytic − numeric| ≤ {1} + {2}·|numeric| (PyTorch's gradcheck defaults).",
  "check.rerun":
    "Each difference re-runs the whole program with one element moved where the last backward() " +
    "read it (after any training steps before it), so it needs a program that computes the same on every run.",
  "check.float64":
    "The program computes in float32. Like PyTorch's gradcheck, which needs float64 inputs, the " +
    "check re-ran it with its float32 tensors computed in float64: both columns are float64 " +
    "gradients and may differ from the float32 ones in the hovers in the last digits.",
  "check.sampled": "Checked {0} of {1} elements, spread over every parameter (each element costs two runs).",
  "check.parameterHeader": "| | parameter | shape | checked | max difference |",
  "check.tableHeader": "| | parameter | analytic ∂/∂x | numeric | difference |",
  "check.checkedOf": "{0} of {1}",
  "check.runFailed": "run failed: {0}",

  // Train….
  "run.programError": "The program stops on an error; fix it first.",
  "run.programErrorAt": "The program stops on an error at line {0}: {1} Fix it first.",
  "run.programErrorWith": "The program stops on an error: {0} Fix it first.",
  "train.noBackward": "Nothing to train: the program never calls .backward() on a scalar.",
  "train.noLeaf": "No scalar leaf reaches the loss, so there is nothing to train.",
  "train.notFinite":
    "Stopped at step {0}: the loss or a gradient is not finite (try a smaller learning rate).",
  "train.stopped": "Stopped at step {0}: {1}",
  "chart.label": "Training loss",
  "chart.title": "loss {0} → {1}",
  "chart.oneStep": "1 step",
  "chart.steps": "{0} steps",
  "chart.logScale": " · log scale",

  // Why the worker gave no result.
  "worker.timeout": "stopped after {0} s: the program took too long",
  "worker.memory":
    "stopped: the program needed more than {0} MiB (the memory budget, gradlens.memoryBudgetMb)",
  "worker.failed": "the GradLens worker failed: {0}",
  "worker.traceStopped":
    "the program ended, but building its graph was stopped ({0}); its output and messages are kept",
  "worker.exited": "the GradLens worker stopped unexpectedly",
  "worker.superseded": "replaced by a newer run",
  "worker.disposed": "GradLens stopped",
  "worker.unexpected": "unexpected answer",

  // The graph webview's own controls and labels.
  "view.search.placeholder": "Find a name…",
  "view.search.label": "Find a node by name (Enter: next)",
  "view.search.none": "none",
  "view.focus.title": "Show only the paths from the selected node to the root (Esc leaves)",
  "view.focus": "Focus",
  "view.fit.title": "Fit the graph to the view (F)",
  "view.fit": "Fit",
  "view.actualSize.title": "Zoom to 100%: text sized from the editor's (0)",
  "view.graph.label": "Computation graph",
  "view.tab.graph": "Graph",
  "view.tab.figures": "Figures ({0})",
  "view.tabs.label": "Show the graph or the figures the program drew",
  "view.figure.caption": "Figure {0}",
  "view.figure.line": "line {0}",
  "view.waiting": "Waiting for a program to run…",
  "view.stale": "⚠ Out of date — showing the last good graph.",
  "view.legend.leaf": "leaf / parameter",
  "view.legend.const": "constant",
  "view.legend.root": "root of backward()",
  "view.legend.flow": "gradient flowing back (label: contribution)",
  "view.legend.cut": "no_grad / detached: no gradient flows back",
  "view.noValues": "{0}: the program made no values to draw yet — try Value(2.0) or torch.tensor(…).",
  "view.noBackward": "no backward() yet · ",
  "view.values": "{0} values",
  "view.valuesFolded": "{0} values, {1} folded into {2} groups (click one to open it)",

  // The interpreter's own sentences around Python's words (see runtimeMessages.ts).
  "runtime.unsupported": "{0} is not supported by GradLens",
  "runtime.budget": "stopped after {0} steps: the step budget (gradlens.stepBudget) ran out",
} as const;

export type MessageKey = keyof typeof en;

/** A language's text for every key. */
export type Catalog = Record<MessageKey, string>;
