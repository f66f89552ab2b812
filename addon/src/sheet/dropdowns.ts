import type { Cell } from "../../../shared/cells/values";

/**
 * The values of a cell's dropdown (its data validation rule), in the order a person listed them:
 * a list of values, or the cells of a range (VALUE_IN_RANGE); null when the cell has no such rule.
 * getCriteriaValues() is [values or range, showDropdown]
 * (https://developers.google.com/apps-script/reference/spreadsheet/data-validation#getCriteriaValues()).
 */
export function dropdownValues(cell: GoogleAppsScript.Spreadsheet.Range): string[] | null {
  const rule = cell.getDataValidation();
  if (!rule) return null;
  const [source] = rule.getCriteriaValues();
  const criteria = SpreadsheetApp.DataValidationCriteria;
  let values: Cell[];
  switch (rule.getCriteriaType()) {
    case criteria.VALUE_IN_LIST:
      values = source as Cell[];
      break;
    case criteria.VALUE_IN_RANGE:
      values = ((source as GoogleAppsScript.Spreadsheet.Range).getValues() as Cell[][]).flat();
      break;
    default:
      return null;
  }
  return values.map((value) => String(value ?? "").trim()).filter((value) => value !== "");
}
