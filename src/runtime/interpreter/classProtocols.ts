import type { PyClass, PyValue } from "./objects";

/**
 * What iterating, `len()` and `in` do on a class itself — which Python gives a class through its
 * metaclass (`for c in Color`, `len(Color)` for an Enum). GradLens has no metaclasses; a module
 * that makes such classes registers the behaviour here.
 */
export interface ClassProtocol {
  iterate(): PyValue[];
  contains(item: PyValue): boolean;
}

const protocols = new WeakMap<PyClass, ClassProtocol>();

export function setClassProtocol(cls: PyClass, protocol: ClassProtocol): void {
  protocols.set(cls, protocol);
}

export function classProtocol(cls: PyClass): ClassProtocol | undefined {
  return protocols.get(cls);
}
