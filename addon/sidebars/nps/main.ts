import type { NpsResultView, NpsSidebarState } from "../../src/features/nps/shapes";
import { formatNumber, formatPercent, tr, translatePage } from "../common/i18n";
import { call } from "../common/rpc";
import { Status } from "../common/status";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const calculate = $<HTMLButtonElement>("calculate");
const columnSelect = $<HTMLSelectElement>("column");
const status = new Status($("status"), $("error"));
const sources = [...document.querySelectorAll<HTMLInputElement>('input[name="source"]')];

function source(): "selection" | "column" {
  return sources.find((s) => s.checked)?.value === "column" ? "column" : "selection";
}

function showState(state: NpsSidebarState): void {
  $("selection-label").textContent = state.selection
    ? `${tr("ui.nps.source.selection")}: ${state.selection}`
    : tr("ui.nps.source.selectionNone");
  columnSelect.replaceChildren(
    ...state.columns.map((c) => {
      const option = document.createElement("option");
      option.value = String(c.column);
      option.textContent = c.header ? `${c.letter} · ${c.header}` : c.letter;
      return option;
    }),
  );
  if (state.suggestedColumn !== null) columnSelect.value = String(state.suggestedColumn);
  columnSelect.disabled = source() !== "column";
}

function bar(label: string, count: number, n: number, fill: string): HTMLLIElement {
  const li = document.createElement("li");
  const name = document.createElement("span");
  name.textContent = label;
  const value = document.createElement("span");
  value.className = "muted";
  value.textContent = tr("ui.nps.share", { count, share: formatPercent(count / n) });
  const track = document.createElement("div");
  track.className = "bar";
  track.setAttribute("aria-hidden", "true");
  const inner = document.createElement("span");
  inner.className = fill;
  inner.style.width = `${(100 * count) / n}%`;
  track.append(inner);
  li.append(name, value, track);
  return li;
}

function showResult(result: NpsResultView): void {
  const sign = result.nps > 0 ? "+" : "";
  $("nps-value").textContent = `${sign}${formatNumber(result.nps)}`;
  $("nps-n").textContent = tr("ui.nps.answers", { n: result.n });
  $("nps-range").textContent = tr("ui.nps.range", { range: result.range });
  $("breakdown").replaceChildren(
    bar(tr("ui.nps.promoters"), result.promoters, result.n, "fill-good"),
    bar(tr("ui.nps.passives"), result.passives, result.n, "fill-mid"),
    bar(tr("ui.nps.detractors"), result.detractors, result.n, "fill-bad"),
  );
  $("small-sample").hidden = !result.smallSample;
  $("header-skipped").hidden = result.headerSkipped === null;
  $("header-skipped").textContent = result.headerSkipped
    ? tr("ui.nps.headerSkipped", { cell: result.headerSkipped })
    : "";
  $("result").hidden = false;
}

async function refreshState(): Promise<void> {
  const state = await status.run(tr("ui.nps.working"), [], () => call("npsSidebarState"));
  if (state) showState(state);
}

for (const radio of sources) {
  radio.addEventListener("change", () => {
    columnSelect.disabled = source() !== "column";
    if (source() === "selection") void refreshState();
  });
}

calculate.addEventListener("click", async () => {
  $("result").hidden = true;
  const result = await status.run(tr("ui.nps.working"), [calculate], async () => {
    if (source() === "column") return call("npsOfColumn", Number(columnSelect.value));
    const state = await call("npsSidebarState");
    showState(state);
    return call("npsOfSelection");
  });
  if (result) showResult(result);
});

translatePage();
void refreshState();
