import type { PyValue } from "./objects";

/**
 * The names of an instance's attributes in the order it set them, shared by all the instances
 * of a class that set the same names in the same order (V8's hidden classes, for the same
 * reason): such an instance keeps only an array of values. A Map per instance was most of what
 * a micrograd `Value` cost to make and to collect (issue 14). An instance whose attributes are
 * deleted or read as a Map (`__dict__`, `vars()`) turns into a Map for good (see PyInstance).
 */
export class AttributeLayout {
  /** The slot of each name. */
  readonly index: Map<string, number>;
  private readonly next = new Map<string, AttributeLayout>();

  private constructor(
    readonly names: readonly string[],
    /** The class's first layout: it counts the layouts of the tree and their largest size. */
    private readonly root: LayoutRoot,
  ) {
    this.index = new Map(names.map((n, i) => [n, i]));
  }

  /** An empty layout of a tree of its own (one per class). */
  static root(): AttributeLayout {
    return new AttributeLayout([], { count: 1, widest: 0 });
  }

  /** How many slots a new instance's array starts with: the widest layout its class has made. */
  get expectedSize(): number {
    return this.root.widest;
  }

  /** This layout with `name` added at the end, or null when the class has too many (then a Map). */
  with(name: string): AttributeLayout | null {
    let layout = this.next.get(name);
    if (layout !== undefined) return layout;
    const root = this.root;
    // a program that sets many names, or names in many orders, would grow the tree without bound
    if (this.names.length >= MAX_SLOTS || root.count >= MAX_LAYOUTS) return null;
    layout = new AttributeLayout([...this.names, name], root);
    root.count++;
    if (layout.names.length > root.widest) root.widest = layout.names.length;
    this.next.set(name, layout);
    return layout;
  }

  /** The instance's attributes as a Map, in the order they were set. */
  toMap(values: readonly PyValue[]): Map<string, PyValue> {
    const map = new Map<string, PyValue>();
    const names = this.names;
    for (let i = 0; i < names.length; i++) map.set(names[i], values[i]);
    return map;
  }
}

interface LayoutRoot {
  count: number;
  widest: number;
}

/** Past this many attributes an instance keeps a Map (a lookup in a layout's index is a Map's). */
const MAX_SLOTS = 32;
/** Layouts one class may make before its further instances keep Maps. */
const MAX_LAYOUTS = 256;
