import { clientCardEn } from "./en/clientCard";
import { coreEn } from "./en/core";
import { dashboardEn } from "./en/dashboard";
import { menuEn } from "./en/menu";
import { metricsEn } from "./en/metrics";
import { modelsEn } from "./en/models";
import { outreachEn } from "./en/outreach";
import { segmentsEn } from "./en/segments";
import { settingsEn } from "./en/settings";
import { sheetsEn } from "./en/sheets";
import { surveyEn } from "./en/survey";
import { surveysUiEn } from "./en/surveysUi";
import { uiEn } from "./en/ui";

/**
 * English texts, one module per domain under en/. Keys are stable; `{name}` marks a parameter.
 * Every key must also exist in Russian (ru/<domain>.ts, enforced by the type checker and a test).
 */
export const en = {
  ...coreEn,
  ...uiEn,
  ...settingsEn,
  ...sheetsEn,
  ...metricsEn,
  ...modelsEn,
  ...surveyEn,
  ...menuEn,
  ...dashboardEn,
  ...segmentsEn,
  ...clientCardEn,
  ...surveysUiEn,
  ...outreachEn,
} as const;

export type MessageKey = keyof typeof en;

/** A text to be rendered later in the reader's language, such as a cell position inside a message. */
export interface NestedText {
  readonly key: MessageKey;
  readonly params?: MessageParams;
}
export type MessageParam = string | number | NestedText;
export type MessageParams = Readonly<Record<string, MessageParam>>;
