import { describe, expect, it } from "vitest";
import { at, escapeXml, svg, svgMarkup } from "./svgTree";

describe("svgMarkup", () => {
  it("writes elements, attributes and text, self-closing empty elements", () => {
    const tree = svg("g", { class: "a", x: 1.5 }, [svg("rect", { width: 2 }), svg("text", { y: 3 }, "hi")]);
    expect(svgMarkup(tree)).toBe('<g class="a" x="1.5"><rect width="2"/><text y="3">hi</text></g>');
  });

  it("escapes markup in text and attributes, so a program's names cannot break the file", () => {
    const tree = svg("text", { "data-name": `a"<b>` }, "x < 1 && y > 'z'");
    expect(svgMarkup(tree)).toBe(
      '<text data-name="a&quot;&lt;b&gt;">x &lt; 1 &amp;&amp; y &gt; &apos;z&apos;</text>',
    );
  });

  it("drops control characters XML cannot hold, keeping tabs and newlines", () => {
    expect(escapeXml("a\u0000b\u001bc\td\ne")).toBe("abc\td\ne");
  });
});

describe("at", () => {
  it("adds an offset to a position, to a thousandth of a pixel", () => {
    expect(at(520.0777083333334, 19)).toBe(539.078);
    expect(at(0.1, 0.2)).toBe(0.3);
    expect(at(12)).toBe(12);
    expect(at(-3.5, -1)).toBe(-4.5);
  });
});
