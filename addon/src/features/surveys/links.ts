import { type PersonalLink, SURVEY_LIMITS } from "../../../../shared/api/surveys";
import { columnLetter } from "../../../../shared/cells/a1";
import { type ContactCell, contactIdOf } from "../../../../shared/cells/clientId";
import type { Cell } from "../../../../shared/cells/values";
import { asText } from "../../../../shared/cells/values";
import { RapportError } from "../../../../shared/errors";
import type { Locale } from "../../../../shared/i18n/locale";
import { t } from "../../../../shared/i18n/translate";
import { findLinkColumns, hyperlinkFormula, linkHeader, linkNote } from "../../../../shared/sheets/surveyLinks";
import { dataSources, type SheetColumns } from "../../sheet/clientSheets";
import { withDocumentLock } from "../../sheet/lock";
import { headerCells, placeColumns } from "../../sheet/space";
import { getSurvey, personalLinks, SURVEY_LOCK } from "./api";
import type { AddLinksView } from "./shapes";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * "Add links": each client's personal link and whether they may be asked now, in two columns
 * beside the client list, row by row (the link of a row is the link of that row's client id).
 * Long lists are done in parts: each execution stops after a time budget and says where to go on.
 */

/** Stop starting new requests after this long; the sidebar calls again with `next`. */
const TIME_BUDGET_MS = 60_000;

/** The client list: the sheet and its client id column (1-based), with every column's role. */
export interface ClientList {
  sheet: Sheet;
  idColumn: number;
  header: string;
  columns: SheetColumns;
}

/** The client list the add-on found (the Dashboard's column mapping, remembered per sheet). */
export function clientList(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): ClientList {
  const clients: SheetColumns | null = dataSources(ss).clients;
  const idColumn = clients?.mapping.clientId ?? null;
  if (!clients || idColumn === null || clients.sheet.getLastRow() < 2) throw new RapportError("surveys.noClientList");
  return { sheet: clients.sheet, idColumn, header: clients.headers[idColumn - 1] ?? "", columns: clients };
}

/** The client id cells of the list's data rows, in one read. */
export function clientIds(list: ClientList): Cell[] {
  const rows = list.sheet.getLastRow() - 1;
  if (rows < 1) return [];
  return (list.sheet.getRange(2, list.idColumn, rows, 1).getValues() as Cell[][]).map((r) => r[0] as Cell);
}

/**
 * Finds or makes the survey's two columns (by the survey id in their header notes); writes their
 * headers with the survey's current title and the notes that keep them tied to the survey.
 */
function linkColumns(
  sheet: Sheet,
  surveyId: string,
  title: string,
  locale: Locale,
): { link: number; eligible: number } {
  const header = headerCells(sheet) as Cell[];
  const notes = header.length > 0 ? (sheet.getRange(1, 1, 1, header.length).getNotes()[0] as string[]) : [];
  const found = findLinkColumns(header, notes, surveyId);
  const { link, eligible } = placeColumns(sheet, found, ["link", "eligible"] as const);
  for (const [kind, column] of [
    ["link", link],
    ["eligible", eligible],
  ] as const) {
    sheet
      .getRange(1, column + 1)
      .setValue(asText(linkHeader(locale, kind, title)))
      .setNote(linkNote(locale, kind, surveyId));
  }
  return { link, eligible };
}

/**
 * Writes links for the client rows from `start` (0-based data row) on, until the list ends or the
 * time budget is spent. Distinct client ids go to the Worker in requests of up to 500.
 */
export function addLinks(surveyId: string, lang: Locale | null, start: number, locale: Locale): AddLinksView {
  const began = Date.now();
  return withDocumentLock(SURVEY_LOCK, () => {
    const survey = getSurvey(surveyId);
    const list = clientList(SpreadsheetApp.getActiveSpreadsheet());
    const ids = clientIds(list);
    const { link, eligible } = linkColumns(list.sheet, survey.id, survey.title, locale);
    const label = t(locale, "sheet.links.open");
    const step: AddLinksView = {
      sheet: list.sheet.getName(),
      linkColumn: columnLetter(link + 1),
      eligibleColumn: columnLetter(eligible + 1),
      total: ids.length,
      done: Math.min(Math.max(0, Math.floor(start)), ids.length),
      written: 0,
      eligible: 0,
      skipped: 0,
    };
    // At least one request per execution, so every call moves on, however slow the start was.
    for (let first = true; step.done < ids.length && (first || Date.now() - began < TIME_BUDGET_MS); first = false) {
      // The next rows holding up to 500 distinct usable ids.
      const from = step.done;
      const contacts: ContactCell[] = [];
      const distinct = new Set<string>();
      let to = from;
      for (; to < ids.length; to++) {
        const contact = contactIdOf(ids[to] as Cell);
        if (contact.kind === "id" && !distinct.has(contact.id)) {
          if (distinct.size === SURVEY_LIMITS.contactsPerRequest) break;
          distinct.add(contact.id);
        }
        contacts.push(contact);
      }
      const byId = new Map<string, PersonalLink>();
      if (distinct.size > 0) for (const l of personalLinks(survey.id, [...distinct], lang)) byId.set(l.contactId, l);
      const linkCells: Cell[][] = [];
      const eligibleCells: Cell[][] = [];
      for (const contact of contacts) {
        const found = contact.kind === "id" ? byId.get(contact.id) : undefined;
        if (contact.kind === "invalid") step.skipped++;
        if (found) {
          step.written++;
          if (found.eligible) step.eligible++;
        }
        linkCells.push([found ? hyperlinkFormula(found.url, label) : ""]);
        eligibleCells.push([found ? found.eligible : ""]);
      }
      if (eligible === link + 1) {
        list.sheet
          .getRange(2 + from, link + 1, contacts.length, 2)
          .setValues(linkCells.map((row, i) => [row[0] as Cell, (eligibleCells[i] as Cell[])[0] as Cell]));
      } else {
        list.sheet.getRange(2 + from, link + 1, contacts.length, 1).setValues(linkCells);
        list.sheet.getRange(2 + from, eligible + 1, contacts.length, 1).setValues(eligibleCells);
      }
      step.done = to;
    }
    return step;
  });
}

/**
 * The email snippet (score buttons, each a personal link) for one client: the selected row's
 * client when the selection is in the client list, else the first client.
 */
export function emailSnippet(
  surveyId: string,
  lang: Locale | null,
): { contactId: string; html: string; fromSelection: boolean; sheet: string } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const list = clientList(ss);
  const ids = clientIds(list);
  const active = ss.getActiveRange();
  let contactId: string | null = null;
  let fromSelection = false;
  if (active && active.getSheet().getName() === list.sheet.getName() && active.getRow() >= 2) {
    const contact = contactIdOf(ids[active.getRow() - 2] ?? "");
    if (contact.kind === "id") {
      contactId = contact.id;
      fromSelection = true;
    }
  }
  for (let i = 0; contactId === null && i < ids.length; i++) {
    const contact = contactIdOf(ids[i] as Cell);
    if (contact.kind === "id") contactId = contact.id;
  }
  if (contactId === null) throw new RapportError("surveys.noClientList");
  const [personal] = personalLinks(surveyId, [contactId], lang);
  if (!personal) throw new RapportError("surveys.noClientList");
  return { contactId, html: personal.emailHtml, fromSelection, sheet: list.sheet.getName() };
}
