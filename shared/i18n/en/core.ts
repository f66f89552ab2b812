/** Cell positions and input errors shared by every formula. */
export const coreEn = {
  "cell.row": "row {row}",
  "cell.rowColumn": "row {row}, column {column}",
  "cell.a1": "cell {cell}",
  "arg.name": "{name}",
  "rows.skipped":
    "{n, plural, one {# row} other {# rows}} of {sheet} left out: a cell in {n, plural, one {that row} other {each of them}} cannot be read. The figures use the other rows.",
  "rows.which": "Which rows",
  "rows.more": "and {n} more",
  "arg.number": "argument {n}",
  "input.empty": "{arg} is empty: select a range with at least one value",
  "input.errorCell": "{arg}, {cell}: the cell holds the error {value}; fix or clear that cell",
  "input.notScore": '{arg}, {cell}: "{value}" is not a score from {min} to {max}',
  "input.scoreOutOfScale": "{arg}, {cell}: {value} is outside the scale {min} to {max}",
  "input.scoreNotInteger": "{arg}, {cell}: {value} is not a whole number; NPS scores are whole numbers from 0 to 10",
  "input.notNumber": '{arg}, {cell}: "{value}" is not a number',
  "input.ambiguousNumber":
    '{arg}, {cell}: "{value}" can be read two ways in this spreadsheet (a decimal point, or a point between thousands); write "{asDecimal}" or "{asWhole}"',
  "input.notDate": '{arg}, {cell}: "{value}" is not a date; use a date cell or text such as 2024-03-01 or 01.03.2024',
  "input.heightMismatch":
    "{arg} has {rows} rows but {other} has {otherRows}: select ranges of the same height, one transaction per row",
  "input.blankInRow":
    "{arg}, {cell} is blank while other columns of that row are filled; fill it or clear the whole row",
  "sheet.busy": "Another Rapport task is writing to this spreadsheet. Wait a moment and try again.",
  "input.notOneColumn": "{arg} must be a single column, but the range has {columns} columns",
} as const;
