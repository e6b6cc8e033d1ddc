# XOR learnt by a 2-3-1 tanh network written from scratch, then its output over the unit
# square drawn in 3-D as a scatter of points coloured by height, as the "network from scratch"
# tutorials end. GradLens draws the figure as matplotlib 3.6 would (view elev=30, azim=-60).
import numpy as np
import matplotlib.pyplot as plt
from mpl_toolkits.mplot3d import Axes3D

from layers import Dense, Tanh
from training import fit, predict

np.random.seed(3)
X = np.reshape([[0, 0], [0, 1], [1, 0], [1, 1]], (4, 2, 1))
Y = np.reshape([[0], [1], [1], [0]], (4, 1, 1))
net = [Dense(2, 3), Tanh(), Dense(3, 1), Tanh()]
losses = fit(net, X, Y, epochs=300, lr=0.1)
print(f"loss: {losses[0]:.4f} -> {losses[-1]:.4f}")

points = []
for x in np.linspace(0, 1, 20):
    for y in np.linspace(0, 1, 20):
        z = predict(net, [[x], [y]])
        points.append([x, y, z[0, 0]])
points = np.array(points)

fig = plt.figure()
ax = fig.add_subplot(111, projection="3d")
ax.scatter(points[:, 0], points[:, 1], points[:, 2], c=points[:, 2], cmap="winter")
ax.set_xlabel("x1")
ax.set_ylabel("x2")
ax.set_zlabel("output")
ax.set_title("XOR decision surface")
plt.show()

# Values from numpy 1.24.2 and matplotlib 3.6.3 (/usr/bin/python3): the training, the limits
# the 3-D axes autoscaled to (5% margins, z's made 5% by the scatter) and its projection.
# expect: float(losses[0]) == 0.4369810232587683
# expect: float(losses[-1]) == 0.0010903868318496465
# expect: ax.get_xlim() == (-0.05, 1.05)
# expect: ax.get_zlim() == (-0.047791178196165636, 1.0017768699944796)
# expect: ax.get_proj().tolist() == [[0.899766655409205, 0.5194805207083539, 0.0, -0.7096235880587807], [-0.25974026035417697, 0.4498833277046025, 0.7072504655531971, -0.4324249460029367], [0.0, 0.0, 0.0, -10.0], [-0.44988332770460276, 0.7792207810625307, -0.4083312466716265, 10.030102356740484]]
# expect: isinstance(ax, Axes3D) == True
# expect: ax.get_zlabel() == 'output'
