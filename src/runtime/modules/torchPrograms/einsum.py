import torch
a=torch.arange(6.).reshape(2,3).requires_grad_(); b=torch.arange(12.).reshape(3,4)-5.5
y=torch.einsum('ij,jk->ik', a, b); print(y.detach())
y.sum().backward(); print(a.grad)
x=torch.tensor([1.,2.,3.], requires_grad=True); t=torch.einsum('i,i', [x, x]); t.backward(); print(t.item(), x.grad)
m=torch.arange(9.).reshape(3,3).requires_grad_(); d=torch.einsum('ii->i', m); d.sum().backward(); print(d.detach(), m.grad)
q=torch.randn(2,3,4); k=torch.ones(2,5,4)
print(torch.einsum('bqd,bkd->bqk', q*0+1, k).shape)
try: torch.einsum('ij,jk', a)
except Exception as e: print(type(e).__name__, e)
try: torch.einsum('ij,jk', a, torch.ones(3,2,dtype=torch.float64))
except Exception as e: print(type(e).__name__, e)
