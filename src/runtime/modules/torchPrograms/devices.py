# devices on a CPU-only build: device objects, .to / .cpu / .cuda, availability checks
import torch
import torch.nn as nn

cpu = torch.device("cpu")
print(cpu, repr(cpu), cpu.type, cpu.index, torch.device("cuda:1"), repr(torch.device("cuda", 0)))
print(cpu == torch.device("cpu"), cpu == torch.device("cuda"), str(torch.device("mps")))
print(torch.cuda.is_available(), torch.cuda.device_count(), torch.backends.mps.is_available(), torch.backends.mps.is_built())
device = "cuda" if torch.cuda.is_available() else "mps" if torch.backends.mps.is_available() else "cpu"
print(device)
x = torch.ones(2, 3, device=device)
print(x.device, x.is_cuda, x.get_device(), x.to(device) is x, x.to(cpu) is x, x.cpu() is x)
print(x.to(torch.float64), x.to("cpu", torch.int64), x.to(torch.zeros(1, dtype=torch.int32)))
print(x.to(device="cpu", dtype=torch.float64).dtype, x.to(torch.float32) is x, x.to(torch.float32, copy=True) is x)
y = torch.zeros(3, device=torch.device("cpu"))
print(y, torch.tensor([1, 2], device=cpu), torch.arange(3, device="cpu"), torch.randn(2, device=cpu).device)
for make in [lambda: x.cuda(), lambda: x.to("cuda"), lambda: torch.zeros(2, device="cuda"),
             lambda: x.to(torch.device("cuda:0")), lambda: x.to("mps"), lambda: torch.device("gpu"),
             lambda: torch.Generator(device="cuda"), lambda: nn.Linear(2, 2).cuda(), lambda: nn.Linear(2, 2).to("cuda")]:
    try:
        make()
    except Exception as e:
        print(type(e).__name__, e)
m = nn.Linear(2, 3)
print(m.to(cpu) is m, m.cpu() is m, m.to(torch.float64).weight.dtype, m.weight.device)
torch.cuda.manual_seed(0)
torch.cuda.manual_seed_all(0)
print(torch.Generator(device="cpu").device, torch.Generator().device == cpu)
