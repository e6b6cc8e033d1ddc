import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

/**
 * scipy.stats.norm and scipy.special against SciPy 1.10.1 on numpy 1.24.2. Recorded with numpy's
 * AVX-512 kernels turned off (NPY_DISABLE_CPU_FEATURES), where numpy's exp is the C library's,
 * which is what GradLens's numpy computes.
 */
const PROGRAM = `import numpy as np
import scipy.stats as stats
from scipy.special import expit, logit, softmax, log_softmax, logsumexp
import scipy
xx = np.linspace(-6, 6, 100)
p = stats.norm.pdf(xx, 0.3, 1.7)
print(p[:5].tolist(), p[50:53].tolist(), p.sum().item())
print(stats.norm.pdf(0.5), stats.norm.pdf([1, 2], loc=np.float32(0.1), scale=np.float32(2.3)))
print(stats.norm.pdf(np.float32([1.5, -2.25]), 0.1, 0.7))
print(stats.norm.pdf([1.0, np.inf, np.nan, 2.0], 0, [1, 1, 1, -1]))
print(stats.norm.logpdf(xx[::17], 0.25, 2.0).tolist())
f = stats.norm(1.0, 2.5)
print(f.pdf(0.3), f.logpdf([0.1, 3.0]), f.mean(), f.std(), f.var())
np.random.seed(3)
print(stats.norm.rvs(size=4).tolist(), stats.norm.rvs(2, 0.5, size=(2,)).tolist(), stats.norm.rvs(random_state=5))
z = np.linspace(-40, 40, 23)
print(expit(z).tolist())
print(expit(np.float32([0.5, -3.0, 20.0])), expit(3), expit([1, 2]))
print(logit(np.array([0.1, 0.5, 0.99])).tolist())
a = np.arange(12.0).reshape(3, 4) * 0.37 - 1.1
print(softmax(a, axis=1).tolist()); print(softmax(a).tolist())
print(log_softmax(a, axis=0).tolist())
print(logsumexp(a), logsumexp(a, axis=1).tolist(), logsumexp(a, axis=0, keepdims=True).tolist())
print(scipy.special.expit(0.25), type(stats.norm.pdf(0.5)).__name__)
`;

const SCIPY_OUTPUT =
  "[0.0002444869092977359, 0.00031761941843448134, 0.00041053537584347983, 0.0005279420208369188, 0.0006754823084459338] [0.23235662392929213, 0.23410554688756405, 0.2346715568228546] 8.246357568165806\n0.3520653267642995 [0.16066928 0.12330954]\n[0.07712995 0.00203458]\n[0.24197072 0.                nan        nan]\n[-6.494898213764618, -3.805963411193452, -2.1785529428738926, -1.6126668088059404, -2.108305008989595, -3.6654675434248567]\n0.15344251686139143 [-1.90002927 -2.15522927] 1.0 2.5 6.25\n[1.7886284734303186, 0.43650985051198943, 0.09649746807200862, -1.8634927033644908] [1.8613058987428004, 1.8226205103655067] 0.44122748688504143\n[4.248354255291589e-18, 1.6124022122263949e-16, 6.11964242566239e-15, 2.3226229246019073e-13, 8.815183755213224e-12, 3.345677156219708e-10, 1.2698039893139807e-08, 4.819357515160021e-07, 1.8290857737811356e-05, 0.0006937344913503945, 0.02567158634982693, 0.5, 0.9743284136501729, 0.9993062655086495, 0.9999817091422621, 0.9999995180642485, 0.9999999873019602, 0.9999999996654323, 0.9999999999911848, 0.9999999999997677, 0.9999999999999938, 0.9999999999999998, 1.0]\n[0.62245935 0.04742587 1.        ] 0.9525741268224334 [0.73105858 0.88079708]\n[-2.197224577336219, 0.0, 4.595119850134589]\n[[0.131960442862759, 0.19104370089871803, 0.276580578704461, 0.40041527753406203], [0.131960442862759, 0.19104370089871806, 0.2765805787044609, 0.40041527753406203], [0.13196044286275896, 0.191043700898718, 0.27658057870446096, 0.4004152775340621]]\n[[0.005344493302144554, 0.007737407951350966, 0.011201713318942033, 0.01621710811536757], [0.02347806876835514, 0.03399001284139367, 0.049208518143336495, 0.07124087505239649], [0.10313788079225927, 0.1493162801059734, 0.21617034724218243, 0.31295729436629804]]\n[[-3.206435460885512, -3.206435460885512, -3.206435460885512, -3.2064354608855123], [-1.7264354608855121, -1.7264354608855121, -1.7264354608855124, -1.7264354608855124], [-0.24643546088551208, -0.24643546088551208, -0.2464354608855119, -0.2464354608855119]]\n4.131688537475018 [0.9252530765895052, 2.405253076589505, 3.8852530765895055] [[2.106435460885512, 2.476435460885512, 2.846435460885512, 3.216435460885512]]\n0.5621765008857981 float64\n";

describe("scipy", () => {
  it("gives SciPy's numbers for norm's pdf, logpdf, rvs and moments and special's functions", () => {
    const trace = runProgram(PROGRAM);
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toBe(SCIPY_OUTPUT);
  });

  it("draws the batch-norm lecture's densities from torch statistics", () => {
    const trace = runProgram(`import torch
import numpy as np
import scipy.stats as stats
g = torch.Generator().manual_seed(2147483647 + 1)
x = torch.randn(5, generator=g) * 5
mu, sig = x.mean(), x.std()
xx = np.linspace(-6, 6, 100)
p = stats.norm.pdf(xx, mu, sig)
print(p.dtype, p.shape, p[[0, 40, 99]].tolist())
`);
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toBe(
      "float64 (100,) [0.005103281883762463, 0.10034559555253098, 0.03244124166534362]\n",
    );
  });

  it("says what GradLens lacks of SciPy, as Python errors a program can catch", () => {
    const run = (source: string) =>
      runProgram(source)
        .diagnostics.filter((d) => d.severity === "error")
        .map((d) => d.message);
    expect(run("import scipy.optimize\n")).toEqual([
      "ModuleNotFoundError: No module named 'scipy.optimize' (GradLens has only scipy.stats.norm and scipy.special's expit, logit, softmax, log_softmax and logsumexp)",
    ]);
    expect(run("import scipy.stats as st\nst.t.pdf(0.5, 3)\n")).toEqual([
      "AttributeError: GradLens's scipy.stats has only norm, not 't'",
    ]);
    expect(run("from scipy.stats import norm\nnorm.cdf(0.5)\n")).toEqual([
      "AttributeError: GradLens's scipy.stats.norm has no 'cdf'",
    ]);
    const caught = runProgram("try:\n    import scipy.linalg\nexcept ImportError:\n    print('no linalg')\n");
    expect(caught.stdout).toBe("no linalg\n");
  });
});
