"""Records what PyTorch prints for each program in a folder of test programs.

    /usr/bin/python3 src/runtime/modules/torchPrograms/record.py            # torchPrograms.test.ts
    /usr/bin/python3 src/runtime/modules/torchPrograms/record.py src/runtime/modules/torchData
                                                                            # torchUtilsData.test.ts

runs every *.py in the folder (this file's own by default) with torch 1.13.1 (Debian's Python)
and writes the folder's recorded.json: { "name.py": "stdout" }. The programs print with
repr/format so every digit is compared.
"""
import json
import os
import subprocess
import sys

here = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
out = {}
for name in sorted(os.listdir(here)):
    if not name.endswith(".py") or name == "record.py":
        continue
    r = subprocess.run([sys.executable, os.path.join(here, name)], capture_output=True, text=True, cwd=here)
    if r.returncode != 0:
        sys.exit(f"{name} failed:\n{r.stderr}")
    out[name] = r.stdout
with open(os.path.join(here, "recorded.json"), "w") as f:
    json.dump(out, f, indent=2, sort_keys=True)
    f.write("\n")
print(f"recorded {len(out)} programs")
