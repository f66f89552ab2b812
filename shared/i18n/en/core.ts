/** Cell positions and input errors shared by every formula. */
export const coreEn = {
  "cell.row": "row {row}",
  "cell.rowColumn": "row {row}, column {column}",
  "cell.a1": "cell {cell}",
  "input.empty": "{arg} is empty: select a range with at least one value",
  "input.errorCell": "{arg}, {cell}: the cell holds the error {value}; fix or clear that cell",
  "input.notScore": '{arg}, {cell}: "{value}" is not a score from {min} to {max}',
  "input.scoreOutOfScale": "{arg}, {cell}: {value} is outside the scale {min} to {max}",
  "input.scoreNotInteger": "{arg}, {cell}: {value} is not a whole number; NPS scores are whole numbers from 0 to 10",
} as const;
