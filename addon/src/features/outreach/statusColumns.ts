import { clientKey } from "../../../../shared/cells/clientId";
import { asText, type Cell } from "../../../../shared/cells/values";
import type { Locale } from "../../../../shared/i18n/locale";
import { t } from "../../../../shared/i18n/translate";
import type { Audience } from "../../../../shared/outreach/audience";
import { sendStatuses } from "../../../../shared/outreach/status";
import { findStatusColumns, statusHeader, statusText } from "../../../../shared/outreach/statusColumns";
import { DATE_TIME_FORMAT } from "../../../../shared/sheets/formats";
import { headerCells, placeColumns } from "../../sheet/space";
import type { ClientList } from "../surveys/links";
import { optedOut, readLedger } from "./api";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Finds or makes the survey's two status columns (0-based), side by side after the last column. */
function statusColumns(sheet: Sheet, title: string, locale: Locale): { sentAt: number; status: number } {
  const found = findStatusColumns(headerCells(sheet) as Cell[], title);
  const placed = placeColumns(sheet, found, ["sentAt", "status"] as const);
  for (const kind of ["sentAt", "status"] as const) {
    if (found[kind] === null) {
      sheet
        .getRange(1, placed[kind] + 1)
        .setValue(asText(statusHeader(locale, kind, title)))
        .setFontWeight("bold");
    }
  }
  return placed;
}

/**
 * Writes each client's status for a survey's emails beside the client list, matched by client id
 * (rows sorted or inserted since the send still get their own client's status). The Worker's ledger
 * and answers decide; rows the last send left out (no address, …) say why.
 */
export function writeStatusColumns(
  list: ClientList,
  campaign: string,
  title: string,
  audience: Audience | null,
  locale: Locale,
  unsubscribed: ReadonlySet<string> = optedOut(),
): number {
  const statuses = sendStatuses(readLedger(campaign), unsubscribed);
  const sheet = list.sheet;
  const rows = sheet.getLastRow() - 1;
  if (rows < 1) return 0;
  const columns = statusColumns(sheet, title, locale);
  const ids = sheet.getRange(2, list.idColumn, rows, 1).getValues() as Cell[][];
  const skipped = new Map((audience?.skipped ?? []).map((s) => [s.row, s]));
  const sentAt: Cell[][] = [];
  const status: Cell[][] = [];
  let written = 0;
  for (let r = 0; r < rows; r++) {
    const key = clientKey(ids[r]?.[0]);
    const current = key === null ? undefined : statuses.get(String(key));
    const skip = skipped.get(r + 2);
    if (current) {
      sentAt.push([current.lastSentAt ? new Date(current.lastSentAt) : ""]);
      status.push([asText(statusText(locale, current))]);
      written++;
    } else if (skip) {
      sentAt.push([""]);
      status.push([asText(t(locale, "sheet.outreach.notSent", { reason: t(locale, skip.reason, skip.params) }))]);
      written++;
    } else {
      sentAt.push([""]);
      status.push([""]);
    }
  }
  sheet
    .getRange(2, columns.sentAt + 1, rows, 1)
    .setValues(sentAt)
    .setNumberFormat(DATE_TIME_FORMAT);
  sheet.getRange(2, columns.status + 1, rows, 1).setValues(status);
  return written;
}
