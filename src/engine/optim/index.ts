/** Optimizers with PyTorch's update formulas and defaults: SGD, Adam, AdamW, RMSprop, Adagrad. */
export { Optimizer, type ParamGroup, type StateEntry } from "./optimizer";
export { SGD, type SGDOptions } from "./sgd";
export { Adam, AdamW, type AdamOptions } from "./adam";
export { RMSprop, type RMSpropOptions } from "./rmsprop";
export { Adagrad, type AdagradOptions } from "./adagrad";
