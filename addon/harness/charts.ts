import type { FakeRange, FakeSheet } from "./spreadsheet";

/** Charts.ChartType, the chart types the fake understands. */
export const CHART_TYPES = {
  AREA: "AREA",
  BAR: "BAR",
  COLUMN: "COLUMN",
  COMBO: "COMBO",
  LINE: "LINE",
  PIE: "PIE",
  SCATTER: "SCATTER",
  TABLE: "TABLE",
} as const;

export interface ChartPosition {
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
}

let nextChartId = 1;

/** An embedded chart: its type, data ranges, options and where it sits. */
export class FakeChart {
  readonly id: number;
  constructor(
    readonly type: string,
    readonly ranges: FakeRange[],
    readonly options: Map<string, unknown>,
    readonly position: ChartPosition,
    readonly headers: number,
    id?: number,
  ) {
    this.id = id ?? nextChartId++;
  }
  getChartId(): number {
    return this.id;
  }
  getId(): string {
    return `chart-${this.id}`;
  }
  getRanges(): FakeRange[] {
    return this.ranges.slice();
  }
  getOptions() {
    return { get: (key: string) => this.options.get(key) ?? null };
  }
  getContainerInfo() {
    return {
      getAnchorRow: () => this.position.anchorRow,
      getAnchorColumn: () => this.position.anchorColumn,
      getOffsetX: () => this.position.offsetX,
      getOffsetY: () => this.position.offsetY,
    };
  }
  modify(): FakeChartBuilder {
    return new FakeChartBuilder(this.ranges[0]?.getSheet() as FakeSheet, this);
  }
  /** Plain description for tests and the preview. */
  describe(): { id: number; type: string; title: string; ranges: string[]; position: ChartPosition } {
    return {
      id: this.id,
      type: this.type,
      title: String(this.options.get("title") ?? ""),
      ranges: this.ranges.map((r) => `${r.getSheet().getName()}!${r.getA1Notation()}`),
      position: { ...this.position },
    };
  }
}

/** EmbeddedChartBuilder and its typed variants (asLineChart() etc. return the same builder). */
export class FakeChartBuilder {
  private type: string;
  private readonly ranges: FakeRange[];
  private readonly options: Map<string, unknown>;
  private position: ChartPosition;
  private headers: number;

  constructor(
    private readonly sheet: FakeSheet,
    private readonly from?: FakeChart,
  ) {
    this.type = from?.type ?? CHART_TYPES.LINE;
    this.ranges = from ? from.ranges.slice() : [];
    this.options = new Map(from?.options ?? []);
    this.position = from ? { ...from.position } : { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 };
    this.headers = from?.headers ?? 0;
  }
  setChartType(type: string): FakeChartBuilder {
    this.type = type;
    return this;
  }
  asLineChart(): FakeChartBuilder {
    return this.setChartType(CHART_TYPES.LINE);
  }
  asColumnChart(): FakeChartBuilder {
    return this.setChartType(CHART_TYPES.COLUMN);
  }
  asBarChart(): FakeChartBuilder {
    return this.setChartType(CHART_TYPES.BAR);
  }
  asPieChart(): FakeChartBuilder {
    return this.setChartType(CHART_TYPES.PIE);
  }
  asAreaChart(): FakeChartBuilder {
    return this.setChartType(CHART_TYPES.AREA);
  }
  addRange(range: FakeRange): FakeChartBuilder {
    if (range.getSheet().getParent() !== this.sheet.getParent())
      throw this.sheet.getParent().guard.realm.error("Range is from another spreadsheet.");
    this.ranges.push(range);
    return this;
  }
  clearRanges(): FakeChartBuilder {
    this.ranges.length = 0;
    return this;
  }
  setPosition(anchorRow: number, anchorColumn: number, offsetX: number, offsetY: number): FakeChartBuilder {
    this.position = { anchorRow, anchorColumn, offsetX, offsetY };
    return this;
  }
  setOption(key: string, value: unknown): FakeChartBuilder {
    this.options.set(key, this.sheet.getParent().guard.realm.export(value));
    return this;
  }
  setTitle(title: string): FakeChartBuilder {
    return this.setOption("title", title);
  }
  setNumHeaders(headers: number): FakeChartBuilder {
    this.headers = headers;
    return this;
  }
  // Styling calls the add-on may make; accepted and kept as options.
  setLegendPosition(position: unknown): FakeChartBuilder {
    return this.setOption("legend.position", position);
  }
  setXAxisTitle(title: string): FakeChartBuilder {
    return this.setOption("hAxis.title", title);
  }
  setYAxisTitle(title: string): FakeChartBuilder {
    return this.setOption("vAxis.title", title);
  }
  setColors(colors: string[]): FakeChartBuilder {
    return this.setOption("colors", colors);
  }
  setTransposeRowsAndColumns(): FakeChartBuilder {
    return this;
  }
  setMergeStrategy(): FakeChartBuilder {
    return this;
  }
  build(): FakeChart {
    if (this.ranges.length === 0)
      throw this.sheet.getParent().guard.realm.error("A chart needs at least one data range.");
    return new FakeChart(
      this.type,
      this.ranges.slice(),
      new Map(this.options),
      { ...this.position },
      this.headers,
      this.from?.id,
    );
  }
}
