import { svgElement } from "../common/svg";

/**
 * Small inline SVG charts for a 276 px column: a line (NPS, churn) or bars (revenue). Points with
 * fewer than 100 behind them are drawn hollow; a partial period's bar is pale and dashed. Each
 * point has a <title> for a mouse pointer; the sidebar also offers the numbers as a table.
 */

export interface ChartPoint {
  label: string;
  value: number | null;
  /** Fewer than 100 behind this value. */
  hollow: boolean;
  /** The data end inside this period. */
  partial: boolean;
  /** Tooltip text. */
  title: string;
}

export interface ChartOptions {
  kind: "line" | "bars";
  color: string;
  /** Text of the y-axis bounds. */
  format(value: number): string;
  /** Include 0 in the range (bars always do). */
  zero: boolean;
  /** Clip the range to these bounds (NPS: −100…100). */
  floor?: number;
  ceiling?: number;
  /** Accessible summary of the chart. */
  label: string;
}

const W = 276;
const H = 84;
const LEFT = 40;
const RIGHT = 6;
const TOP = 6;
const BOTTOM = 6;

function titled(node: SVGElement, text: string): SVGElement {
  node.append(svgElement("title", {}, text));
  return node;
}

export function miniChart(points: readonly ChartPoint[], options: ChartOptions): SVGSVGElement {
  const svg = svgElement("svg", {
    viewBox: `0 0 ${W} ${H}`,
    width: W,
    height: H,
    role: "img",
    "aria-label": options.label,
  }) as SVGSVGElement;
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  let min = Math.min(...values, options.zero || options.kind === "bars" ? 0 : Number.POSITIVE_INFINITY);
  let max = Math.max(...values, options.zero || options.kind === "bars" ? 0 : Number.NEGATIVE_INFINITY);
  if (max === min) {
    max += 1;
    if (options.kind === "line") min -= 1;
  }
  // Round bounds (a 1, 2 or 5 step), so the axis reads 0…50, not 0…48.7.
  const raw = (max - min) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const tick = ([1, 2, 5, 10].find((k) => k * magnitude >= raw) ?? 10) * magnitude;
  min = Math.max(options.floor ?? Number.NEGATIVE_INFINITY, Math.floor(min / tick) * tick);
  max = Math.min(options.ceiling ?? Number.POSITIVE_INFINITY, Math.ceil(max / tick) * tick);
  const y = (v: number) => TOP + ((max - v) / (max - min)) * (H - TOP - BOTTOM);
  const slots = Math.max(points.length, 1);
  const step = (W - LEFT - RIGHT) / slots;
  const x = (i: number) => LEFT + step * (i + 0.5);

  svg.append(svgElement("line", { x1: LEFT, x2: W - RIGHT, y1: y(max), y2: y(max), stroke: "#eceff1" }));
  svg.append(svgElement("line", { x1: LEFT, x2: W - RIGHT, y1: y(min), y2: y(min), stroke: "#eceff1" }));
  if (min < 0 && max > 0) {
    svg.append(
      svgElement("line", { x1: LEFT, x2: W - RIGHT, y1: y(0), y2: y(0), stroke: "#9aa0a6", "stroke-dasharray": "2 2" }),
    );
  }
  const axis = { "font-size": 9, fill: "#5f6368", "text-anchor": "end" };
  svg.append(svgElement("text", { ...axis, x: LEFT - 4, y: y(max) + 3 }, options.format(max)));
  svg.append(svgElement("text", { ...axis, x: LEFT - 4, y: y(min) + 3 }, options.format(min)));
  if (min < 0 && max > 0) svg.append(svgElement("text", { ...axis, x: LEFT - 4, y: y(0) + 3 }, options.format(0)));

  if (options.kind === "bars") {
    const width = Math.max(2, step * 0.7);
    points.forEach((p, i) => {
      if (p.value === null) return;
      const top = Math.min(y(p.value), y(0));
      const bar = svgElement("rect", {
        x: x(i) - width / 2,
        y: top,
        width,
        height: Math.max(1, Math.abs(y(p.value) - y(0))),
        fill: options.color,
        "fill-opacity": p.partial ? 0.35 : 0.85,
        ...(p.partial ? { stroke: options.color, "stroke-dasharray": "2 2" } : {}),
      });
      svg.append(titled(bar, p.title));
    });
    return svg;
  }

  // A line broken where a period has no value, so a gap is not drawn as a trend.
  let run: string[] = [];
  const flush = () => {
    if (run.length > 1) {
      svg.append(
        svgElement("polyline", {
          points: run.join(" "),
          fill: "none",
          stroke: options.color,
          "stroke-width": 1.5,
          "stroke-linejoin": "round",
        }),
      );
    }
    run = [];
  };
  points.forEach((p, i) => {
    if (p.value === null) flush();
    else run.push(`${x(i).toFixed(1)},${y(p.value).toFixed(1)}`);
  });
  flush();
  points.forEach((p, i) => {
    if (p.value === null) return;
    const last = i === points.length - 1 || points.slice(i + 1).every((q) => q.value === null);
    const dot = svgElement("circle", {
      cx: x(i),
      cy: y(p.value),
      r: last ? 3.5 : 2.5,
      fill: p.hollow ? "#fff" : options.color,
      stroke: options.color,
      "stroke-width": 1.5,
    });
    svg.append(titled(dot, p.title));
  });
  return svg;
}
