import type { Realm } from "./realm";

/**
 * Data validation rules (dropdowns), as far as the add-on reads them: a list of values or a range
 * of them. Documented behaviour kept here
 * (https://developers.google.com/apps-script/reference/spreadsheet/data-validation,
 * .../data-validation-builder#requireValueInList(String,Boolean)):
 * - `Range.getDataValidation()` is the rule of the range's top-left cell, or null;
 * - `getCriteriaValues()` of VALUE_IN_LIST is `[values, showDropdown]`, of VALUE_IN_RANGE
 *   `[range, showDropdown]`; showDropdown defaults to true;
 * - a rule is copied into each cell of the range it is set on, and moves with inserted and
 *   deleted rows like the cells' values.
 */

/** SpreadsheetApp.DataValidationCriteria: the criteria the fake builds (the enum's other names read back as given). */
export const DATA_VALIDATION_CRITERIA = {
  VALUE_IN_LIST: "VALUE_IN_LIST",
  VALUE_IN_RANGE: "VALUE_IN_RANGE",
} as const;

type Criteria = (typeof DATA_VALIDATION_CRITERIA)[keyof typeof DATA_VALIDATION_CRITERIA];

export class FakeDataValidation {
  constructor(
    private readonly realm: Realm,
    private readonly criteria: Criteria,
    /** Host values: the list's strings, or the source range. */
    private readonly source: readonly unknown[] | object,
    private readonly showDropdown: boolean,
    private readonly allowInvalid: boolean,
  ) {}
  getCriteriaType(): string {
    return this.criteria;
  }
  getCriteriaValues(): unknown[] {
    // Built in the script's realm (Array.isArray holds there); a range stays the fake itself.
    const out = this.realm.import([] as unknown[]);
    out.push(
      this.criteria === "VALUE_IN_LIST" ? this.realm.import([...(this.source as unknown[])]) : this.source,
      this.showDropdown,
    );
    return out;
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  getHelpText(): string | null {
    return null;
  }
}

export class FakeDataValidationBuilder {
  private criteria: Criteria | null = null;
  private source: readonly unknown[] | object = [];
  private showDropdown = true;
  private allowInvalid = true;

  constructor(private readonly realm: Realm) {}

  requireValueInList(values: unknown, showDropdown = true): FakeDataValidationBuilder {
    const list = this.realm.export(values);
    if (!Array.isArray(list)) {
      throw this.realm.error(
        "The parameters (String) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.",
      );
    }
    this.criteria = "VALUE_IN_LIST";
    this.source = list.map(String);
    this.showDropdown = showDropdown;
    return this;
  }
  requireValueInRange(range: object, showDropdown = true): FakeDataValidationBuilder {
    this.criteria = "VALUE_IN_RANGE";
    this.source = range;
    this.showDropdown = showDropdown;
    return this;
  }
  setAllowInvalid(allowInvalid: boolean): FakeDataValidationBuilder {
    this.allowInvalid = allowInvalid;
    return this;
  }
  build(): FakeDataValidation {
    if (this.criteria === null) throw this.realm.error("Exception: You must specify a data validation criteria.");
    return new FakeDataValidation(this.realm, this.criteria, this.source, this.showDropdown, this.allowInvalid);
  }
}
