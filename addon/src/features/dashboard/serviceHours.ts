import type { DateReading } from "../../../../shared/cells/dates";
import type { Cell } from "../../../../shared/cells/values";
import { RapportError } from "../../../../shared/errors";
import type { Locale } from "../../../../shared/i18n/locale";
import { t } from "../../../../shared/i18n/translate";
import { readHolidays, type WorkingTime, workingTimeArgs } from "../../../../shared/metrics/service";

/**
 * The team's working time for the Dashboard's service panel (Columns ▸ Service requests): working
 * hours ("9-18"), working days ("Mon-Fri") and a range of days off ("Holidays!A2:A30"), kept as
 * typed in one document property and read with the service formulas' own parsers, so "9-18" means
 * on the Dashboard what it means in RESPONSE_TIME. All three blank: calendar time.
 */
export interface ServiceHoursSetting {
  hours: string;
  days: string;
  holidays: string;
}

const PROPERTY = "rapport.dashboard.serviceHours";
/** Longer than any hours, days or A1 range a person types; keeps the property small. */
const MAX_TEXT = 200;

export const NO_SERVICE_HOURS: ServiceHoursSetting = { hours: "", days: "", holidays: "" };

export function serviceHoursSetting(): ServiceHoursSetting {
  const raw = PropertiesService.getDocumentProperties().getProperty(PROPERTY);
  if (!raw) return { ...NO_SERVICE_HOURS };
  try {
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    const text = (key: keyof ServiceHoursSetting) => (typeof parsed[key] === "string" ? (parsed[key] as string) : "");
    return { hours: text("hours"), days: text("days"), holidays: text("holidays") };
  } catch {
    return { ...NO_SERVICE_HOURS };
  }
}

const isBlankSetting = (s: ServiceHoursSetting) => !s.hours && !s.days && !s.holidays;

/**
 * The working time a setting describes, or null for calendar time. A text that cannot be read is
 * an error naming the field (in the person's language) and what was typed.
 */
export function workingTimeOf(
  setting: ServiceHoursSetting,
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  reading: DateReading,
  locale: Locale,
): WorkingTime | null {
  if (isBlankSetting(setting)) return null;
  const names = {
    hours: t(locale, "ui.dashboard.serviceHours.hours"),
    days: t(locale, "ui.dashboard.serviceHours.days"),
    holidays: t(locale, "ui.dashboard.serviceHours.holidays"),
  };
  let holidays: Int32Array | null = null;
  if (setting.holidays) {
    let cells: Cell[][];
    try {
      cells = ss.getRange(setting.holidays).getValues() as Cell[][];
    } catch {
      // Apps Script says only "Range not found": say which field and what to write.
      throw new RapportError("dashboard.holidaysRange", { arg: names.holidays, value: setting.holidays });
    }
    holidays = readHolidays(cells, `${names.holidays} (${setting.holidays})`, reading);
  }
  return workingTimeArgs(setting.hours || undefined, setting.days || undefined, names, holidays);
}

/** Checks a person's working time (reading it as the panel will) and remembers it; all blank forgets it. */
export function saveServiceHours(
  choice: unknown,
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  reading: DateReading,
  locale: Locale,
): void {
  if (typeof choice !== "object" || choice === null) throw new RapportError("dashboard.badChoice");
  const record = choice as Record<string, unknown>;
  const text = (key: keyof ServiceHoursSetting) => {
    const value = record[key];
    if (value !== undefined && typeof value !== "string") throw new RapportError("dashboard.badChoice");
    return (value ?? "").trim().slice(0, MAX_TEXT);
  };
  const setting = { hours: text("hours"), days: text("days"), holidays: text("holidays") };
  const props = PropertiesService.getDocumentProperties();
  if (isBlankSetting(setting)) {
    props.deleteProperty(PROPERTY);
    return;
  }
  workingTimeOf(setting, ss, reading, locale);
  props.setProperty(PROPERTY, JSON.stringify(setting));
}

/** The working time in words for the panel and the report: "9-18, Mon-Fri, days off in Holidays!A2:A9". */
export function serviceHoursText(setting: ServiceHoursSetting, locale: Locale): string {
  const parts = [
    setting.hours || t(locale, "ui.dashboard.serviceHours.allDay"),
    setting.days || (setting.hours ? t(locale, "ui.dashboard.serviceHours.weekdays") : ""),
    setting.holidays ? t(locale, "ui.dashboard.serviceHours.daysOff", { range: setting.holidays }) : "",
  ];
  return parts.filter(Boolean).join(", ");
}
