import * as T from "../engine/tensor/index";
import { INSPECT } from "./inspectHook";
import type { TensorApi, TensorInstance } from "./tensor";

export interface ModuleInstance {
  parameters(): TensorInstance[];
  zeroGrad(): void;
  forward(x: TensorInstance): TensorInstance;
}

/**
 * `nn` as in PyTorch, camelCase: `Module` (parameters found in the object's own properties,
 * depth first, as PyTorch registers them), `Linear` with PyTorch's seeded initialisation,
 * `Sequential`, the activation modules, `MSELoss`, and `functional` (also reachable as
 * `nn.mseLoss`, …). JavaScript objects are not callable: a module runs with `forward(x)`.
 */
export function makeNn(api: TensorApi) {
  const { wrap, unwrap } = api;

  class Module implements ModuleInstance {
    parameters(): TensorInstance[] {
      const out: TensorInstance[] = [];
      const seen = new Set<unknown>();
      const walk = (x: unknown) => {
        if (seen.has(x)) return;
        seen.add(x);
        if (x instanceof api.Tensor) {
          if (x.requiresGrad && unwrap(x, "parameters()").gradFn === null) out.push(x);
        } else if (x instanceof Module) for (const v of Object.values(x)) walk(v);
        else if (Array.isArray(x)) x.forEach(walk);
      };
      for (const v of Object.values(this)) walk(v);
      return out;
    }

    zeroGrad(): void {
      for (const p of this.parameters()) unwrap(p, "zeroGrad()").grad = null;
    }

    forward(x: TensorInstance): TensorInstance {
      void x;
      throw new TypeError(`${this.constructor.name} has no forward()`);
    }

    toString(): string {
      return `${this.constructor.name}()`;
    }

    [INSPECT](): string {
      return this.toString();
    }
  }

  class Linear extends Module {
    readonly weight: TensorInstance;
    readonly bias: TensorInstance | null;
    constructor(
      readonly inFeatures: number,
      readonly outFeatures: number,
      options: { bias?: boolean } = {},
    ) {
      super();
      // PyTorch's reset_parameters, in its arithmetic: kaiming-uniform with a = √5 for the
      // weight (gain √(2/(1 + a²)), bound √3·gain/√fan_in), then uniform ±1/√fan_in for the bias
      const gain = Math.sqrt(2 / (1 + Math.sqrt(5) * Math.sqrt(5)));
      const weightBound = inFeatures > 0 ? Math.sqrt(3) * (gain / Math.sqrt(inFeatures)) : 0;
      const bound = inFeatures > 0 ? 1 / Math.sqrt(inFeatures) : 0;
      const weight = T.zeros([outFeatures, inFeatures], { requiresGrad: true });
      T.withNoGrad(() => T.uniformInPlace(weight, -weightBound, weightBound));
      this.weight = wrap(weight);
      if (options.bias === false) this.bias = null;
      else {
        const bias = T.zeros([outFeatures], { requiresGrad: true });
        T.withNoGrad(() => T.uniformInPlace(bias, -bound, bound));
        this.bias = wrap(bias);
      }
    }

    override forward(x: TensorInstance): TensorInstance {
      const b = this.bias === null ? null : unwrap(this.bias, "Linear");
      return wrap(T.linear(unwrap(x, "Linear.forward()"), unwrap(this.weight, "Linear"), b));
    }

    override toString(): string {
      return `Linear(inFeatures=${this.inFeatures}, outFeatures=${this.outFeatures}, bias=${this.bias !== null})`;
    }
  }

  class Sequential extends Module {
    readonly layers: ModuleInstance[];
    constructor(...layers: ModuleInstance[]) {
      super();
      this.layers = layers;
    }

    override forward(x: TensorInstance): TensorInstance {
      return this.layers.reduce((h, layer) => layer.forward(h), x);
    }

    override toString(): string {
      return `Sequential(\n${this.layers.map((l, i) => `  (${i}): ${String(l)}`).join("\n")}\n)`;
    }
  }

  const activation = (name: string, f: (t: T.Tensor) => T.Tensor) =>
    class extends Module {
      override forward(x: TensorInstance): TensorInstance {
        return wrap(f(unwrap(x, `${name}.forward()`)));
      }

      override toString(): string {
        return `${name}()`;
      }
    };

  const functional = {
    relu: (x: TensorInstance) => wrap(T.relu(unwrap(x, "relu()"))),
    tanh: (x: TensorInstance) => wrap(T.tanh(unwrap(x, "tanh()"))),
    sigmoid: (x: TensorInstance) => wrap(T.sigmoid(unwrap(x, "sigmoid()"))),
    mseLoss: (input: TensorInstance, target: TensorInstance) =>
      wrap(T.mseLoss(unwrap(input, "mseLoss()"), unwrap(target, "mseLoss()"))),
  };

  /** PyTorch's `nn.MSELoss()` (mean reduction): `forward(input, target)` is `mseLoss(input, target)`. */
  class MSELoss extends Module {
    override forward(input: TensorInstance, target?: TensorInstance): TensorInstance {
      if (target === undefined) throw new TypeError("MSELoss.forward() takes (input, target)");
      return wrap(T.mseLoss(unwrap(input, "MSELoss.forward()"), unwrap(target, "MSELoss.forward()")));
    }

    override toString(): string {
      return "MSELoss()";
    }
  }

  return {
    Module,
    Linear,
    Sequential,
    ReLU: activation("ReLU", T.relu),
    Tanh: activation("Tanh", T.tanh),
    Sigmoid: activation("Sigmoid", T.sigmoid),
    MSELoss,
    functional,
    mseLoss: functional.mseLoss,
  };
}
