import type { Catalog } from "./en";

/**
 * Simplified Chinese, written for learners: the usual terms of the field (梯度, 反向传播, 链式法则,
 * 局部导数, 上游梯度, 贡献), code and formulas left as they are.
 */
export const zhCn: Catalog = {
  "list.and": "{0} 和 {1}",
  "list.comma": "{0}、{1}",

  "hover.kind.leaf": "叶子值",
  "hover.kind.const": "常量",
  "hover.kind.op": "由 `{0}` 产生",
  "hover.kind.opIn": "由 `{1}` 中的 `{0}` 产生",
  "hover.tensor": "形状为 {0} 的张量 · 最小值 {1} · 最大值 {2} · 平均值 {3}",
  "hover.norm": "‖{0}‖（{1} 个值）",
  "hover.madeTimes": "这个表达式（在循环中）产生了 {0} 次；这里显示的是最后一次。",
  "hover.noBackward": "还没有梯度：程序从未调用 `.backward()`。",
  "hover.unreached": "{0} = 0 — `{1}` 不会影响到 `{2}`。",
  "hover.gradReads": "`{0}.grad` 的值是 `{1}`（它会在多次 `backward()` 调用之间累加）。",
  "hover.isRoot": "`{0}` 是根节点：{1} = 1。",
  "hover.ownAgrees": "✓ `{0}.grad` = `{1}`：你的梯度与链式法则一致。",
  "hover.ownDiffers": "✗ 你的反向传播：`{0}.grad` = `{1}` · 链式法则：{2} = `{3}`",
  "hover.termYours": " —— 你的 `_backward` 传回了 `{0}`",
  "hover.handAgrees": "✓ {0}：你的梯度与链式法则一致（{1}）。",
  "hover.handDiffers": "✗ {0}：你的 `{1}` · 链式法则 `{2}`",
  "hover.handWorst": "差异最大处在 {0}：你的 `{1}`，链式法则 `{2}`（{3}）。",
  "hover.chainRule": "链式法则，每次使用一项：",
  "hover.term": "- 经由 `{0}`（{1}）：{2} = {3} × {4} = **{5}**",
  "hover.sum": "求和：{0} = **{1}**",
  "hover.fullPrecision": "完整精度：`{0}.data = {1}`",
  "hover.fullPrecisionGrad": "完整精度：`{0}.data = {1}`，`{2} = {3}`",
  "hover.showInGraph": "在计算图中显示",

  "health.nan.constant":
    "常量 {0} 在这里进入计算：这个数是程序给出的，不是某个运算的结果。由它算出的一切也都将是非有限值。",
  "health.nan.leaf":
    "`{0}` 一开始就是 {1}：这个数是程序给出的，不是某个运算的结果。由它算出的一切也都将是非有限值。",
  "health.nan.op":
    "`{0}` 在这里{2}算出了 {1}{3}。这是本次运行中的第一个非有限值；由它算出的一切也都是非有限值。",
  "health.nan.from": "由 {0} ",
  "health.nan.hint": "（{0}）",
  "health.nan.input": "输入 {0}（`{1}`）是在这里产生的。",
  "health.nan.elements": "{2} 个元素中有 {1} 个为 {0}",
  "health.hint.log": "log 只对正数有定义",
  "health.hint.sqrt": "对负数开平方",
  "health.hint.exp": "exp 的参数超过约 709 时会超出浮点数范围",
  "health.hint.zeroPower": "0 的负数次幂：即除以零（micrograd 把 a / b 算作 a * b**-1）",
  "health.hint.fractionalPower": "负数的小数次幂",
  "health.hint.division": "除以零",
  "health.nanGrad":
    "梯度在这里变成了非有限值：`{0}` 把 {1} 传回给 `{2}`（{3}）。" +
    "这是反向传播中第一个非有限的梯度；它继续传回到的每个值也都会得到非有限的梯度。",
  "health.nanGrad.local": "它在 {0} 处的局部导数是 {1}",
  "health.nanGrad.overflow": "上游梯度 × 局部导数 = {0} × {1} 溢出了",
  "health.nanGrad.localDerivative": "它的局部导数",
  "health.relu.one": "这个 ReLU 的输入是 {0}，所以它的输出为 0，梯度也为零：没有任何梯度能通过它传回。",
  "health.relu.all":
    "这个 ReLU 对每个输入的梯度都为零（{0} 个值中 {0} 个 ≤ 0）：没有任何梯度能通过它传回，" +
    "所以它之前的部分无法从这条路径上学习（“死亡”ReLU）。",
  "health.relu.input": "它的输入来自这里（最后一个值为 {0}）。",
  "health.subject.unnamed": "这个值的梯度",
  "health.subject.it": "它",
  "health.exploding.one":
    "{0} 为 {1}，发生了梯度爆炸（超过 {2}）：一步梯度更新就会让 {3} 偏离很远。" +
    "请尝试更小的学习率，或对梯度进行裁剪。",
  "health.exploding.many":
    "在这里产生的 {1} 个值中，有 {0} 个的梯度爆炸（超过 {2}；最大的是 {3}）：" +
    "一步梯度更新就会让它们偏离很远。请尝试更小的学习率，或对梯度进行裁剪。",
  "health.vanishing.zero": "{0} 恰好为 0：{1} 参与了 {2} 的计算，但没有梯度传回给它，所以训练不会改变它。",
  "health.vanishing.one": "{0} 为 {1}，小到几乎消失（低于 {2}）：一步梯度更新几乎不会改变 {3}。",
  "health.vanishing.many":
    "在这里产生的 {1} 个值中，有 {0} 个的梯度消失（低于 {2}；最小的是 {3}）：梯度更新几乎不会改变它们。",
  "health.cause.reluOff": "这个 ReLU 在这里处于关闭状态（输入 ≤ 0）：它的局部导数为 0，所以没有梯度能通过。",
  "health.cause.saturated": "这个 `{0}` 已饱和（输出为 {1}）：它的局部导数 {2} 会缩小经过它的每个梯度。",
  "health.cause.shrinks": "`{0}` 在这里把梯度乘以 {1}，是梯度在传回途中缩小最多的地方。",
  "health.cause.grows": "`{0}` 在这里把梯度乘以 {1}（它的输出为 {2}），是梯度在传回途中增大最多的地方。",

  "step.leaf": "{0} 是叶子节点：{1} 已是最终值 — 这就是 {0}.grad 中保存的值。",
  "step.noInputs": "{0}：{1} 已完整；它没有可以继续传给的输入。",
  "step.root": "{0} 是根节点：{1} = 1 — 把它传回给 {2}。",
  "step.node": "{0}{1}（{2}）：{3} 已完整 — 把它传回给 {4}。",
  "step.inLayer": "在 {0} 中：{1}",
  "step.term": "{0} = {1} × {2} = {3}（现为 {4}）",
  "step.vjp": "向量–雅可比积",
  "step.counter": "第 {0} / {1} 步",
  "step.previous": "◀ 上一步",
  "step.previousTitle": "上一步",
  "step.play": "▶ 播放",
  "step.playTitle": "播放",
  "step.pause": "❚❚ 暂停",
  "step.pauseTitle": "暂停",
  "step.next": "下一步 ▶",
  "step.nextTitle": "下一步",
  "step.stop": "■ 停止",
  "step.stopTitle": "停止逐步执行",

  "check.noBackward": "没有可检查的内容：程序从未调用 .backward()（请先选择一个输出）。",
  "check.noLeaf":
    "没有参数能影响到根节点（没有 Value 叶子值，也没有 requires_grad 的张量），因此没有可检查的内容。",
  "check.rootNotScalar": "根节点有 {0} 个元素；有限差分需要只有一个元素的根节点（损失）。",
  "check.float64Failed": "把 float32 张量改用 float64 计算后，程序的运行结果不同。",
  "check.rootLost": "移动参数后的运行没有到达同一个根节点",
  "check.rerunFailed": "再次运行程序失败（{0}），因此无法用有限差分检查。",
  "check.nondeterministic":
    "程序每次运行算出的根节点不同（未设随机种子？），而有限差分要重新运行程序，因此无法检查。" +
    "请设置随机种子（random.seed、torch.manual_seed）后再检查。",
  "check.failed": "失败",
  "check.title": "# 梯度检查 — {0}",
  "check.allMatch": "✓ `{1}` 的全部 {0} 个梯度与中心有限差分一致。",
  "check.someFail": "✗ **`{2}` 的 {1} 个梯度中有 {0} 个与中心有限差分不一致**。",
  "check.method":
    "在 float64 下用 eps = {0} 的中心差分计算；当 |解析值 − 数值| ≤ {1} + {2}·|数值| 时梯度通过" +
    "（PyTorch gradcheck 的默认设置）。",
  "check.rerun":
    "每个差分都会在最后一次 backward() 读取某个元素的地方（在此之前的训练步骤之后）移动它，再重新运行整个程序，" +
    "因此程序每次运行必须算出相同的结果。",
  "check.float64":
    "程序用 float32 计算。PyTorch 的 gradcheck 要求 float64 输入，本检查同样把程序的 float32 张量" +
    "改用 float64 重新运行：两列都是 float64 梯度，末几位可能与悬停提示中的 float32 梯度不同。",
  "check.sampled": "检查了 {1} 个元素中的 {0} 个，分布在每个参数上（每个元素需要运行两次）。",
  "check.parameterHeader": "| | 参数 | 形状 | 已检查 | 最大差值 |",
  "check.tableHeader": "| | 参数 | 解析 ∂/∂x | 数值 | 差值 |",
  "check.checkedOf": "{0} / {1}",
  "check.runFailed": "运行失败：{0}",

  "run.programError": "程序因错误而停止；请先修复它。",
  "run.programErrorAt": "程序在第 {0} 行因错误而停止：{1} 请先修复它。",
  "run.programErrorWith": "程序因错误而停止：{0} 请先修复它。",
  "train.noBackward": "没有可训练的内容：程序从未对标量调用 .backward()。",
  "train.noLeaf": "没有标量叶子值能影响到损失，因此没有可训练的内容。",
  "train.notFinite": "在第 {0} 步停止：损失或某个梯度不是有限值（请尝试更小的学习率）。",
  "train.stopped": "在第 {0} 步停止：{1}",
  "chart.label": "训练损失",
  "chart.title": "损失 {0} → {1}",
  "chart.oneStep": "1 步",
  "chart.steps": "{0} 步",
  "chart.logScale": " · 对数刻度",

  "worker.timeout": "已在 {0} 秒后停止：程序运行时间过长",
  "worker.memory": "已停止：程序需要超过 {0} MiB 的内存（内存预算，gradlens.memoryBudgetMb）",
  "worker.failed": "GradLens 工作线程出错：{0}",
  "worker.traceStopped": "程序已结束，但构建计算图时被停止（{0}）；已保留其输出和消息",
  "worker.exited": "GradLens 工作线程意外停止",
  "worker.superseded": "已被更新的运行取代",
  "worker.disposed": "GradLens 已停止",
  "worker.unexpected": "意外的应答",

  // The graph webview's own controls and labels.
  "view.tab.graph": "计算图",
  "view.tab.figures": "图表（{0}）",
  "view.tabs.label": "显示计算图或程序绘制的图表",
  "view.figure.caption": "图 {0}",
  "view.figure.line": "第 {0} 行",
  "view.search.placeholder": "查找名称…",
  "view.search.label": "按名称查找节点（回车：下一个）",
  "view.search.none": "无",
  "view.focus.title": "只显示从所选节点到根节点的路径（Esc 退出）",
  "view.focus": "聚焦",
  "view.fit.title": "使计算图适应视图 (F)",
  "view.fit": "适应",
  "view.actualSize.title": "缩放到 100%：文字大小随编辑器 (0)",
  "view.graph.label": "计算图",
  "view.waiting": "等待程序运行…",
  "view.stale": "⚠ 已过期 — 显示上一次成功的计算图。",
  "view.legend.leaf": "叶子 / 参数",
  "view.legend.const": "常量",
  "view.legend.root": "backward() 的根节点",
  "view.legend.flow": "反向流动的梯度（标签：贡献）",
  "view.legend.cut": "no_grad / detached：梯度不会回传",
  "view.noValues": "{0}：程序还没有产生可绘制的值 — 试试 Value(2.0) 或 torch.tensor(…)。",
  "view.noBackward": "尚未调用 backward() · ",
  "view.values": "{0} 个值",
  "view.valuesFolded": "{0} 个值，其中 {1} 个折叠为 {2} 组（点击一组即可展开）",

  // The interpreter's own sentences around Python's words (see runtimeMessages.ts).
  "runtime.unsupported": "GradLens 不支持 {0}",
  "runtime.budget": "已在 {0} 步后停止：步数预算（gradlens.stepBudget）已用完",
};
