const SVG_NS = "http://www.w3.org/2000/svg";

/** An SVG element with its attributes and, optionally, its text: the charts draw with this alone. */
export function svgElement(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}
