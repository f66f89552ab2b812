/**
 * The preview page: a workbook grid with selection, the Rapport menu, and the add-on's sidebar
 * in a 300 px iframe. All workbook state lives on the preview server (in the Apps Script harness).
 */
import { columnLetter } from "../../../shared/cells/a1";
import { parseA1 } from "../../harness/a1";
import { type ChartView, renderChart } from "./chart";

interface MenuItem {
  caption: string;
  functionName: string | null;
}
interface State {
  locale: "en" | "ru";
  spreadsheet: string;
  sheets: string[];
  activeSheet: string;
  selection: string | null;
  /** The selection's first cell as the formula bar shows it (its formula, or its value). */
  input: string;
  menus: { title: string; items: MenuItem[] }[];
  sidebar: { version: number; title: string } | null;
  toasts: string[];
  alerts: string[];
  /** Emails in the preview's Outbox. */
  outbox: number;
  error?: string;
}
interface SheetView {
  name: string;
  values: string[][];
  /** HYPERLINK cells, "row:column" (0-based) → URL: they open when clicked, as in Sheets. */
  links: Record<string, string>;
  /** Formula errors, "row:column" → the message Sheets shows on hover. */
  errors: Record<string, string>;
  lastRow: number;
  lastColumn: number;
  truncated: boolean;
  charts: (ChartView & { position: { anchorRow: number; anchorColumn: number; offsetX: number; offsetY: number } })[];
}

const TEXT = {
  en: {
    title: "Rapport preview",
    language: "Language",
    reset: "Reset demo",
    resetQuestion:
      "Reset the demo? Everything in this workbook goes back to the demo data: your edits, the sheets and columns Rapport wrote, the settings and enrollment, the Outbox and the schedules. Surveys stay on the local Worker.",
    cancel: "Cancel",
    selection: "Selection",
    hint: "Drag, shift-click or use the arrow keys to select; type a range and press Enter. Type into a cell, or press Enter to edit it.",
    formula: "Cell content",
    badRange:
      "“{text}” is not a range. Type a cell (B2), a range (E2:E304), a column (E:E) or rows (2:5), with a sheet name before “!” if you like.",
    noSheet: "There is no sheet named “{sheet}”.",
    note: "Demo data: a CDNOW extract. Nothing leaves this machine.",
    truncated: "Showing the first {n} rows.",
    closeSidebar: "Close sidebar",
    menu: "Extensions ▸ Rapport",
    outbox: "Outbox",
  },
  ru: {
    title: "Предпросмотр Rapport",
    language: "Язык",
    reset: "Сбросить демо",
    resetQuestion:
      "Сбросить демо? Всё в этой таблице вернётся к демо-данным: ваши правки, листы и столбцы, которые записал Rapport, настройки и подключение, исходящие и расписания. Опросы останутся на локальном Worker.",
    cancel: "Отмена",
    selection: "Выделение",
    hint: "Выделяйте мышью, Shift+щелчком или стрелками; введите диапазон и нажмите Enter. Печатайте в ячейку или нажмите Enter, чтобы её изменить.",
    formula: "Содержимое ячейки",
    badRange:
      "«{text}» — не диапазон. Введите ячейку (B2), диапазон (E2:E304), столбец (E:E) или строки (2:5), при желании с названием листа перед «!».",
    noSheet: "Листа «{sheet}» нет.",
    note: "Демо-данные: выборка CDNOW. Ничего не покидает этот компьютер.",
    truncated: "Показаны первые {n} строк.",
    closeSidebar: "Закрыть панель",
    menu: "Расширения ▸ Rapport",
    outbox: "Исходящие",
  },
} as const;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const grid = $<HTMLTableElement>("grid");
const menu = $<HTMLDivElement>("menu");
const menuButton = $<HTMLButtonElement>("menu-button");
const frame = $<HTMLIFrameElement>("sidebar-frame");
const namebox = $<HTMLInputElement>("namebox");
const formulaBar = $<HTMLInputElement>("formula-bar");
const rangeError = $<HTMLParagraphElement>("range-error");
// The grid takes keyboard focus so arrow keys move the selection, as in Sheets.
grid.tabIndex = 0;

let state: State | null = null;
let view: SheetView | null = null;
let shownSidebarVersion = -1;
/** Selection as 0-based anchor and focus cells. */
let anchor = { r: 0, c: 0 };
let focus = { r: 0, c: 0 };
/** A whole column or row was selected by its letter or number (E:E, 3:3), as Sheets selects it. */
let whole: "columns" | "rows" | null = null;
let dragging = false;
/** The cell the formula bar is editing, fixed when editing starts. */
let editing: { sheet: string; a1: string } | null = null;

async function api<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(
    path,
    body === undefined
      ? {}
      : { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) },
  );
  return (await response.json()) as T;
}

function text(key: keyof (typeof TEXT)["en"]): string {
  return TEXT[state?.locale ?? "en"][key];
}

function renderChrome(): void {
  if (!state) return;
  document.documentElement.lang = state.locale;
  $("title").textContent = `${text("title")} · ${state.spreadsheet}`;
  $("lang-label").textContent = text("language");
  $("reset").textContent = text("reset");
  $("reset-question").textContent = text("resetQuestion");
  $("reset-cancel").textContent = text("cancel");
  $("reset-confirm").textContent = text("reset");
  menuButton.textContent = text("menu");
  $("outbox-link").textContent = `${text("outbox")} (${state.outbox})`;
  $("namebox-label").textContent = text("selection");
  $("namebox-hint").textContent = text("hint");
  $("formula-label").textContent = "fx";
  formulaBar.setAttribute("aria-label", text("formula"));
  if (!editing) formulaBar.value = state.input;
  $("sidebar-close").setAttribute("aria-label", text("closeSidebar"));
  for (const id of ["lang-en", "lang-ru"]) {
    const b = $<HTMLButtonElement>(id);
    b.setAttribute("aria-pressed", String(b.dataset.locale === state.locale));
  }
  const items = state.menus.flatMap((m) => m.items);
  menu.replaceChildren(
    ...items.map((item) => {
      if (!item.functionName) {
        const separator = document.createElement("div");
        separator.className = "sep";
        separator.setAttribute("role", "separator");
        return separator;
      }
      const b = document.createElement("button");
      b.type = "button";
      b.setAttribute("role", "menuitem");
      b.textContent = item.caption;
      b.addEventListener("click", () => void clickMenu(item.caption));
      return b;
    }),
  );
  $("tabs").replaceChildren(
    ...state.sheets.map((name) => {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "tab";
      b.setAttribute("role", "tab");
      b.setAttribute("aria-selected", String(name === state?.activeSheet));
      b.textContent = name;
      b.addEventListener("click", () => void selectSheet(name));
      return b;
    }),
  );
  namebox.value = state.selection ? `${state.activeSheet}!${state.selection}` : state.activeSheet;
  const toast = state.toasts.at(-1) ?? state.error ?? state.alerts.at(-1);
  const toastEl = $("toast");
  toastEl.hidden = !toast;
  toastEl.textContent = toast ?? "";
  if (state.sidebar && state.sidebar.version !== shownSidebarVersion) {
    shownSidebarVersion = state.sidebar.version;
    $("sidebar-title").textContent = state.sidebar.title;
    frame.src = `/sidebar?v=${state.sidebar.version}`;
    $("sidebar").hidden = false;
  }
}

function isNumeric(value: string): boolean {
  return /^[-+]?[\d\s.,]+%?$/.test(value) && /\d/.test(value);
}

/**
 * Rows and columns drawn: the sheet's content and a few empty ones beyond it to type into. Fewer
 * than Sheets' 26 columns: every cell is a DOM element, redrawn after each change.
 */
function gridHeight(): number {
  return Math.max((view?.values.length ?? 0) + 10, 30);
}
function gridWidth(): number {
  return Math.max((view?.lastColumn ?? 0) + 3, 10);
}

function renderGrid(): void {
  if (!view) return;
  // Enough columns and rows for the cells charts are anchored to, as Sheets always has them.
  const anchors = view.charts.map((c) => c.position);
  const width = Math.max(gridWidth(), ...anchors.map((p) => p.anchorColumn));
  const height = Math.max(gridHeight(), ...anchors.map((p) => p.anchorRow));
  const head = document.createElement("thead");
  const headRow = document.createElement("tr");
  // The corner above the row numbers heads nothing: a plain cell, not an empty header.
  const corner = document.createElement("td");
  corner.className = "corner";
  headRow.append(corner);
  for (let c = 0; c < width; c++) {
    const th = document.createElement("th");
    th.textContent = columnLetter(c + 1);
    th.dataset.c = String(c);
    headRow.append(th);
  }
  head.append(headRow);
  const body = document.createElement("tbody");
  for (let r = 0; r < height; r++) {
    const tr = document.createElement("tr");
    const th = document.createElement("th");
    th.textContent = String(r + 1);
    th.dataset.r = String(r);
    tr.append(th);
    for (let c = 0; c < width; c++) {
      const td = document.createElement("td");
      const value = view.values[r]?.[c] ?? "";
      const url = view.links[`${r}:${c}`];
      const error = view.errors[`${r}:${c}`];
      if (error) {
        td.title = error;
        td.classList.add("err");
      }
      if (url) {
        const a = document.createElement("a");
        a.href = url;
        a.target = "_blank";
        a.rel = "noopener";
        a.textContent = value;
        td.append(a);
      } else {
        td.textContent = value;
      }
      td.dataset.r = String(r);
      td.dataset.c = String(c);
      if (isNumeric(value)) td.classList.add("num");
      tr.append(td);
    }
    body.append(tr);
  }
  grid.replaceChildren(head, body);
  renderCharts();
  $("note").textContent = view.truncated
    ? TEXT[state?.locale ?? "en"].truncated.replace("{n}", String(view.values.length))
    : text("note");
  paintSelection();
}

/** Native charts the add-on inserted, drawn over the grid at their anchor cell. */
function renderCharts(): void {
  const wrap = $("grid-wrap");
  for (const old of wrap.querySelectorAll(".chart")) old.remove();
  for (const chart of view?.charts ?? []) {
    const anchor = grid.querySelector<HTMLElement>(
      `td[data-r="${chart.position.anchorRow - 1}"][data-c="${chart.position.anchorColumn - 1}"]`,
    );
    const box = document.createElement("figure");
    box.className = "chart";
    box.dataset.testid = "chart";
    box.style.left = `${(anchor?.offsetLeft ?? 0) + chart.position.offsetX}px`;
    box.style.top = `${(anchor?.offsetTop ?? 0) + chart.position.offsetY}px`;
    box.append(renderChart(chart));
    wrap.append(box);
  }
  // Room to scroll to a chart's right edge when it sticks out past the last column.
  let right = 0;
  for (const box of wrap.querySelectorAll<HTMLElement>(".chart"))
    right = Math.max(right, box.offsetLeft + box.offsetWidth);
  grid.style.marginRight = `${Math.max(0, right + 16 - grid.offsetWidth)}px`;
}

function selectionRect() {
  return {
    r1: Math.min(anchor.r, focus.r),
    r2: Math.max(anchor.r, focus.r),
    c1: Math.min(anchor.c, focus.c),
    c2: Math.max(anchor.c, focus.c),
  };
}

function paintSelection(): void {
  const { r1, r2, c1, c2 } = selectionRect();
  for (const td of grid.querySelectorAll<HTMLTableCellElement>("td")) {
    const r = Number(td.dataset.r);
    const c = Number(td.dataset.c);
    td.classList.toggle("sel", r >= r1 && r <= r2 && c >= c1 && c <= c2);
    td.classList.toggle("cur", r === focus.r && c === focus.c);
  }
}

function a1(): string {
  const { r1, r2, c1, c2 } = selectionRect();
  if (whole === "columns") return `${columnLetter(c1 + 1)}:${columnLetter(c2 + 1)}`;
  if (whole === "rows") return `${r1 + 1}:${r2 + 1}`;
  const start = `${columnLetter(c1 + 1)}${r1 + 1}`;
  return r1 === r2 && c1 === c2 ? start : `${start}:${columnLetter(c2 + 1)}${r2 + 1}`;
}

async function commitSelection(): Promise<void> {
  if (!state) return;
  state = await api<State>("/api/select", { sheet: state.activeSheet, a1: a1() });
  renderChrome();
}

async function refresh(): Promise<void> {
  state = await api<State>("/api/state");
  view = await api<SheetView>(`/api/sheet?name=${encodeURIComponent(state.activeSheet)}`);
  renderChrome();
  renderGrid();
}

async function selectSheet(name: string): Promise<void> {
  state = await api<State>("/api/select", { sheet: name });
  anchor = { r: 0, c: 0 };
  focus = { r: 0, c: 0 };
  await refresh();
}

async function clickMenu(caption: string): Promise<void> {
  menu.hidden = true;
  menuButton.setAttribute("aria-expanded", "false");
  state = await api<State>("/api/menu", { caption });
  await refresh();
}

function cellAt(target: EventTarget | null): { r: number; c: number } | null {
  const el = (target as HTMLElement | null)?.closest?.("td, th") as HTMLElement | null;
  if (!el) return null;
  return { r: Number(el.dataset.r ?? -1), c: Number(el.dataset.c ?? -1) };
}

grid.addEventListener("mousedown", (event) => {
  const cell = cellAt(event.target);
  if (!cell || !view) return;
  const lastRow = gridHeight() - 1;
  const lastColumn = gridWidth() - 1;
  if (cell.r === -1 && cell.c >= 0) {
    // A column's letter selects the whole column (E:E), shift-click a run of columns, as in Sheets.
    if (!(event.shiftKey && whole === "columns")) anchor = { r: 0, c: cell.c };
    focus = { r: lastRow, c: cell.c };
    whole = "columns";
  } else if (cell.c === -1 && cell.r >= 0) {
    if (!(event.shiftKey && whole === "rows")) anchor = { r: cell.r, c: 0 };
    focus = { r: cell.r, c: lastColumn };
    whole = "rows";
  } else if (cell.r >= 0 && cell.c >= 0) {
    if (!event.shiftKey) anchor = cell;
    focus = cell;
    whole = null;
    dragging = true;
  }
  paintSelection();
  event.preventDefault();
  grid.focus();
  if (!dragging) void commitSelection();
});
grid.addEventListener("mouseover", (event) => {
  if (!dragging) return;
  const cell = cellAt(event.target);
  if (!cell || cell.r < 0 || cell.c < 0) return;
  focus = cell;
  paintSelection();
});
window.addEventListener("mouseup", () => {
  if (!dragging) return;
  dragging = false;
  void commitSelection();
});

grid.addEventListener("keydown", (event) => {
  const moves: Record<string, [number, number]> = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
  };
  const move = moves[event.key];
  if (!view) return;
  if (!move) {
    editKey(event);
    return;
  }
  event.preventDefault();
  whole = null;
  const next = { r: Math.max(0, focus.r + move[0]), c: Math.max(0, focus.c + move[1]) };
  focus = next;
  if (!event.shiftKey) anchor = next;
  paintSelection();
  grid
    .querySelector(`td[data-r="${focus.r}"][data-c="${focus.c}"]`)
    ?.scrollIntoView({ block: "nearest", inline: "nearest" });
  void commitSelection();
});

/** Shows why the text typed in the selection box is not a range (or hides the message). */
function showRangeError(message: string | null): void {
  rangeError.hidden = message === null;
  rangeError.textContent = message ?? "";
  namebox.setAttribute("aria-invalid", String(message !== null));
}

namebox.addEventListener("keydown", (event) => {
  if (event.key !== "Enter" || !state) return;
  const typed = namebox.value.trim();
  const parsed = /^(?:('(?:[^']|'')+'|[^!]+)!)?(.+)$/.exec(typed);
  const sheet = parsed?.[1]?.replace(/^'|'$/g, "").replace(/''/g, "'") ?? state.activeSheet;
  const cells = (parsed?.[2] ?? "").replace(/\$/g, "").toUpperCase();
  // The grid's extent: a whole column is painted down to the last row shown.
  const rect = /^[A-Z]{1,3}\d*(?::[A-Z]{1,3}\d*)?$|^\d+:\d+$/.test(cells)
    ? parseA1(cells, gridHeight(), gridWidth())
    : null;
  if (!rect) {
    showRangeError(text("badRange").replace("{text}", typed));
    return;
  }
  anchor = { r: rect.row - 1, c: rect.column - 1 };
  focus = { r: rect.row + rect.numRows - 2, c: rect.column + rect.numColumns - 2 };
  whole = /^[A-Z]+:[A-Z]+$/.test(cells) ? "columns" : /^\d+:\d+$/.test(cells) ? "rows" : null;
  if (!state.sheets.includes(sheet)) {
    showRangeError(text("noSheet").replace("{sheet}", sheet));
    return;
  }
  showRangeError(null);
  void api<State>("/api/select", { sheet, a1: a1() }).then(refresh);
});
namebox.addEventListener("input", () => showRangeError(null));

/** The cell the selection starts at, in A1 notation: the one the formula bar edits. */
function currentCell(): string {
  return `${columnLetter(focus.c + 1)}${focus.r + 1}`;
}

function startEditing(initial: string | null): void {
  if (!state) return;
  editing = { sheet: state.activeSheet, a1: currentCell() };
  if (initial !== null) formulaBar.value = initial;
  formulaBar.focus();
  const end = formulaBar.value.length;
  formulaBar.setSelectionRange(end, end);
}

/** A key on the grid that is not an arrow: typing starts editing, Enter and F2 edit, Delete clears. */
function editKey(event: KeyboardEvent): void {
  if (!state || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === "Enter" || event.key === "F2") {
    event.preventDefault();
    anchor = focus;
    whole = null;
    paintSelection();
    startEditing(null);
  } else if (event.key === "Delete" || event.key === "Backspace") {
    event.preventDefault();
    void api<State>("/api/cell", { sheet: state.activeSheet, a1: a1(), input: "" }).then(refresh);
  } else if (event.key.length === 1) {
    event.preventDefault();
    anchor = focus;
    whole = null;
    paintSelection();
    startEditing(event.key);
  }
}

grid.addEventListener("dblclick", (event) => {
  const cell = cellAt(event.target);
  if (!cell || cell.r < 0 || cell.c < 0) return;
  anchor = cell;
  focus = cell;
  whole = null;
  paintSelection();
  startEditing(null);
});
formulaBar.addEventListener("focus", () => {
  if (!editing && state) editing = { sheet: state.activeSheet, a1: currentCell() };
});
formulaBar.addEventListener("keydown", async (event) => {
  if (!editing || !state) return;
  if (event.key === "Escape") {
    event.preventDefault();
    editing = null;
    formulaBar.value = state.input;
    grid.focus();
    return;
  }
  if (event.key !== "Enter" && event.key !== "Tab") return;
  event.preventDefault();
  const target = editing;
  editing = null;
  state = await api<State>("/api/cell", { ...target, input: formulaBar.value });
  // Enter moves down a row and Tab right, as in Sheets.
  focus = event.key === "Enter" ? { r: focus.r + 1, c: focus.c } : { r: focus.r, c: focus.c + 1 };
  anchor = focus;
  await commitSelection();
  await refresh();
  grid.focus();
});
formulaBar.addEventListener("blur", () => {
  // Leaving the bar without Enter keeps the cell as it was.
  if (editing && state) {
    editing = null;
    formulaBar.value = state.input;
  }
});

menuButton.addEventListener("click", () => {
  menu.hidden = !menu.hidden;
  menuButton.setAttribute("aria-expanded", String(!menu.hidden));
  if (!menu.hidden) menu.querySelector<HTMLButtonElement>("button")?.focus();
});
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && !menu.hidden) {
    menu.hidden = true;
    menuButton.setAttribute("aria-expanded", "false");
    menuButton.focus();
  }
});
for (const id of ["lang-en", "lang-ru"]) {
  $(id).addEventListener("click", async () => {
    state = await api<State>("/api/locale", { locale: $(id).dataset.locale });
    await refresh();
  });
}
// Reset throws away everything typed and written: asked first, in a modal dialog (Escape cancels).
const resetDialog = $<HTMLDialogElement>("reset-dialog");
$("reset").addEventListener("click", () => {
  resetDialog.returnValue = "";
  resetDialog.showModal();
  $("reset-cancel").focus();
});
resetDialog.addEventListener("close", async () => {
  if (resetDialog.returnValue !== "reset") return;
  state = await api<State>("/api/reset", {});
  shownSidebarVersion = -1;
  $("sidebar").hidden = true;
  frame.removeAttribute("src");
  await refresh();
});
$("sidebar-close").addEventListener("click", () => {
  $("sidebar").hidden = true;
});
window.addEventListener("message", (event) => {
  const type = (event.data as { type?: string } | null)?.type;
  if (type === "rapport:changed") void refresh();
  if (type === "rapport:close") $("sidebar").hidden = true;
});

void refresh();
