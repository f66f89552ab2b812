import type { SkippedRowsView } from "../../src/sidebar/shapes";
import { tr } from "./i18n";

/**
 * Rows a sidebar left out: a warning that says how many and why, and a fold listing the first
 * few with their cells named, so a person can find and fix them.
 */
export function skippedRowsElement(view: SkippedRowsView): HTMLElement {
  const box = document.createElement("div");
  box.className = "warning skipped";
  box.dataset.testid = "skipped";
  const summary = document.createElement("p");
  summary.textContent = view.summary;
  const details = document.createElement("details");
  const which = document.createElement("summary");
  which.textContent = tr("rows.which");
  const list = document.createElement("ul");
  for (const text of view.examples) {
    const li = document.createElement("li");
    li.textContent = text;
    list.append(li);
  }
  if (view.more > 0) {
    const li = document.createElement("li");
    li.className = "muted";
    li.textContent = tr("rows.more", { n: view.more });
    list.append(li);
  }
  details.append(which, list);
  box.append(summary, details);
  return box;
}
