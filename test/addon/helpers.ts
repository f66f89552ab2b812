import { inject } from "vitest";
import { createHarness, type Harness, type HarnessOptions } from "../../addon/harness/index";

/** The built Code.js in a fresh harness; UrlFetchApp may reach the test's local Worker. */
export function loadAddon(options: HarnessOptions = {}): Harness {
  const workerUrl = inject("workerUrl");
  return createHarness({
    ...options,
    allowUrlPrefixes: [`${workerUrl}/`, ...(options.allowUrlPrefixes ?? [])],
  });
}

/** The message of what `fn` throws. */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected an error");
}

/** A column of values shaped as Sheets passes a one-column range. */
export const column = (...values: unknown[]) => values.map((v) => [v]);
