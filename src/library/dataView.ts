import * as T from "../engine/tensor/index";

/**
 * `x.data` for the library's tensors: the same view for as long as it still shows `x` as it is
 * (same memory, layout, version and cut, and untouched by autograd), so a training loop that
 * reads `p.data` every step does not make — and the run's trace hold — a new tensor per read.
 */
export function makeDataViews(): (t: T.Tensor) => T.Tensor {
  const views = new WeakMap<T.Tensor, { view: T.Tensor; version: number }>();
  return (t) => {
    const cached = views.get(t);
    if (cached !== undefined && stillShows(cached.view, cached.version, t)) return cached.view;
    const view = T.dataOf(t);
    views.set(t, { view, version: t.version });
    return view;
  };
}

function stillShows(view: T.Tensor, version: number, t: T.Tensor): boolean {
  return (
    version === t.version &&
    view.storage.data === t.storage.data &&
    view.offset === t.offset &&
    view.dtype === t.dtype &&
    sameNumbers(view.shape, t.shape) &&
    sameNumbers(view.strides, t.strides) &&
    view.cut === (t.requiresGrad ? "detach" : t.cut) &&
    !view.requiresGrad &&
    view.gradFn === null &&
    view.grad === null
  );
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
