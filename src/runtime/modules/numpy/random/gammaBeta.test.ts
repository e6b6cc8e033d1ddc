import { describe, expect, it } from "vitest";
import { runProgram } from "../../../runProgram";

// Expected output recorded from numpy 1.24's legacy RandomState running the same program.
describe("np.random.gamma, standard_gamma and beta on the legacy stream", () => {
  it("draw numpy's numbers, in numpy's order, with numpy's errors", () => {
    const source = [
      "import numpy as np",
      "np.random.seed(42)",
      "print(np.random.gamma(2.0), np.random.gamma(0.5, 2.0), np.random.gamma(1.0, 3.0), np.random.standard_gamma(3.3))",
      "print(np.random.gamma(2.0, 1.5, size=5).tolist())",
      "print(np.random.gamma(0.3, size=(2, 3)).tolist())",
      "print(np.random.beta(2.0, 5.0), np.random.beta(0.5, 0.5), np.random.beta(0.3, 2.0))",
      "print(np.random.beta(2.0, 3.0, size=6).tolist())",
      "print(np.random.beta(0.7, 0.9, size=4).tolist())",
      "print(np.random.gamma([1.0, 2.0, 0.5], 2.0).tolist(), np.random.beta([0.5, 3.0], [2.0, 0.4]).tolist())",
      "print(np.random.randn(3).tolist(), np.random.rand())",
      "rs = np.random.RandomState(7)",
      "print(rs.gamma(5.0, size=3).tolist(), rs.beta(1.5, 1.5, size=3).tolist(), rs.standard_gamma(0.0))",
      "print(np.random.gamma(0.0), np.random.gamma(1e-3, size=3).tolist(), np.random.beta(1e-3, 1e-3, size=3).tolist())",
      "for bad in (lambda: np.random.gamma(-1.0), lambda: np.random.gamma(1.0, -2.0), lambda: np.random.beta(0.0, 1.0), lambda: np.random.beta(1.0, -1.0), lambda: np.random.standard_gamma(-0.5)):",
      "    try:",
      "        bad()",
      "    except ValueError as e:",
      '        print("ValueError:", e)',
    ].join("\n");
    const trace = runProgram(source + "\n");
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout.split("\n")).toEqual([
      "2.3936793898692366 0.7439503762595899 0.5087888757438155 2.734835539264844",
      "[3.080228153569877, 5.011829995424606, 1.535409555741333, 1.6146816293742707, 0.08617152798512913]",
      "[[0.016544733826656072, 0.07301940701741876, 0.004653040303209408], [0.00011071159819631032, 2.719211312492032, 0.01901801131771172]]",
      "0.5357681122085977 0.0014281454777218565 0.007474449279737025",
      "[0.6220369224141465, 0.3096471529784605, 0.4490672140055949, 0.23914599816767199, 0.3659696172985247, 0.44360381378374164]",
      "[0.6349469477257114, 0.06666689998211171, 0.22191684729206498, 0.7837617901194126]",
      "[2.498252688633199, 4.356232224115648, 0.4876681819777286] [0.002554546262568707, 0.9891139231980418]",
      "[-1.9875689146008928, -0.7892583286979201, 0.7437112837712267] 0.07697990982879299",
      "[9.354077301476945, 3.7307585192875, 3.1614461158596776] [0.30630648600288407, 0.5188147437507439, 0.3260209957993076] 0.0",
      "0.0 [0.0, 2.1965155742608804e-32, 4.793301002258619e-199] [1.0, 1.0, 5.72905362942281e-46]",
      "ValueError: shape < 0",
      "ValueError: scale < 0",
      "ValueError: a <= 0",
      "ValueError: b <= 0",
      "ValueError: shape < 0",
      "",
    ]);
  });
});
