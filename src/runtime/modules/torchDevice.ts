import * as T from "../../engine/tensor/index";
import {
  type Kwargs,
  int,
  PyBuiltin,
  PyClass,
  PyInstance,
  PyInt,
  type PyModule,
  type PyValue,
} from "../interpreter/objects";
import { PyError, typeError } from "../interpreter/pyErrors";
import { typeName } from "../interpreter/stringify";
import { bind, boolArg, dtypeArg, native } from "./torchArgs";
import { TensorObject, type TorchState } from "./torchState";
import type { TensorMethod } from "./torchTensorMethods";

/**
 * Devices as a CPU-only PyTorch build has them: `torch.device("cuda:0")` can be made and
 * printed, but putting a tensor or a module there fails with the error such a build gives;
 * `torch.cuda.is_available()`, `torch.backends.mps.is_available()` and
 * `torch.accelerator.is_available()` say False, so programs that pick their device take the CPU.
 */

const DEVICE_TYPES = [
  "cpu",
  "cuda",
  "ipu",
  "xpu",
  "mkldnn",
  "opengl",
  "opencl",
  "ideep",
  "hip",
  "ve",
  "fpga",
  "ort",
  "xla",
  "lazy",
  "vulkan",
  "mps",
  "meta",
  "hpu",
  "privateuseone",
];

/** A `torch.device`: its type and optional index. */
export class DeviceObject extends PyInstance {
  constructor(
    cls: PyClass,
    readonly type: string,
    readonly index: number | null,
  ) {
    super(cls);
    this.attrs.set("type", type);
    this.attrs.set("index", index === null ? null : int(index));
  }
}

const method = (cls: PyClass, name: string, f: (self: DeviceObject, ...args: PyValue[]) => PyValue) =>
  cls.dict.set(name, new PyBuiltin(name, (args) => f(args[0] as DeviceObject, ...args.slice(1))));

/** Reads "cpu", "cuda", "cuda:1" (PyTorch's wording for what it refuses). */
function parseDevice(text: string, index: PyValue | undefined): [string, number | null] {
  const m = /^([a-z_]+)(?::(\d+))?$/.exec(text);
  if (m === null || !DEVICE_TYPES.includes(m[1]))
    throw new PyError(
      "RuntimeError",
      `Expected one of ${DEVICE_TYPES.join(", ")} device type at start of device string: ${text}`,
    );
  if (m[2] !== undefined) return [m[1], Number(m[2])];
  if (index === undefined || index === null) return [m[1], null];
  if (!(index instanceof PyInt))
    throw typeError(`device(): argument 'index' must be int, not ${typeName(index)}`);
  return [m[1], index.v];
}

export function makeDeviceClass(): PyClass {
  const cls: PyClass = new PyClass("device", null, "torch", (args, kwargs) => {
    const a = bind("device", args, kwargs, ["type", "index"]);
    if (a.type instanceof DeviceObject) return a.type;
    if (typeof a.type !== "string")
      throw typeError(
        `device() received an invalid combination of arguments - got (${typeName(a.type ?? null)})`,
      );
    const [type, index] = parseDevice(a.type, a.index);
    return new DeviceObject(cls, type, index);
  });
  method(cls, "__repr__", (self) =>
    self.index === null ? `device(type='${self.type}')` : `device(type='${self.type}', index=${self.index})`,
  );
  method(cls, "__str__", (self) => (self.index === null ? self.type : `${self.type}:${self.index}`));
  method(
    cls,
    "__eq__",
    (self, other) => other instanceof DeviceObject && other.type === self.type && other.index === self.index,
  );
  method(
    cls,
    "__ne__",
    (self, other) =>
      !(other instanceof DeviceObject && other.type === self.type && other.index === self.index),
  );
  method(cls, "__hash__", (self) => int(DEVICE_TYPES.indexOf(self.type) * 1000 + (self.index ?? -1)));
  return cls;
}

/** The CPU device object of this run. */
export function cpuDevice(s: TorchState): DeviceObject {
  const cls = s.modules.get("torch")!.attrs.get("device") as PyClass;
  return s.interp.call(cls, ["cpu"]) as DeviceObject;
}

/** The device type a `device=` / `.to(...)` argument names, or null when it names none. */
export function deviceType(v: PyValue | undefined): string | null {
  if (v instanceof DeviceObject) return v.type;
  if (typeof v === "string") return parseDevice(v, undefined)[0];
  return null;
}

/** The error a CPU-only PyTorch raises when asked to put something on another device. */
export function noSuchDevice(type: string): PyError {
  if (type === "cuda") return new PyError("AssertionError", "Torch not compiled with CUDA enabled");
  if (type === "mps")
    return new PyError("RuntimeError", "PyTorch is not linked with support for mps devices");
  return new PyError("RuntimeError", `PyTorch is not linked with support for ${type} devices`);
}

/** Accepts `device=None`, "cpu" or a CPU device; anything else fails as it would on a CPU-only build. */
export function checkDevice(v: PyValue | undefined): void {
  if (v === undefined || v === null) return;
  const type = deviceType(v);
  if (type === null) throw typeError(`device must be a torch.device or a string, not ${typeName(v)}`);
  if (type !== "cpu") throw noSuchDevice(type);
}

/** `torch.cuda`, `torch.backends`, `torch.backends.mps`, `torch.backends.cudnn`, `torch.accelerator`. */
export function fillCuda(_s: TorchState, m: PyModule): void {
  const set = (name: string, f: () => PyValue) =>
    m.attrs.set(
      name,
      native(name, () => f()),
    );
  set("is_available", () => false);
  set("device_count", () => int(0));
  set("is_initialized", () => false);
  // seeding CUDA generators is allowed (and does nothing) when there is no CUDA
  m.attrs.set(
    "manual_seed",
    native("manual_seed", () => null),
  );
  m.attrs.set(
    "manual_seed_all",
    native("manual_seed_all", () => null),
  );
  set("empty_cache", () => null);
  for (const name of [
    "current_device",
    "get_device_name",
    "synchronize",
    "set_device",
    "get_device_properties",
  ])
    m.attrs.set(
      name,
      native(name, () => {
        throw noSuchDevice("cuda");
      }),
    );
}

export function fillMps(_s: TorchState, m: PyModule): void {
  m.attrs.set(
    "is_available",
    native("is_available", () => false),
  );
  m.attrs.set(
    "is_built",
    native("is_built", () => false),
  );
}

export function fillCudnn(_s: TorchState, m: PyModule): void {
  m.attrs.set(
    "is_available",
    native("is_available", () => false),
  );
  m.attrs.set("enabled", true);
  m.attrs.set("deterministic", false);
  m.attrs.set("benchmark", false);
}

export function fillAccelerator(_s: TorchState, m: PyModule): void {
  m.attrs.set(
    "is_available",
    native("is_available", () => false),
  );
  m.attrs.set(
    "device_count",
    native("device_count", () => int(0)),
  );
  m.attrs.set(
    "current_accelerator",
    native("current_accelerator", (args, kwargs) => {
      bind("current_accelerator", args, kwargs, ["check_available"]);
      return null;
    }),
  );
}

/** `torch.set_default_device` / `torch.get_default_device`: only the CPU is there to choose. */
export function fillDefaultDevice(s: TorchState, m: PyModule): void {
  m.attrs.set(
    "set_default_device",
    native("set_default_device", (args, kwargs) => {
      const a = bind("set_default_device", args, kwargs, ["device"]);
      checkDevice(a.device);
      return null;
    }),
  );
  m.attrs.set(
    "get_default_device",
    native("get_default_device", () => cpuDevice(s)),
  );
}

/**
 * `x.to(...)` in its three forms — `to(dtype)`, `to(device, dtype)`, `to(other)` — plus
 * `x.cpu()` and `x.cuda()`. A conversion that changes nothing returns the tensor itself, as
 * PyTorch does (unless `copy=True`).
 */
/**
 * What a `.to(...)` call asks for, from any of its forms; a device other than the CPU fails
 * as it does on a CPU-only build.
 */
export function toArguments(args: readonly PyValue[], kwargs: Kwargs): { dtype?: T.DType; copy: boolean } {
  const a = bind("to", [], kwargs, ["device", "dtype", "non_blocking", "copy", "memory_format"]);
  let dtype = dtypeArg(a.dtype);
  let device: PyValue | undefined = a.device;
  for (const v of args) {
    if (v instanceof TensorObject) dtype = v.tensor.dtype;
    else if (typeof v === "string" || v instanceof DeviceObject) device = v;
    // non_blocking / copy given positionally
    else if (typeof v !== "boolean") dtype = dtypeArg(v);
  }
  checkDevice(device);
  return { dtype, copy: boolArg(a.copy, false) };
}

export const DEVICE_METHODS: Record<string, TensorMethod> = {
  to(s, self, args, kwargs) {
    const { dtype, copy } = toArguments(args, kwargs);
    if (dtype === undefined || dtype === self.dtype) return s.wrap(copy ? T.clone(self) : self);
    return s.wrap(T.cast(self, dtype));
  },
  cpu(s, self, args, kwargs) {
    bind("cpu", args, kwargs, ["memory_format"]);
    return s.wrap(self);
  },
  cuda() {
    throw noSuchDevice("cuda");
  },
  get_device(_s, _self, args, kwargs) {
    bind("get_device", args, kwargs, []);
    return int(-1);
  },
};
