import type { TestProject } from "vitest/node";
import { buildAddon } from "../../addon/build/build";
import { startTestWorker, type TestWorker } from "./localWorker";

declare module "vitest" {
  export interface ProvidedContext {
    workerUrl: string;
    enrollmentKey: string;
  }
}

let worker: TestWorker | undefined;

/** Builds addon/dist once and starts a local Worker that UrlFetchApp in the harness really calls. */
export async function setup(project: TestProject): Promise<void> {
  await buildAddon();
  worker = await startTestWorker();
  project.provide("workerUrl", worker.url);
  project.provide("enrollmentKey", worker.enrollmentKey);
}

export async function teardown(): Promise<void> {
  await worker?.dispose();
}
