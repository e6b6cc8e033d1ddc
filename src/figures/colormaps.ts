import { hexColour, type Rgba } from "./colours";

/**
 * matplotlib's colormaps, as piecewise-linear curves through knots recorded from matplotlib
 * 3.6.3: `index:rrggbb` pairs on its 256-entry lookup table, chosen so the curve between them
 * stays within 2/255 of every entry. The qualitative maps (`tab10`, `Set1`, …) list their
 * colours exactly. A `_r` suffix reverses a map, as in matplotlib.
 */

const COLORMAP_KNOTS: Record<string, string> = {
  viridis:
    "0:440154 13:481467 30:472a7a 42:443983 58:3e4c8a 81:32648e 125:218e8d 141:1e9d89 153:22a884 162:2ab07f 174:3bbb75 193:60ca60 215:95d840 233:c5e021 240:d8e219 246:e7e419 255:fde725",
  plasma:
    "0:0d0887 7:20068f 31:4b03a1 55:7100a8 65:8004a8 91:a31e9a 110:ba3388 138:d5536f 173:ef7c51 202:fca338 224:fdc527 233:fbd324 251:f2f227 255:f0f921",
  inferno:
    "0:000004 9:040314 19:0e092b 26:180c3c 40:2f0a5b 51:420a68 64:57106e 83:751b6e 105:982766 122:b3325a 146:d44842 172:ef6c23 194:fa9207 201:fc9f07 209:fcae12 225:f8cd37 233:f4dd4f 244:f1f179 255:fcffa4",
  magma:
    "0:000004 4:020109 12:06051a 27:160f3b 37:241253 48:36106b 54:400f74 62:4e117b 79:681c81 105:912b81 125:b2357b 149:d8456c 160:e75263 172:f2645c 182:f8765c 192:fc8961 216:feb67c 235:fed89a 255:fcfdbf",
  cividis:
    "0:00224e 17:002e6c 22:003171 28:123570 35:203a6f 53:38476c 86:585e6d 125:7a7a78 152:938e78 175:aaa073 203:c7b767 234:e9d34e 246:f7de3e 251:fde334 255:fee838",
  gray: "0:000000 255:ffffff",
  Greys: "0:ffffff 38:ececec 63:dadada 95:bebebe 128:959595 193:505050 223:252525 255:000000",
  binary: "0:ffffff 255:000000",
  Blues: "0:f7fbff 64:c6dbef 96:9dcae1 131:66abd4 159:4292c6 190:2272b6 223:08519c 255:08306b",
  BuGn: "0:f7fcfd 32:e5f5f9 64:ccece6 96:98d8c9 128:65c2a3 158:43af78 191:238b45 223:006d2c 255:00441b",
  BuPu: "0:f7fcfd 35:ddeaf3 96:9ebcda 102:9ab4d6 127:8c97c6 163:8c66af 190:88439e 223:810f7c 255:4d004b",
  GnBu: "0:f7fcf0 64:ccebc5 95:a9ddb5 128:7accc4 160:4db2d3 189:2d8fbf 223:0868ac 255:084081",
  Greens: "0:f7fcf5 32:e5f5e0 65:c6e8bf 95:a2d99c 128:73c476 160:40aa5d 198:1c8540 223:006d2c 255:00441b",
  Oranges: "0:fff5eb 32:fee6ce 63:fdd1a3 96:fdae6a 128:fd8c3b 159:f16913 192:d84801 223:a63603 255:7f2704",
  OrRd: "0:fff7ec 33:fee7c7 62:fdd5a0 91:fdbf88 98:fdb881 129:fb8b58 160:ef6447 189:d93422 223:b30000 255:7f0000",
  PuBu: "0:fff7fb 31:ede7f2 62:d2d2e7 77:bfc9e1 101:9ebad9 127:75a9cf 137:62a2cb 160:358fc0 191:0570b0 224:04598c 255:023858",
  PuRd: "0:f7f4f9 31:e7e2ef 63:d4bada 95:c995c7 124:dd6ab3 160:e72989 192:cd1256 223:980043 255:67001f",
  Purples: "0:fcfbfd 34:eeecf4 64:dadaeb 95:bdbedc 127:9e9bc8 161:7f7bb9 222:552890 255:3f007d",
  RdPu: "0:fff7f3 31:fde1de 65:fcc4c0 95:faa0b5 128:f767a1 161:db3196 191:ae017e 224:790177 255:49006a",
  Reds: "0:fff5f0 32:fee0d2 59:fcc1a8 94:fc9474 124:fb6e4e 158:f03d2d 191:cb181d 221:a81016 255:67000d",
  YlGn: "0:ffffe5 31:f7fcba 64:d9f0a3 97:abdc8d 124:7ec97b 160:40aa5c 191:238443 223:006837 255:004529",
  YlGnBu: "0:ffffd9 32:edf8b1 63:c8e9b4 95:80cebb 128:40b5c4 159:1d91c0 191:225ea8 223:253494 255:081d58",
  YlOrBr: "0:ffffe5 32:fff7bc 64:fee390 97:fec24d 128:fe9829 153:f07818 192:cb4b02 223:993404 255:662506",
  YlOrRd: "0:ffffcc 64:fed976 97:feb04b 127:fd8e3c 160:fc4d2a 191:e31a1c 214:c80723 223:bd0026 255:800026",
  Spectral:
    "0:9e0142 25:d43d4f 51:f46d43 76:fdad60 102:fee08b 128:ffffbe 153:e6f598 178:acdda4 204:66c2a5 229:3389bd 255:5e4fa2",
  RdBu: "0:67001f 26:b3192c 51:d6604d 71:ee9677 78:f5a886 102:fddbc7 128:f6f7f7 153:d1e5f0 178:93c6de 204:4393c3 230:2065ab 255:053061",
  RdYlBu:
    "0:a50026 25:d62f27 51:f46d43 76:fdad60 102:fee090 128:feffc0 153:e0f3f8 178:acdae9 203:76afd2 229:4676b5 255:313695",
  RdYlGn:
    "0:a50026 25:d62f27 51:f46d43 76:fdad60 102:fee08b 128:feffbe 153:d9ef8b 176:abdb6d 181:a0d669 203:69be63 229:1b9950 255:006837",
  RdGy: "0:67001f 26:b3192c 49:d35a4a 54:da6853 78:f5a886 98:fcd3bc 106:fde1d0 127:fffefe 154:dfdfdf 178:bbbbbb 205:858585 228:505050 255:1a1a1a",
  PiYG: "0:8e0152 25:c41a7c 52:df79b0 77:f1b7da 101:fddeee 127:f7f7f7 153:e6f5d0 180:b5df82 204:7fbc41 230:4c9121 255:276419",
  PRGn: "0:40004b 26:772b84 51:9970ab 72:bb9cc9 101:e6d2e7 127:f7f6f7 153:d9f0d3 179:a5da9f 203:5db063 229:1c7938 255:00441b",
  PuOr: "0:7f3b08 26:b45906 51:e08214 77:fdb965 103:fee1b9 127:f7f7f6 153:d8daeb 180:afa8d0 204:8073ac 229:552889 255:2d004b",
  BrBG: "0:543005 25:8b500a 51:bf812d 77:dfc37e 102:f6e8c3 128:f4f5f5 153:c7eae5 178:81cec2 204:35978f 229:02675f 255:003c30",
  coolwarm:
    "0:3b4cc0 16:4e68d8 37:688aef 49:799cf8 63:8caffe 79:a2c1ff 98:bbd1f8 114:cedaeb 127:dcdddd 141:ead5c9 160:f5c4ac 190:f59c7d 211:e9785d 239:cb3e38 247:c0282f 255:b40426",
  bwr: "0:0000ff 127:fefeff 255:ff0000",
  seismic: "0:00004c 64:0101ff 127:fdfdff 128:fffdfd 191:ff0101 255:800000",
  jet: "0:000080 28:0000ff 32:0000ff 86:00d8ff 90:02e8f4 96:16ffe1 163:eeff09 166:f8f500 169:ffea00 227:ff1300 232:e80000 255:800000",
  hot: "0:0b0000 93:ff0000 190:fffe00 255:ffffff",
  cool: "0:00ffff 255:ff00ff",
  autumn: "0:ff0000 255:ffff00",
  spring: "0:ff00ff 255:ffff00",
  summer: "0:008066 255:ffff66",
  winter: "0:0000ff 255:00ff80",
  copper: "0:000000 202:fa9e64 207:ffa267 255:ffc77f",
  bone: "0:000000 90:4f4f6e 188:a4c4c4 255:ffffff",
  pink: "0:1e0000 4:321a1a 5:351d1d 12:4b2d2d 21:603c3c 48:8d5a5a 70:a96d6d 93:c27e7e 109:c99588 133:d2b296 188:e8e7b3 227:f5f5e2 255:ffffff",
  afmhot: "0:000000 64:800000 127:fe7e00 191:fffe7f 255:ffffff",
  rainbow:
    "0:8000ff 35:396bf9 47:218cf4 64:00b5eb 80:20d5e1 94:3dead5 108:58f8c9 123:76ffb9 136:90feab 155:b6f193 172:d9da7d 191:feb562 208:ff8c49 220:ff6b37 255:ff0000",
  hsv: "0:ff0000 40:ffec00 45:f4ff00 85:08ff00 89:00ff10 91:00ff1b 129:00fffc 130:00fcff 134:00e5ff 170:0010ff 174:0800ff 215:f800fd 219:ff00ed 255:ff0018",
  twilight:
    "0:e2d9e2 10:dcd9df 22:d0d4d9 35:beccd2 67:8fb1c6 96:7196c1 125:6278bb 146:5f60b4 165:5e49a9 189:5a2d92 203:541e7e 213:4d176d 234:3c114b 255:2f1436",
  terrain: "0:333399 38:0098fe 41:009eef 64:01cc66 127:fdff99 128:fefe98 191:805c54 255:ffffff",
  ocean: "0:008000 85:000055 170:0080aa 255:ffffff",
  gist_rainbow:
    "0:ff0029 7:ff0003 8:ff0200 55:feff00 102:00ff00 149:00fffd 153:00ecff 196:0002ff 199:0e00ff 243:fe00ff 255:ff00bf",
  gnuplot:
    "0:000000 1:100006 2:17000d 5:24001f 9:300038 22:4b0084 34:5d01be 40:6501d5 50:7102f1 54:7502f8 62:7e04ff 68:8405fe 77:8c07f2 82:9108e6 91:980cc8 96:9c0eb3 104:a3118c 110:a7146b 127:b42003 128:b52000 162:cb4100 175:d35200 198:e17700 211:e89000 228:f1b600 244:f9df00 255:ffff00",
  cubehelix:
    "0:000000 9:0e050f 22:191129 37:1a2543 50:163b4e 66:16574b 78:206840 85:2b6f39 93:3c7632 99:4c792f 111:6f7b31 118:847a38 129:a4794c 139:bc7967 149:cc7c86 157:d381a0 165:d589b8 177:d09ad7 186:caa9e7 192:c6b4ee 201:c2c5f3 208:c1d1f3 219:c6e1f1 229:d1edef 240:e3f6f0 255:ffffff",
  turbo:
    "0:30123b 10:3b2f80 16:4040a2 22:4451bf 29:4664da 36:4776ee 42:4685fa 48:4294ff 52:3d9efe 60:2fb2f4 74:1ad2d2 85:1ae4b6 90:22ebaa 98:38f491 112:6dfe62 122:92ff47 129:a7fc3a 137:bcf534 146:d2e935 158:ebd339 171:fbb838 186:fe9029 195:f9751d 206:ed5510 218:dc3b07 226:cc2b04 237:b21a01 248:920b01 255:7a0403",
};

const LISTED_COLORMAPS: Record<string, string> = {
  tab10: "1f77b4 ff7f0e 2ca02c d62728 9467bd 8c564b e377c2 7f7f7f bcbd22 17becf",
  tab20:
    "1f77b4 aec7e8 ff7f0e ffbb78 2ca02c 98df8a d62728 ff9896 9467bd c5b0d5 8c564b c49c94 e377c2 f7b6d2 7f7f7f c7c7c7 bcbd22 dbdb8d 17becf 9edae5",
  Set1: "e41a1c 377eb8 4daf4a 984ea3 ff7f00 ffff33 a65628 f781bf 999999",
  Set2: "66c2a5 fc8d62 8da0cb e78ac3 a6d854 ffd92f e5c494 b3b3b3",
  Set3: "8dd3c7 ffffb3 bebada fb8072 80b1d3 fdb462 b3de69 fccde5 d9d9d9 bc80bd ccebc5 ffed6f",
  Pastel1: "fbb4ae b3cde3 ccebc5 decbe4 fed9a6 ffffcc e5d8bd fddaec f2f2f2",
  Pastel2: "b3e2cd fdcdac cbd5e8 f4cae4 e6f5c9 fff2ae f1e2cc cccccc",
  Paired: "a6cee3 1f78b4 b2df8a 33a02c fb9a99 e31a1c fdbf6f ff7f00 cab2d6 6a3d9a ffff99 b15928",
  Dark2: "1b9e77 d95f02 7570b3 e7298a 66a61e e6ab02 a6761d 666666",
  Accent: "7fc97f beaed4 fdc086 ffff99 386cb0 f0027f bf5b17 666666",
};

/** matplotlib's default colormap (`image.cmap`). */
export const DEFAULT_COLORMAP = "viridis";

export interface Colormap {
  name: string;
  /** The colour for a value already normalised to 0…1 (clipped to the ends outside it; NaN: transparent). */
  at(t: number): Rgba;
  /** The number of colours in its lookup table (256, or a listed map's count). */
  size: number;
}

const cache = new Map<string, Colormap>();

/** The colormap of this name (case as matplotlib spells it), or null when there is none. */
export function colormap(name: string): Colormap | null {
  const cached = cache.get(name);
  if (cached) return cached;
  const reversed = name.endsWith("_r");
  const base = reversed ? name.slice(0, -2) : name;
  let lookup: ((index: number) => Rgba) | null = null;
  let size = 256;
  if (Object.hasOwn(COLORMAP_KNOTS, base)) {
    const knots = COLORMAP_KNOTS[base].split(" ").map((k) => {
      const [index, hex] = k.split(":");
      return { index: Number(index), colour: hexColour(hex) };
    });
    lookup = (index) => interpolate(knots, index);
  } else if (Object.hasOwn(LISTED_COLORMAPS, base)) {
    const colours = LISTED_COLORMAPS[base].split(" ").map((hex) => hexColour(hex));
    size = colours.length;
    lookup = (index) => colours[index];
  }
  if (lookup === null) return null;
  const table = lookup;
  const map: Colormap = {
    name,
    size,
    at(t: number): Rgba {
      // matplotlib's lookup: floor(t·N), the top end folded into the last entry
      if (Number.isNaN(t)) return [0, 0, 0, 0]; // the "bad" colour: not drawn
      const clipped = Math.min(1, Math.max(0, t));
      let index = Math.min(size - 1, Math.floor(clipped * size));
      if (reversed) index = size - 1 - index;
      return table(index);
    },
  };
  cache.set(name, map);
  return map;
}

/** Every colormap name GradLens knows, for error messages. */
export function colormapNames(): string[] {
  return [...Object.keys(COLORMAP_KNOTS), ...Object.keys(LISTED_COLORMAPS)];
}

function interpolate(knots: { index: number; colour: Rgba }[], index: number): Rgba {
  let hi = 1;
  while (hi < knots.length - 1 && knots[hi].index < index) hi++;
  const a = knots[hi - 1];
  const b = knots[hi];
  const f = b.index === a.index ? 0 : (index - a.index) / (b.index - a.index);
  const mix = (k: number) => a.colour[k] + (b.colour[k] - a.colour[k]) * Math.min(1, Math.max(0, f));
  return [mix(0), mix(1), mix(2), 1];
}

/** matplotlib's `Normalize`: vmin…vmax onto 0…1 (a flat range maps everything to 0). */
export function normalise(value: number, vmin: number, vmax: number): number {
  if (vmax === vmin) return 0;
  return (value - vmin) / (vmax - vmin);
}
