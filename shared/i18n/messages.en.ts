/**
 * English texts. Keys are stable; `{name}` marks a parameter. Every key must also exist in
 * messages.ru.ts (the type checker enforces it).
 */
export const en = {
  // Positions inside a range, used in input errors.
  "cell.row": "row {row}",
  "cell.rowColumn": "row {row}, column {column}",
  "cell.a1": "cell {cell}",

  // Input errors shared by every formula.
  "input.empty": "{arg} is empty: select a range with at least one value",
  "input.errorCell": "{arg}, {cell}: the cell holds the error {value}; fix or clear that cell",
  "input.notScore": '{arg}, {cell}: "{value}" is not a score from {min} to {max}',
  "input.scoreOutOfScale": "{arg}, {cell}: {value} is outside the scale {min} to {max}",
  "input.scoreNotInteger": "{arg}, {cell}: {value} is not a whole number; NPS scores are whole numbers from 0 to 10",

  // Sidebar texts.
  "ui.menu.nps": "NPS of selection",
  "ui.menu.help": "Help",
  "ui.nps.title": "Net Promoter Score",
  "ui.nps.intro": "Select the cells with 0–10 scores in the sheet, then press Calculate.",
  "ui.nps.calculate": "Calculate",
  "ui.nps.source": "Scores from",
  "ui.nps.source.selection": "Selected cells",
  "ui.nps.source.selectionNone": "Selected cells (nothing selected yet)",
  "ui.nps.source.column": "A column of this sheet",
  "ui.nps.column": "Column",
  "ui.nps.share": "{count} · {share}",
  "ui.nps.working": "Calculating…",
  "ui.nps.range": "Range {range}",
  "ui.nps.answers": "{n} answers",
  "ui.nps.promoters": "Promoters (9–10)",
  "ui.nps.passives": "Passives (7–8)",
  "ui.nps.detractors": "Detractors (0–6)",
  "ui.nps.smallSample": "Fewer than 100 answers: this score can move a lot by chance.",
  "ui.nps.noSelection": "Select a range of scores in the sheet first.",
  "ui.error.generic": "Something went wrong: {message}",
  "ui.help.title": "Rapport help",
  "ui.help.body":
    "Type =NPS(B2:B500) in a cell to get the Net Promoter Score of a column of 0–10 scores. Blank cells are skipped.",
} as const;

export type MessageKey = keyof typeof en;
/** A text to be rendered later in the reader's language, such as a cell position inside a message. */
export interface NestedText {
  readonly key: MessageKey;
  readonly params?: MessageParams;
}
export type MessageParam = string | number | NestedText;
export type MessageParams = Readonly<Record<string, MessageParam>>;
