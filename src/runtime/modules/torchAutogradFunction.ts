import * as T from "../../engine/tensor/index";
import { PyBuiltin, PyTuple, type PyModule, type PyValue } from "../interpreter/objects";
import { PyError, typeError, UnsupportedError } from "../interpreter/pyErrors";
import { typeName } from "../interpreter/stringify";
import { customFunctionNodes, TensorObject, type TorchState } from "./torchState";
import { libraryProgram } from "./libraryProgram";

/**
 * `torch.autograd.Function`: a program's own operation with a hand-written backward. `apply`
 * runs `forward(ctx, *args)` without recording (so its inside is not part of the graph) and
 * makes its result ONE node, named after the class, whose rule is the program's `backward`:
 * the backward pass calls `backward(ctx, grad_output)` at that node and sends each returned
 * gradient to the matching input. (Whether that backward agrees with the chain rule is checked
 * elsewhere.)
 */
const FUNCTION_SOURCE = `
class FunctionCtx:
    def save_for_backward(self, *tensors):
        self.to_save = tensors

    @property
    def saved_tensors(self):
        return getattr(self, 'to_save', ())

    def mark_non_differentiable(self, *args):
        self.non_differentiable = args

    def mark_dirty(self, *args):
        self.dirty_tensors = args

    def set_materialize_grads(self, value):
        self.materialize_grads = value


class Function:
    @staticmethod
    def forward(ctx, *args, **kwargs):
        raise NotImplementedError('You must implement the forward function for custom autograd.Function.')

    @staticmethod
    def backward(ctx, *grad_outputs):
        raise NotImplementedError('You must implement either the backward or vjp method for your custom autograd.Function to use it with backward mode AD.')

    @classmethod
    def apply(cls, *args, **kwargs):
        ctx = FunctionCtx()
        ctx.needs_input_grad = tuple(isinstance(a, torch.Tensor) and a.requires_grad for a in args)
        with torch.no_grad():
            output = cls.forward(ctx, *args, **kwargs)
        return _function_node(cls.__name__, ctx, cls.backward, args, output)
`;

/** `_function_node(name, ctx, backward, args, output)`: the graph node for one `apply`. */
function functionNode(s: TorchState) {
  return new PyBuiltin("_function_node", ([name, ctx, backward, args, output]) => {
    const className = String(name);
    const argList = args instanceof PyTuple ? args.items : [];
    if (output instanceof PyTuple && output.items.some((o) => o instanceof TensorObject))
      throw new UnsupportedError(
        `GradLens does not support a custom autograd.Function returning several tensors (${className}.forward)`,
      );
    if (!(output instanceof TensorObject)) return output;
    const positions: number[] = [];
    argList.forEach((a, i) => {
      if (a instanceof TensorObject) positions.push(i);
    });
    const inputs = positions.map((i) => (argList[i] as TensorObject).tensor);
    if (!T.isGradEnabled() || !inputs.some((t) => t.requiresGrad)) return output;
    const result = T.Tensor.fromValues(output.tensor.copyValues(), output.tensor.shape, output.tensor.dtype);
    const backwardName = `${className}Backward`;
    const vjp: T.Vjp = (g) => {
      const returned = s.interp.call(backward, [ctx ?? null, s.wrap(g)]);
      const grads = returned instanceof PyTuple ? returned.items : [returned];
      if (grads.length !== argList.length)
        throw new PyError(
          "RuntimeError",
          `function ${backwardName} returned an incorrect number of gradients (expected ${argList.length}, got ${grads.length})`,
        );
      return positions.map((p, k) => gradientAt(grads[p], p, inputs[k], backwardName));
    };
    const made = T.recordCustom(
      result,
      className,
      inputs,
      vjp,
      inputs.map(() => `∂${className}/∂input: ${className}.backward`),
    );
    if (made.gradFn !== null) customFunctionNodes.add(made.gradFn);
    return s.wrap(made);
  });
}

/** One returned gradient, checked (and cast to the input's dtype) as PyTorch validates it. */
function gradientAt(v: PyValue, index: number, input: T.Tensor, backwardName: string): T.Tensor | null {
  if (v === null) return null;
  if (!(v instanceof TensorObject))
    throw typeError(
      `${backwardName}.backward must return Tensors or None, not ${typeName(v)} (at index ${index})`,
    );
  const g = v.tensor;
  if (g.shape.length !== input.shape.length || g.shape.some((d, i) => d !== input.shape[i]))
    throw new PyError(
      "RuntimeError",
      `Function ${backwardName} returned an invalid gradient at index ${index} - got [${g.shape.join(", ")}] but expected shape compatible with [${input.shape.join(", ")}]`,
    );
  return g.dtype === input.dtype ? g : T.cast(g, input.dtype);
}

/** Adds `Function` and `FunctionCtx` to `torch.autograd` (and `torch.autograd.function`). */
export function fillFunction(s: TorchState, autograd: PyModule, torch: PyModule): void {
  const globals = s.interp.runLibraryModule(
    libraryProgram("torch.autograd.function", FUNCTION_SOURCE),
    "torch.autograd.function",
  );
  globals.set("torch", torch);
  globals.set("_function_node", functionNode(s));
  for (const name of ["Function", "FunctionCtx"]) autograd.attrs.set(name, globals.get(name)!);
}
