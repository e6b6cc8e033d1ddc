import { Adam as EngineAdam, SGD as EngineSGD } from "../engine/optim/index";
import type { Tensor } from "../engine/tensor/index";
import type { TensorApi, TensorInstance } from "./tensor";

/** `optim.SGD` and `optim.Adam` with PyTorch's update rules (the engine's), camelCase options. */
export function makeOptim(api: TensorApi) {
  const engineParams = (params: TensorInstance[], name: string): Tensor[] => {
    if (!Array.isArray(params)) throw new TypeError(`${name} takes an array of tensors`);
    return params.map((p) => api.unwrap(p, name));
  };

  class SGD {
    readonly #engine: EngineSGD;
    constructor(
      params: TensorInstance[],
      options: { lr?: number; momentum?: number; weightDecay?: number } = {},
    ) {
      this.#engine = new EngineSGD(engineParams(params, "SGD"), options);
    }

    step(): void {
      this.#engine.step();
    }

    zeroGrad(): void {
      this.#engine.zeroGrad(true);
    }
  }

  class Adam {
    readonly #engine: EngineAdam;
    constructor(
      params: TensorInstance[],
      options: { lr?: number; betas?: [number, number]; eps?: number; weightDecay?: number } = {},
    ) {
      this.#engine = new EngineAdam(engineParams(params, "Adam"), options);
    }

    step(): void {
      this.#engine.step();
    }

    zeroGrad(): void {
      this.#engine.zeroGrad(true);
    }
  }

  return { SGD, Adam };
}
