import type { DateReading } from "../cells/dates";
import type { Cell } from "../cells/values";
import { type ColumnProfile, detectColumns, profileColumn } from "./columns";

/**
 * The columns of a sheet of service requests (tickets): when each was opened, first answered and
 * resolved, and (optionally) whose it is. Found by header words in English and Russian and
 * confirmed by the cells (four in five must be dates or date-times), like the client sheets' roles.
 */
export const REQUEST_ROLES = ["opened", "firstResponse", "resolved"] as const;
export type RequestRole = (typeof REQUEST_ROLES)[number];

/** Role → 1-based column, or null; `clientId` as the client sheets find it. */
export type RequestMapping = Record<RequestRole | "clientId", number | null>;

export const EMPTY_REQUEST_MAPPING: RequestMapping = {
  opened: null,
  firstResponse: null,
  resolved: null,
  clientId: null,
};

const REQUEST_HINTS: Record<RequestRole, RegExp> = {
  opened:
    /opened|created|submitted|received|raised|logged|request(?:ed)?\s*(?:at|on|date|time)|ticket\s*date|открыт|создан|поступ|зарегистр|(?:дата|время)\s*(?:обращения|заявки|создания|открытия)/i,
  firstResponse:
    /first\s*(?:response|reply|answer|contact)|responded|replied|answered|response\s*(?:at|time|date)|первый\s*ответ|ответ(?:ил|а|ом)?\s*(?:в|на)?|отреагир|(?:дата|время)\s*ответа/i,
  resolved:
    /resolved|closed|solved|fixed|completed|done|решен|решён|закрыт|выполнен|(?:дата|время)\s*(?:решения|закрытия)/i,
};

/** A column fits a role when its header says so and four in five of its cells are dates. */
function fits(role: RequestRole, header: string, profile: ColumnProfile): boolean {
  if (!REQUEST_HINTS[role].test(header.trim())) return false;
  // An answered or resolved column may be mostly blank (requests still waiting): judge the cells there are.
  return profile.count === 0 ? role !== "opened" : profile.dates / profile.count >= 0.8;
}

/**
 * Guesses a request sheet's columns from its header row and a sample of rows. Roles are taken in
 * order (opened, first response, resolved), each from the first column that fits and is not taken.
 */
export function detectRequestColumns(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  reading: DateReading,
): RequestMapping {
  const profiles = headers.map((_, c) =>
    profileColumn(
      rows.map((row) => row[c]),
      reading,
    ),
  );
  const mapping: RequestMapping = { ...EMPTY_REQUEST_MAPPING };
  const used = new Set<number>();
  for (const role of REQUEST_ROLES) {
    const c = headers.findIndex((header, i) => !used.has(i) && fits(role, header ?? "", profiles[i] as ColumnProfile));
    if (c >= 0) {
      mapping[role] = c + 1;
      used.add(c);
    }
  }
  const clientId = detectColumns(headers, rows, reading).clientId;
  mapping.clientId = clientId !== null && !used.has(clientId - 1) ? clientId : null;
  return mapping;
}

/** A sheet of requests: an opened column and a first-response or resolved column. */
export function isRequestSheet(mapping: RequestMapping): boolean {
  return mapping.opened !== null && (mapping.firstResponse !== null || mapping.resolved !== null);
}
