import type { MessageKey } from "./messages.en";
import { clientCardRu } from "./ru/clientCard";
import { coreRu } from "./ru/core";
import { dashboardRu } from "./ru/dashboard";
import { menuRu } from "./ru/menu";
import { metricsRu } from "./ru/metrics";
import { modelsRu } from "./ru/models";
import { outreachRu } from "./ru/outreach";
import { segmentsRu } from "./ru/segments";
import { settingsRu } from "./ru/settings";
import { sheetsRu } from "./ru/sheets";
import { surveyRu } from "./ru/survey";
import { surveysUiRu } from "./ru/surveysUi";
import { uiRu } from "./ru/ui";

/** Russian texts, one module per domain under ru/; the Record type makes a missing key a compile error. */
export const ru: Record<MessageKey, string> = {
  ...coreRu,
  ...uiRu,
  ...settingsRu,
  ...sheetsRu,
  ...metricsRu,
  ...modelsRu,
  ...surveyRu,
  ...menuRu,
  ...dashboardRu,
  ...segmentsRu,
  ...clientCardRu,
  ...surveysUiRu,
  ...outreachRu,
};
