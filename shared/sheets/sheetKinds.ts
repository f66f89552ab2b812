import type { DateReading } from "../cells/dates";
import type { Cell } from "../cells/values";
import { type ColumnProfile, detectColumns, profileColumns } from "./columns";
import { CATEGORY_ROLES, CONTRACT_ROLES, REQUEST_ROLES, STAGE_ROLES } from "./roles";

/**
 * Sheets of their own kind, beside the client sheets' roles (columns.ts): service requests
 * (tickets: when each was opened, first answered, resolved) and contracts (when each ends, whether
 * it was renewed). Their columns are found by header words in English and Russian and confirmed
 * by the cells, and a person can correct them like the other sources.
 */

interface RoleRule {
  readonly hint: RegExp;
  /** Whether the column's sampled cells can hold this role. */
  readonly accepts: (profile: ColumnProfile) => boolean;
}

/** Four in five non-blank cells are dates; a column still all blank (nothing answered yet) passes. */
const mostlyDates = (profile: ColumnProfile) => profile.count === 0 || profile.dates / profile.count >= 0.8;
const someDates = (profile: ColumnProfile) => profile.count > 0 && profile.dates / profile.count >= 0.8;

/** Finds each role's column in order: the first column whose header and cells fit, not already taken. */
function detectRoles<R extends string>(
  rules: Readonly<Record<R, RoleRule>>,
  roles: readonly R[],
  headers: readonly string[],
  profiles: readonly ColumnProfile[],
  /** 1-based columns other roles of the sheet hold already. */
  taken: readonly (number | null)[] = [],
): Record<R, number | null> {
  const mapping = {} as Record<R, number | null>;
  const used = new Set<number>(taken.filter((c): c is number => c !== null).map((c) => c - 1));
  for (const role of roles) {
    const rule = rules[role];
    const c = headers.findIndex(
      (header, i) =>
        !used.has(i) && rule.hint.test((header ?? "").trim()) && rule.accepts(profiles[i] as ColumnProfile),
    );
    mapping[role] = c >= 0 ? c + 1 : null;
    if (c >= 0) used.add(c);
  }
  return mapping;
}

// ---------------------------------------------------------------------------------------------
// Service requests

export type RequestRole = (typeof REQUEST_ROLES)[number];

/** Role → 1-based column, or null; `clientId` as the client sheets find it. */
export type RequestMapping = Record<RequestRole | "clientId", number | null>;

export const EMPTY_REQUEST_MAPPING: RequestMapping = {
  opened: null,
  firstResponse: null,
  resolved: null,
  clientId: null,
};

const REQUEST_RULES: Readonly<Record<RequestRole, RoleRule>> = {
  opened: {
    hint: /opened|created|submitted|received|raised|logged|request(?:ed)?\s*(?:at|on|date|time)|ticket\s*date|открыт|создан|поступ|зарегистр|(?:дата|время)\s*(?:обращения|заявки|создания|открытия)/i,
    accepts: someDates,
  },
  firstResponse: {
    hint: /first\s*(?:response|reply|answer|contact)|responded|replied|answered|response\s*(?:at|time|date)|первый\s*ответ|ответ(?:ил|а|ом)?\s*(?:в|на)?|отреагир|(?:дата|время)\s*ответа/i,
    accepts: mostlyDates,
  },
  resolved: {
    hint: /resolved|closed|solved|fixed|completed|done|решен|решён|закрыт|выполнен|(?:дата|время)\s*(?:решения|закрытия)/i,
    accepts: mostlyDates,
  },
};

/** Guesses a request sheet's columns from its header row and a sample of rows. */
export function detectRequestColumns(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  reading: DateReading,
  /** The columns' profiles when already made. */
  profiles: readonly ColumnProfile[] = profileColumns(headers, rows, reading),
): RequestMapping {
  const mapping = detectRoles(REQUEST_RULES, REQUEST_ROLES, headers, profiles);
  const clientId = detectColumns(headers, rows, reading, profiles).clientId;
  const taken = new Set(Object.values(mapping));
  return { ...mapping, clientId: clientId !== null && !taken.has(clientId) ? clientId : null };
}

/** A sheet of requests: an opened column and a first-response or resolved column. */
export function isRequestSheet(mapping: RequestMapping): boolean {
  return mapping.opened !== null && (mapping.firstResponse !== null || mapping.resolved !== null);
}

// ---------------------------------------------------------------------------------------------
// Contracts

export type ContractRole = (typeof CONTRACT_ROLES)[number];
export type ContractMapping = Record<ContractRole, number | null>;

export const EMPTY_CONTRACT_MAPPING: ContractMapping = { contractEnd: null, renewed: null };

const CONTRACT_RULES: Readonly<Record<ContractRole, RoleRule>> = {
  contractEnd: {
    hint: /\bend(?:s|ing)?\b|\bexpir(?:es|y|ation)|valid\s*(?:until|to|till)|\bdue\s*(?:date|on)|окончани|истекает|действует\s*до|срок\s*(?:действия|договора)/i,
    accepts: someDates,
  },
  // A renewal date, a ticked box or yes/no: dates, booleans or short words, but not prose.
  renewed: {
    hint: /^(?:renewed|renewal|is\s*renewed|renewed\s*(?:on|at)|продл[её]н|продление|продлили|продлен\s*ли)/i,
    accepts: (profile) => profile.count === 0 || profile.prose / profile.count < 0.2,
  },
};

/** Guesses a contract sheet's end-date and renewed columns. */
export function detectContractColumns(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  reading: DateReading,
  /** The columns' profiles when already made. */
  profiles: readonly ColumnProfile[] = profileColumns(headers, rows, reading),
): ContractMapping {
  return detectRoles(CONTRACT_RULES, CONTRACT_ROLES, headers, profiles);
}

/** A sheet of contracts: an end date and a renewed column. */
export function isContractSheet(mapping: ContractMapping): boolean {
  return mapping.contractEnd !== null && mapping.renewed !== null;
}

// ---------------------------------------------------------------------------------------------
// Stages (a funnel from a client list's stage column) and categories (the transactions' products)

/** Short labels repeated down the column: not dates, numbers or prose, a handful of distinct values. */
const fewLabels = (profile: ColumnProfile) =>
  profile.count > 0 &&
  profile.dates === 0 &&
  profile.numbers / profile.count < 0.2 &&
  profile.prose / profile.count < 0.2 &&
  profile.distinct <= 20;

/** Labels that may be codes (SKUs) but not dates or prose. */
const labels = (profile: ColumnProfile) =>
  profile.count > 0 && profile.dates === 0 && profile.prose / profile.count < 0.2;

export type StageMapping = { stage: number | null };
export const EMPTY_STAGE_MAPPING: StageMapping = { stage: null };

const STAGE_RULES: Readonly<Record<"stage", RoleRule>> = {
  // A bare "Status" is too often something else (a ticket's, a send's): it has to say whose.
  stage: {
    hint: /^(?:(?:client|customer|lifecycle|sales|pipeline|funnel|deal|relationship)\s*)?(?:stage|phase)$|^(?:client|customer|lifecycle)\s*status$|^(?:этап|стадия|фаза)(?:\s*(?:клиента|воронки|сделки|продаж|отношений))?$|^статус\s*(?:клиента|покупателя)$/i,
    accepts: fewLabels,
  },
};

/** Guesses a sheet's stage column (each client's stage in a funnel). */
export function detectStageColumn(headers: readonly string[], profiles: readonly ColumnProfile[]): StageMapping {
  return detectRoles(STAGE_RULES, STAGE_ROLES, headers, profiles);
}

export type CategoryMapping = { category: number | null };
export const EMPTY_CATEGORY_MAPPING: CategoryMapping = { category: null };

const CATEGORY_RULES: Readonly<Record<"category", RoleRule>> = {
  category: {
    // A bare "Type" or "Group" is as often a sale/refund or a client segment: it has to say "product".
    hint: /^(?:product\s*(?:category|group|line|type)|categor(?:y|ies))$|^(?:product|item|plan|tier|sku|service|subscription)(?:\s*(?:name|code))?$|^(?:категори[яи](?:\s*товара)?|группа\s*товаров|товар|продукт|тариф|услуга|артикул|тип\s*товара)$/i,
    accepts: labels,
  },
};

/** Guesses the category (product) column of a transaction sheet, among columns `taken` leaves free. */
export function detectCategoryColumn(
  headers: readonly string[],
  profiles: readonly ColumnProfile[],
  taken: readonly (number | null)[],
): CategoryMapping {
  return detectRoles(CATEGORY_RULES, CATEGORY_ROLES, headers, profiles, taken);
}
