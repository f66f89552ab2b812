import type { MessageKey } from "../../../shared/i18n/messages.en";
import type {
  SegmentationRun,
  SegmentMethodName,
  SegmentSheetView,
  SegmentsRequest,
  SegmentsState,
} from "../../src/features/segments/shapes";
import { formatCount, formatDay } from "../common/format";
import { formatPercent, tr, translatePage } from "../common/i18n";
import { call } from "../common/rpc";
import { skippedRowsElement } from "../common/skipped";
import { Status } from "../common/status";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const status = new Status($("status"), $("error"));
const runButton = $<HTMLButtonElement>("run");
const hereButton = $<HTMLButtonElement>("compute-here");
const txSelect = $<HTMLSelectElement>("transactions-sheet");
const clientSelect = $<HTMLSelectElement>("clients-sheet");
const methods = [...document.querySelectorAll<HTMLInputElement>('input[name="method"]')];
let state: SegmentsState | null = null;

function method(): SegmentMethodName {
  return (methods.find((m) => m.checked)?.value ?? "rfm") as SegmentMethodName;
}

function methodName(m: SegmentMethodName): string {
  return tr(`ui.segments.method.${m}` as MessageKey);
}

function fillSelect(select: HTMLSelectElement, sheets: string[], chosen: SegmentSheetView | null): void {
  const options = sheets.map((name) => {
    const option = document.createElement("option");
    option.value = name;
    option.textContent = name;
    return option;
  });
  if (!chosen) {
    const none = document.createElement("option");
    none.value = "";
    none.textContent = tr("ui.segments.choose");
    options.unshift(none);
  }
  select.replaceChildren(...options);
  select.value = chosen?.name ?? "";
}

function info(view: SegmentSheetView | null): string {
  return view ? tr("ui.segments.sheetRows", { rows: formatCount(view.rows), columns: view.columns || "—" }) : "";
}

/** The warning about large data, for the chosen method (ABC/XYZ is always computed here). */
function showLarge(): void {
  const large = state?.large === true && method() !== "abcXyz" && !state.problem;
  $("large").hidden = !large;
  if (!large || !state) return;
  const rows = formatCount(state.transactions?.rows ?? 0);
  const threshold = formatCount(state.threshold);
  $("large-text").textContent = state.enrolled
    ? tr("ui.segments.largeEnrolled", { rows, threshold })
    : tr("ui.segments.large", { rows, threshold });
  hereButton.hidden = state.enrolled;
}

function showState(next: SegmentsState): void {
  state = next;
  fillSelect(txSelect, next.sheets, next.transactions);
  fillSelect(clientSelect, next.sheets, next.clients);
  $("transactions-info").textContent = info(next.transactions);
  $("clients-info").textContent = info(next.clients);
  $("problem").textContent = next.problem ?? "";
  $("problem").hidden = next.problem === null;
  showLarge();
}

function choice(): { transactionsSheet?: string; clientsSheet?: string } {
  return {
    ...(txSelect.value ? { transactionsSheet: txSelect.value } : {}),
    ...(clientSelect.value ? { clientsSheet: clientSelect.value } : {}),
  };
}

const controls = () => [runButton, hereButton];

async function loadState(): Promise<void> {
  const next = await status.run(tr("ui.segments.reading"), controls(), () => call("segmentsState", choice()));
  if (next) showState(next);
}

function segmentItem(
  label: string,
  description: string | null,
  count: string,
  revenueShare: number | null,
  action: string,
): HTMLLIElement {
  const li = document.createElement("li");
  const head = document.createElement("div");
  head.className = "head";
  const name = document.createElement("span");
  name.className = "name";
  name.textContent = label;
  const n = document.createElement("span");
  n.className = "count";
  n.textContent = count;
  head.append(name, n);
  li.append(head);
  if (description) {
    const d = document.createElement("p");
    d.className = "description";
    d.textContent = description;
    li.append(d);
  }
  if (revenueShare !== null) {
    const bar = document.createElement("div");
    bar.className = "bar";
    bar.setAttribute("aria-hidden", "true");
    const fill = document.createElement("span");
    fill.style.width = `${Math.max(0, Math.min(1, revenueShare)) * 100}%`;
    bar.append(fill);
    const revenue = document.createElement("p");
    revenue.className = "revenue";
    revenue.textContent = tr("ui.segments.revenueShare", { share: formatPercent(revenueShare) });
    li.append(bar, revenue);
  }
  const act = document.createElement("p");
  act.className = "action";
  const strong = document.createElement("strong");
  strong.textContent = `${tr("ui.segments.actionLabel")} `;
  act.append(strong, action);
  li.append(act);
  return li;
}

function showRun(run: SegmentationRun): void {
  $("done").textContent = tr("ui.segments.done", {
    columns: run.columnRange,
    sheet: run.sheet,
    rows: formatCount(run.rows),
  });
  $("engine").textContent = tr("ui.segments.engineLine", {
    engine: tr(run.engine === "worker" ? "ui.segments.engineWorker" : "ui.segments.engineLocal"),
    customers: formatCount(run.customers),
    date: formatDay(run.asOf),
  });
  $("caveat").hidden = run.caveat === null;
  $("caveat").textContent = run.caveat ?? "";
  $("skipped-rows").replaceChildren(...(run.skipped ? [skippedRowsElement(run.skipped)] : []));
  const items = run.summary.map((s) =>
    segmentItem(
      s.label,
      s.description,
      tr("ui.segments.clientsShare", { count: formatCount(s.customers), share: formatPercent(s.share) }),
      s.revenueShare,
      s.action,
    ),
  );
  if (run.noPurchases.rows > 0) {
    const none = segmentItem(
      run.noPurchases.label,
      null,
      tr("ui.segments.clientRows", { count: formatCount(run.noPurchases.rows) }),
      null,
      run.noPurchases.action,
    );
    none.classList.add("none");
    items.push(none);
  }
  $("segments").replaceChildren(...items);
  const notes: string[] = [];
  if (run.notInList > 0) notes.push(tr("ui.segments.notInList", { count: formatCount(run.notInList) }));
  if (run.noPurchases.rows > 0) {
    notes.push(
      tr("ui.segments.noPurchasesRows", { count: formatCount(run.noPurchases.rows), label: run.noPurchases.label }),
    );
  }
  $("notes").textContent = notes.join(" ");
  $("notes").hidden = notes.length === 0;
  $("result").hidden = false;
  // The summary replaces the form in view: keyboard focus and scroll go to its heading.
  $("result-title").focus({ preventScroll: true });
  $("result").scrollIntoView({ block: "start" });
}

async function run(computeHere: boolean): Promise<void> {
  $("result").hidden = true;
  const m = method();
  const rows = formatCount(state?.transactions?.rows ?? 0);
  const onWorker = !computeHere && m !== "abcXyz" && state?.large === true && state.enrolled;
  const busy = onWorker
    ? tr("ui.segments.computingWorker", { rows, method: methodName(m) })
    : tr("ui.segments.computingLocal", { rows, method: methodName(m) });
  const request: SegmentsRequest = { method: m, ...choice(), ...(computeHere ? { computeHere: true } : {}) };
  const result = await status.run(busy, controls(), async () => {
    let current = await call("runSegmentation", request);
    // The rows left after the first block are written one block per execution.
    while (current.jobId && current.written < current.rows) {
      $("status").textContent = tr("ui.segments.writing", {
        from: formatCount(current.written + 1),
        to: formatCount(Math.min(current.rows, current.written + current.blockRows)),
        total: formatCount(current.rows),
      });
      const progress = await call("writeSegmentation", current.jobId, current.written);
      current = { ...current, written: progress.written, jobId: progress.done ? null : current.jobId };
    }
    return current;
  });
  if (result) showRun(result);
}

txSelect.addEventListener("change", () => void loadState());
clientSelect.addEventListener("change", () => void loadState());
for (const m of methods) m.addEventListener("change", showLarge);
runButton.addEventListener("click", () => void run(false));
hereButton.addEventListener("click", () => void run(true));

translatePage();
void loadState();
