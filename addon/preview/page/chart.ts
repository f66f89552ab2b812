import { svgElement } from "../../sidebars/common/svg";

/**
 * Draws an embedded chart of the workbook as a small SVG, so the preview shows what a native
 * Sheets chart written by the add-on would show. Line, area, column, bar and pie; the first column
 * of the first range is the category axis, the other columns are series, a text first row names them.
 */

export interface ChartView {
  id: number;
  type: string;
  title: string;
  ranges: string[];
  data: unknown[][][];
}

const COLORS = ["#1a73e8", "#ea4335", "#34a853", "#fbbc04", "#9334e6", "#12b5cb"];
const W = 420;
const H = 240;
const PAD = { left: 44, right: 12, top: 30, bottom: 36 };

/** Several ranges of one height are side by side, as Sheets reads them: the first is the category column. */
function joined(data: unknown[][][]): unknown[][] {
  const [first = [], ...rest] = data;
  if (rest.some((range) => range.length !== first.length)) return first;
  return first.map((row, r) => [...row, ...rest.flatMap((range) => range[r] ?? [])]);
}

function table(chart: ChartView): { labels: string[]; series: { name: string; values: (number | null)[] }[] } {
  const rows = chart.data.flat().length ? joined(chart.data) : [];
  const header = rows[0]?.slice(1).some((v) => typeof v === "string" && v !== "") ? (rows[0] as unknown[]) : null;
  const body = header ? rows.slice(1) : rows;
  const width = Math.max(...rows.map((r) => r.length), 1);
  const series = [];
  for (let c = 1; c < width; c++) {
    series.push({
      name: header ? String(header[c] ?? "") : `Series ${c}`,
      values: body.map((r) => (typeof r[c] === "number" ? (r[c] as number) : null)),
    });
  }
  return { labels: body.map((r) => String(r[0] ?? "")), series };
}

export function renderChart(chart: ChartView): SVGSVGElement {
  const svg = svgElement("svg", {
    viewBox: `0 0 ${W} ${H}`,
    width: W,
    height: H,
    role: "img",
    "aria-label": chart.title,
  }) as SVGSVGElement;
  svg.append(svgElement("rect", { x: 0, y: 0, width: W, height: H, fill: "#fff", stroke: "#dadce0" }));
  svg.append(svgElement("text", { x: 12, y: 20, "font-size": 13, fill: "#202124" }, chart.title));
  const { labels, series } = table(chart);
  if (chart.type === "PIE") {
    const values = series[0]?.values.map((v) => Math.max(0, v ?? 0)) ?? [];
    const total = values.reduce((a, b) => a + b, 0) || 1;
    let angle = -Math.PI / 2;
    const cx = 110;
    const cy = 135;
    const r = 80;
    values.forEach((v, i) => {
      const next = angle + (2 * Math.PI * v) / total;
      const large = next - angle > Math.PI ? 1 : 0;
      const d = `M${cx},${cy} L${cx + r * Math.cos(angle)},${cy + r * Math.sin(angle)} A${r},${r} 0 ${large} 1 ${cx + r * Math.cos(next)},${cy + r * Math.sin(next)} Z`;
      svg.append(svgElement("path", { d, fill: COLORS[i % COLORS.length] as string }));
      svg.append(
        svgElement("rect", {
          x: 220,
          y: 50 + i * 20,
          width: 10,
          height: 10,
          fill: COLORS[i % COLORS.length] as string,
        }),
      );
      svg.append(
        svgElement(
          "text",
          { x: 236, y: 59 + i * 20, "font-size": 11 },
          `${labels[i] ?? ""} (${Math.round((100 * v) / total)}%)`,
        ),
      );
      angle = next;
    });
    return svg;
  }
  const all = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const min = Math.min(0, ...all);
  const max = Math.max(0, ...all) || 1;
  const x0 = PAD.left;
  const x1 = W - PAD.right;
  const y0 = H - PAD.bottom;
  const y1 = PAD.top;
  const y = (v: number) => y0 - ((v - min) / (max - min)) * (y0 - y1);
  const step =
    labels.length > 1
      ? (x1 - x0) / (labels.length - (chart.type === "LINE" || chart.type === "AREA" ? 1 : 0))
      : x1 - x0;
  svg.append(svgElement("line", { x1: x0, y1: y(0), x2: x1, y2: y(0), stroke: "#9aa0a6" }));
  for (const v of [min, max])
    svg.append(
      svgElement("text", { x: 4, y: y(v) + 4, "font-size": 10, fill: "#5f6368" }, String(Math.round(v * 100) / 100)),
    );
  const every = Math.max(1, Math.ceil(labels.length / 8));
  labels.forEach((label, i) => {
    if (i % every) return;
    // Axis labels are cut to a date's length; the pie's legend keeps its labels whole.
    const anchor = i === labels.length - 1 && i > 0 ? "end" : "start";
    svg.append(
      svgElement(
        "text",
        { x: Math.min(x0 + i * step, x1), y: H - 14, "font-size": 9, fill: "#5f6368", "text-anchor": anchor },
        label.slice(0, 10),
      ),
    );
  });
  series.forEach((s, k) => {
    const color = COLORS[k % COLORS.length] as string;
    if (chart.type === "COLUMN" || chart.type === "BAR" || chart.type === "COMBO") {
      const bw = Math.max(2, step / (series.length + 1));
      s.values.forEach((v, i) => {
        if (v === null) return;
        const top = Math.min(y(v), y(0));
        svg.append(
          svgElement("rect", {
            x: x0 + i * step + k * bw,
            y: top,
            width: bw - 1,
            height: Math.abs(y(v) - y(0)),
            fill: color,
          }),
        );
      });
    } else {
      const points = s.values.map((v, i) => (v === null ? null : `${x0 + i * step},${y(v)}`)).filter(Boolean);
      svg.append(svgElement("polyline", { points: points.join(" "), fill: "none", stroke: color, "stroke-width": 2 }));
    }
    svg.append(svgElement("text", { x: x0 + k * 120, y: H - 2, "font-size": 10, fill: color }, s.name));
  });
  return svg;
}
