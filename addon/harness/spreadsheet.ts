import { a1Notation, type GridRect, parseA1, splitSheetName } from "./a1";
import { type CellValue, displayText, interpretWritten } from "./cellFormat";
import { type FakeChart, FakeChartBuilder } from "./charts";
import { FakeDataValidation, FakeDataValidationBuilder } from "./dataValidation";
import type { Realm } from "./realm";

/**
 * In-memory fakes of SpreadsheetApp's spreadsheets, sheets and ranges. They keep Sheets' rules
 * where the add-on depends on them: rows of cells, "" for blank, Date for dates, a wrong-shaped
 * write throws, out-of-bounds ranges throw, strings written are interpreted as typed.
 */

export interface Guard {
  /** Throws when the current execution may not write cells or show UI (custom functions). */
  assertMayWrite(method: string): void;
  realm: Realm;
}

interface SheetInit {
  name: string;
  rows?: CellValue[][];
  maxRows?: number;
  maxColumns?: number;
  /** Dropdowns of a list of values, set as requireValueInList(values).build() on an A1 range of the sheet. */
  dropdowns?: { range: string; values: string[] }[];
}

const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 26;
const key = (row: number, column: number) => `${row}:${column}`;

export class FakeSheet {
  private name: string;
  /** Stored values, 0-based; missing rows or cells are blank. */
  private cells: CellValue[][] = [];
  readonly formulas = new Map<string, string>();
  readonly formats = new Map<string, string>();
  /** Cell notes (Range.setNote): kept, read back, moved with rows, cleared by clear() only. */
  readonly notes = new Map<string, string>();
  /** Data validation rules per cell (Range.setDataValidation): moved with rows, cleared by clear(). */
  readonly validations = new Map<string, FakeDataValidation>();
  private maxRows: number;
  private maxColumns: number;
  private frozenRows = 0;
  readonly sheetId: number;
  /** Charts inserted by the add-on. */
  private charts: FakeChart[] = [];

  constructor(
    readonly parent: FakeSpreadsheet,
    init: SheetInit,
    sheetId: number,
  ) {
    this.name = init.name;
    this.sheetId = sheetId;
    const rows = init.rows ?? [];
    this.maxRows = Math.max(init.maxRows ?? DEFAULT_ROWS, rows.length);
    // A loop, not Math.max(...rows): a spread of a few hundred thousand rows overflows the stack.
    this.maxColumns = rows.reduce((max, r) => Math.max(max, r.length), init.maxColumns ?? DEFAULT_COLUMNS);
    this.cells = rows.map((r) => r.slice());
    for (const dropdown of init.dropdowns ?? []) {
      const rule = new FakeDataValidationBuilder(parent.guard.realm)
        .requireValueInList(parent.guard.realm.import(dropdown.values))
        .build();
      const rect = parseA1(dropdown.range, this.maxRows, this.maxColumns);
      if (!rect) throw new Error(`Harness: no range ${dropdown.range} on ${init.name}`);
      for (let r = rect.row - 1; r < rect.row - 1 + rect.numRows; r++) {
        for (let c = rect.column - 1; c < rect.column - 1 + rect.numColumns; c++) this.validations.set(key(r, c), rule);
      }
    }
  }

  private get guard(): Guard {
    return this.parent.guard;
  }

  getName(): string {
    return this.name;
  }
  setName(name: string): FakeSheet {
    this.guard.assertMayWrite("setName");
    if (this.parent.getSheetByName(name) && this.parent.getSheetByName(name) !== this) {
      throw this.guard.realm.error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    this.name = name;
    return this;
  }
  getSheetId(): number {
    return this.sheetId;
  }
  getParent(): FakeSpreadsheet {
    return this.parent;
  }
  getIndex(): number {
    return this.parent.getSheets().indexOf(this) + 1;
  }
  getMaxRows(): number {
    return this.maxRows;
  }
  getMaxColumns(): number {
    return this.maxColumns;
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }
  setFrozenRows(rows: number): FakeSheet {
    this.guard.assertMayWrite("setFrozenRows");
    this.frozenRows = rows;
    return this;
  }

  /** Last row with content, 0 for an empty sheet. */
  getLastRow(): number {
    for (let r = this.cells.length - 1; r >= 0; r--) {
      const row = this.cells[r];
      if (row?.some((v, c) => v !== "" || this.formulas.has(key(r, c)))) return r + 1;
    }
    return 0;
  }
  getLastColumn(): number {
    let last = 0;
    this.cells.forEach((row, r) => {
      for (let c = row.length - 1; c >= last; c--) {
        if (row[c] !== "" || this.formulas.has(key(r, c))) {
          last = c + 1;
          break;
        }
      }
    });
    return last;
  }

  getRange(a: number | string, column?: number, numRows = 1, numColumns = 1): FakeRange {
    if (typeof a === "string") {
      const rect = parseA1(splitSheetName(a).cells, this.maxRows, this.maxColumns);
      if (!rect) throw this.guard.realm.error(`Range not found`);
      return this.rangeAt(rect);
    }
    if (column === undefined)
      throw this.guard.realm.error(
        "The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
      );
    return this.rangeAt({ row: a, column, numRows, numColumns });
  }
  getDataRange(): FakeRange {
    return this.rangeAt({
      row: 1,
      column: 1,
      numRows: Math.max(1, this.getLastRow()),
      numColumns: Math.max(1, this.getLastColumn()),
    });
  }
  private rangeAt(rect: GridRect): FakeRange {
    const realm = this.guard.realm;
    for (const [name, v] of Object.entries(rect)) {
      if (!Number.isInteger(v)) throw realm.error(`The parameters don't match the method signature (${name}=${v}).`);
    }
    if (rect.numRows < 1) throw realm.error("The number of rows in the range must be at least 1.");
    if (rect.numColumns < 1) throw realm.error("The number of columns in the range must be at least 1.");
    if (rect.row < 1 || rect.row + rect.numRows - 1 > this.maxRows) throw realm.error("Those rows are out of bounds.");
    if (rect.column < 1 || rect.column + rect.numColumns - 1 > this.maxColumns) {
      throw realm.error("Those columns are out of bounds.");
    }
    return new FakeRange(this, rect);
  }

  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.guard.assertMayWrite("insertRowsAfter");
    this.cells.splice(afterPosition, 0, ...Array.from({ length: howMany }, () => [] as CellValue[]));
    this.shiftKeyed(afterPosition, howMany);
    this.maxRows += howMany;
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.guard.assertMayWrite("insertColumnsAfter");
    for (const row of this.cells) {
      if (row.length > afterPosition) row.splice(afterPosition, 0, ...new Array<CellValue>(howMany).fill(""));
    }
    this.maxColumns += howMany;
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.guard.assertMayWrite("deleteRows");
    this.cells.splice(rowPosition - 1, howMany);
    this.shiftKeyed(rowPosition - 1 + howMany, -howMany);
    this.maxRows -= howMany;
  }
  private shiftKeyed(fromRow: number, by: number): void {
    for (const map of [this.formulas, this.formats, this.notes, this.validations] as Map<string, unknown>[]) {
      const moved = [...map].map(([k, v]) => {
        const [r, c] = k.split(":").map(Number) as [number, number];
        return [r >= fromRow ? key(r + by, c) : k, v] as const;
      });
      map.clear();
      for (const [k, v] of moved) if (Number(k.split(":")[0]) >= 0) map.set(k, v);
    }
  }
  appendRow(values: unknown[]): FakeSheet {
    this.guard.assertMayWrite("appendRow");
    const row = this.getLastRow() + 1;
    if (row > this.maxRows) this.maxRows = row;
    if (values.length > this.maxColumns) this.maxColumns = values.length;
    this.rangeAt({ row, column: 1, numRows: 1, numColumns: Math.max(1, values.length) }).setValues([values]);
    return this;
  }
  clear(): FakeSheet {
    this.guard.assertMayWrite("clear");
    this.cells = [];
    this.formulas.clear();
    this.formats.clear();
    this.notes.clear();
    this.validations.clear();
    return this;
  }
  clearContents(): FakeSheet {
    this.guard.assertMayWrite("clearContents");
    this.cells = [];
    this.formulas.clear();
    return this;
  }
  activate(): FakeSheet {
    this.parent.setActiveSheet(this);
    return this;
  }
  setActiveRange(range: FakeRange): FakeRange {
    this.parent.setActiveRange(range);
    return range;
  }
  setActiveSelection(a1: string): FakeRange {
    return this.setActiveRange(this.getRange(a1));
  }
  getActiveRange(): FakeRange | null {
    const active = this.parent.getActiveRange();
    return active && active.getSheet() === this ? active : null;
  }
  newChart(): FakeChartBuilder {
    return new FakeChartBuilder(this);
  }
  insertChart(chart: FakeChart): void {
    this.guard.assertMayWrite("insertChart");
    this.charts.push(chart);
  }
  updateChart(chart: FakeChart): void {
    this.guard.assertMayWrite("updateChart");
    const i = this.charts.findIndex((c) => c.id === chart.id);
    if (i < 0) throw this.guard.realm.error("The chart is not on this sheet.");
    this.charts[i] = chart;
  }
  removeChart(chart: FakeChart): void {
    this.guard.assertMayWrite("removeChart");
    this.charts = this.charts.filter((c) => c.id !== chart.id);
  }
  getCharts(): FakeChart[] {
    return this.charts.slice();
  }
  setColumnWidth(): FakeSheet {
    return this;
  }
  setColumnWidths(): FakeSheet {
    return this;
  }
  autoResizeColumns(): FakeSheet {
    return this;
  }
  autoResizeColumn(): FakeSheet {
    return this;
  }
  hideColumns(): void {}
  showColumns(): void {}

  // Storage access used by ranges.
  read(row: number, column: number): CellValue {
    return this.cells[row]?.[column] ?? "";
  }
  write(row: number, column: number, value: CellValue, formula: string): void {
    let cells = this.cells[row];
    if (!cells) {
      for (let r = this.cells.length; r <= row; r++) this.cells[r] ??= [];
      cells = this.cells[row] as CellValue[];
    }
    for (let c = cells.length; c < column; c++) cells[c] = "";
    cells[column] = value;
    if (formula) this.formulas.set(key(row, column), formula);
    else this.formulas.delete(key(row, column));
  }
  /** Plain snapshot of the stored values, for tests and the preview. */
  snapshot(): { values: CellValue[][]; formulas: Map<string, string> } {
    const height = this.getLastRow();
    const width = this.getLastColumn();
    const values: CellValue[][] = [];
    for (let r = 0; r < height; r++) {
      const row: CellValue[] = [];
      for (let c = 0; c < width; c++) row.push(this.read(r, c));
      values.push(row);
    }
    return { values, formulas: this.formulas };
  }
}

export class FakeRange {
  constructor(
    private readonly sheet: FakeSheet,
    private readonly rect: GridRect,
  ) {}

  private get guard(): Guard {
    return this.sheet.parent.guard;
  }
  getSheet(): FakeSheet {
    return this.sheet;
  }
  getRow(): number {
    return this.rect.row;
  }
  getColumn(): number {
    return this.rect.column;
  }
  getNumRows(): number {
    return this.rect.numRows;
  }
  getNumColumns(): number {
    return this.rect.numColumns;
  }
  getLastRow(): number {
    return this.rect.row + this.rect.numRows - 1;
  }
  getLastColumn(): number {
    return this.rect.column + this.rect.numColumns - 1;
  }
  getA1Notation(): string {
    return a1Notation(this.rect);
  }
  getGridId(): number {
    return this.sheet.sheetId;
  }

  private map<T>(fn: (row: number, column: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.rect.numRows; r++) {
      const row: T[] = [];
      for (let c = 0; c < this.rect.numColumns; c++) row.push(fn(this.rect.row - 1 + r, this.rect.column - 1 + c));
      out.push(row);
    }
    return out;
  }

  private forEachCell(fn: (row: number, column: number) => void): void {
    for (let r = 0; r < this.rect.numRows; r++) {
      for (let c = 0; c < this.rect.numColumns; c++) fn(this.rect.row - 1 + r, this.rect.column - 1 + c);
    }
  }

  getValues(): CellValue[][] {
    return this.guard.realm.import(this.map((r, c) => this.sheet.read(r, c)));
  }
  getValue(): CellValue {
    return this.guard.realm.import(this.sheet.read(this.rect.row - 1, this.rect.column - 1));
  }
  getDisplayValues(): string[][] {
    const ss = this.sheet.parent;
    return this.guard.realm.import(
      this.map((r, c) => {
        const formula = this.sheet.formulas.get(`${r}:${c}`);
        const value = this.sheet.read(r, c);
        if (formula && value === "") return "";
        return displayText(
          value,
          this.sheet.formats.get(`${r}:${c}`),
          ss.getSpreadsheetLocale(),
          ss.getSpreadsheetTimeZone(),
        );
      }),
    );
  }
  getDisplayValue(): string {
    return (this.getDisplayValues()[0] as string[])[0] as string;
  }
  getFormulas(): string[][] {
    return this.guard.realm.import(this.map((r, c) => this.sheet.formulas.get(`${r}:${c}`) ?? ""));
  }
  getFormula(): string {
    return (this.getFormulas()[0] as string[])[0] as string;
  }
  getNumberFormats(): string[][] {
    return this.guard.realm.import(this.map((r, c) => this.sheet.formats.get(`${r}:${c}`) ?? "General"));
  }
  getNumberFormat(): string {
    return (this.getNumberFormats()[0] as string[])[0] as string;
  }

  setValues(values: unknown): FakeRange {
    this.guard.assertMayWrite("setValues");
    const realm = this.guard.realm;
    const data = realm.export(values);
    if (!Array.isArray(data))
      throw realm.error("The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.");
    if (data.length !== this.rect.numRows) {
      throw realm.error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this.rect.numRows}.`,
      );
    }
    for (const row of data) {
      if (!Array.isArray(row) || row.length !== this.rect.numColumns) {
        const got = Array.isArray(row) ? row.length : 0;
        throw realm.error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${got} but the range has ${this.rect.numColumns}.`,
        );
      }
    }
    const tz = this.sheet.parent.getSpreadsheetTimeZone();
    data.forEach((row: unknown[], r) => {
      row.forEach((raw, c) => {
        const at = `${this.rect.row}+${r}, ${this.rect.column}+${c}`;
        const value = checkWritable(raw, realm, at);
        const rr = this.rect.row - 1 + r;
        const cc = this.rect.column - 1 + c;
        const written = interpretWritten(value, this.sheet.formats.get(`${rr}:${cc}`), tz);
        this.sheet.write(rr, cc, hyperlinkLabel(written.formula) ?? written.value, written.formula);
      });
    });
    return this;
  }
  setValue(value: unknown): FakeRange {
    return this.setValues(this.map(() => value));
  }
  setFormulas(formulas: string[][]): FakeRange {
    this.guard.assertMayWrite("setFormulas");
    const data = this.guard.realm.export(formulas);
    this.forEachCell((r, c) => {
      const f = data[r - this.rect.row + 1]?.[c - this.rect.column + 1] ?? "";
      this.sheet.write(r, c, f ? (hyperlinkLabel(f) ?? "") : "", f);
    });
    return this;
  }
  setFormula(formula: string): FakeRange {
    return this.setFormulas(this.map(() => formula));
  }
  setNumberFormat(format: string): FakeRange {
    this.guard.assertMayWrite("setNumberFormat");
    this.forEachCell((r, c) => this.sheet.formats.set(`${r}:${c}`, format));
    return this;
  }
  setNumberFormats(formats: string[][]): FakeRange {
    this.guard.assertMayWrite("setNumberFormats");
    const data = this.guard.realm.export(formats);
    this.forEachCell((r, c) =>
      this.sheet.formats.set(`${r}:${c}`, data[r - this.rect.row + 1]?.[c - this.rect.column + 1] ?? "General"),
    );
    return this;
  }
  clear(): FakeRange {
    this.guard.assertMayWrite("clear");
    this.forEachCell((r, c) => {
      this.sheet.write(r, c, "", "");
      this.sheet.formats.delete(`${r}:${c}`);
    });
    return this;
  }
  clearContent(): FakeRange {
    this.guard.assertMayWrite("clearContent");
    this.forEachCell((r, c) => this.sheet.write(r, c, "", ""));
    return this;
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): FakeRange {
    return this.sheet.getRange(
      this.rect.row + rowOffset,
      this.rect.column + columnOffset,
      numRows ?? this.rect.numRows,
      numColumns ?? this.rect.numColumns,
    );
  }
  activate(): FakeRange {
    this.sheet.parent.setActiveRange(this);
    return this;
  }
  // Formatting calls the add-on may make; the fake accepts them (checking permission) and ignores them.
  setFontWeight(): FakeRange {
    return this.styled("setFontWeight");
  }
  setFontWeights(): FakeRange {
    return this.styled("setFontWeights");
  }
  setFontColor(): FakeRange {
    return this.styled("setFontColor");
  }
  setBackground(): FakeRange {
    return this.styled("setBackground");
  }
  setHorizontalAlignment(): FakeRange {
    return this.styled("setHorizontalAlignment");
  }
  setWrap(): FakeRange {
    return this.styled("setWrap");
  }
  setFontSize(): FakeRange {
    return this.styled("setFontSize");
  }
  /** Sets every cell's note; "" (or null) removes it, as in Sheets. */
  setNote(note: string | null): FakeRange {
    this.guard.assertMayWrite("setNote");
    const text = note === null || note === undefined ? "" : String(note);
    this.forEachCell((r, c) => {
      if (text) this.sheet.notes.set(`${r}:${c}`, text);
      else this.sheet.notes.delete(`${r}:${c}`);
    });
    return this;
  }
  setNotes(notes: unknown): FakeRange {
    this.guard.assertMayWrite("setNotes");
    const data = this.guard.realm.export(notes) as (string | null)[][];
    this.forEachCell((r, c) => {
      const text = data[r - this.rect.row + 1]?.[c - this.rect.column + 1] ?? "";
      if (text) this.sheet.notes.set(`${r}:${c}`, String(text));
      else this.sheet.notes.delete(`${r}:${c}`);
    });
    return this;
  }
  getNotes(): string[][] {
    return this.guard.realm.import(this.map((r, c) => this.sheet.notes.get(`${r}:${c}`) ?? ""));
  }
  getNote(): string {
    return (this.getNotes()[0] as string[])[0] as string;
  }
  /** The rule of the top-left cell, or null (as Range.getDataValidation documents). */
  getDataValidation(): FakeDataValidation | null {
    return this.sheet.validations.get(`${this.rect.row - 1}:${this.rect.column - 1}`) ?? null;
  }
  setDataValidation(rule: FakeDataValidation | null): FakeRange {
    this.guard.assertMayWrite("setDataValidation");
    if (rule !== null && !(rule instanceof FakeDataValidation)) {
      throw this.guard.realm.error(
        "The parameters don't match the method signature for SpreadsheetApp.Range.setDataValidation.",
      );
    }
    this.forEachCell((r, c) => {
      if (rule) this.sheet.validations.set(`${r}:${c}`, rule);
      else this.sheet.validations.delete(`${r}:${c}`);
    });
    return this;
  }
  clearDataValidations(): FakeRange {
    return this.setDataValidation(null);
  }
  setBorder(): FakeRange {
    return this.styled("setBorder");
  }
  private styled(method: string): FakeRange {
    this.guard.assertMayWrite(method);
    return this;
  }
}

/** Label of a `=HYPERLINK("url", "label")` formula, which the fake evaluates for the preview. */
function hyperlinkLabel(formula: string): string | null {
  const m = /^=HYPERLINK\(\s*"((?:[^"]|"")*)"\s*(?:[,;]\s*"((?:[^"]|"")*)"\s*)?\)$/i.exec(formula);
  if (!m) return null;
  return (m[2] ?? m[1] ?? "").replace(/""/g, '"');
}

/** Sheets accepts strings, finite numbers, booleans, Dates and null; the harness rejects the rest loudly. */
function checkWritable(raw: unknown, realm: Realm, at: string): CellValue {
  if (raw === null) return "";
  if (typeof raw === "string" || typeof raw === "boolean") return raw;
  if (typeof raw === "number") {
    if (!Number.isFinite(raw))
      throw realm.error(`Harness: ${raw} written at ${at}; a cell must never receive NaN or Infinity.`);
    return raw;
  }
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) throw realm.error(`Harness: an invalid Date written at ${at}.`);
    return raw;
  }
  throw realm.error(
    `Harness: cannot write ${raw === undefined ? "undefined" : typeof raw} at ${at}; Sheets cells hold strings, numbers, booleans and Dates.`,
  );
}

export interface SpreadsheetInit {
  name?: string;
  id?: string;
  locale?: string;
  timeZone?: string;
  sheets?: SheetInit[];
}

export class FakeSpreadsheet {
  private readonly sheets: FakeSheet[] = [];
  private active: FakeSheet;
  private activeRange: FakeRange | null = null;
  private locale: string;
  private timeZone: string;
  private nextSheetId = 0;
  readonly toasts: string[] = [];
  readonly id: string;
  private name: string;

  constructor(
    readonly guard: Guard,
    init: SpreadsheetInit = {},
  ) {
    this.name = init.name ?? "Untitled spreadsheet";
    this.id = init.id ?? "harness-spreadsheet";
    this.locale = init.locale ?? "en_US";
    this.timeZone = init.timeZone ?? "Etc/UTC";
    const sheets = init.sheets?.length ? init.sheets : [{ name: "Sheet1" }];
    for (const s of sheets) this.sheets.push(new FakeSheet(this, s, this.nextSheetId++));
    this.active = this.sheets[0] as FakeSheet;
  }

  getId(): string {
    return this.id;
  }
  getName(): string {
    return this.name;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getSpreadsheetLocale(): string {
    return this.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.locale = locale;
  }
  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }
  setSpreadsheetTimeZone(timeZone: string): void {
    this.timeZone = timeZone;
  }
  getSheets(): FakeSheet[] {
    return this.sheets.slice();
  }
  getNumSheets(): number {
    return this.sheets.length;
  }
  getSheetByName(name: string): FakeSheet | null {
    return this.sheets.find((s) => s.getName() === name) ?? null;
  }
  getSheetById(id: number): FakeSheet | null {
    return this.sheets.find((s) => s.sheetId === id) ?? null;
  }
  insertSheet(name?: string, index?: number): FakeSheet {
    this.guard.assertMayWrite("insertSheet");
    const sheetName = name ?? `Sheet${this.sheets.length + 1}`;
    if (this.getSheetByName(sheetName)) {
      throw this.guard.realm.error(`A sheet with the name "${sheetName}" already exists. Please enter another name.`);
    }
    const sheet = new FakeSheet(this, { name: sheetName }, this.nextSheetId++);
    this.sheets.splice(index ?? this.sheets.length, 0, sheet);
    this.active = sheet;
    this.activeRange = null;
    return sheet;
  }
  deleteSheet(sheet: FakeSheet): void {
    this.guard.assertMayWrite("deleteSheet");
    if (this.sheets.length === 1) throw this.guard.realm.error("You can't remove all the sheets in a document.");
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    if (this.active === sheet) this.active = this.sheets[0] as FakeSheet;
  }
  getActiveSheet(): FakeSheet {
    return this.active;
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.active = sheet;
    if (this.activeRange?.getSheet() !== sheet) this.activeRange = null;
    return sheet;
  }
  /** Sheets always has an active cell: without a selection it is A1 of the active sheet. */
  getActiveRange(): FakeRange {
    return this.activeRange ?? this.active.getRange(1, 1);
  }
  setActiveRange(range: FakeRange): FakeRange {
    this.active = range.getSheet();
    this.activeRange = range;
    return range;
  }
  getSelection() {
    return {
      getActiveRange: () => this.getActiveRange(),
      getActiveSheet: () => this.active,
      getCurrentCell: () => this.getActiveRange().offset(0, 0, 1, 1),
    };
  }
  getCurrentCell(): FakeRange {
    return this.getSelection().getCurrentCell();
  }
  getRange(a1: string): FakeRange {
    const { sheet } = splitSheetName(a1);
    const target = sheet === null ? this.active : this.getSheetByName(sheet);
    if (!target) throw this.guard.realm.error("Range not found");
    return target.getRange(a1);
  }
  toast(message: string): void {
    this.toasts.push(String(message));
  }
}
