import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { buildAddon } from "../../addon/build/build";
import { type PreviewServer, startPreview } from "../../addon/preview/server";
import { freePort, startTestWorker, type TestWorker } from "./localWorker";

declare module "vitest" {
  export interface ProvidedContext {
    previewUrl: string;
    workerUrl: string;
    enrollmentKey: string;
  }
}

let worker: TestWorker | undefined;
let preview: PreviewServer | undefined;

/** The same pieces `npm start` runs: the built add-on, a local Worker on fresh D1, the preview. */
export async function setup(project: TestProject): Promise<void> {
  // Screenshots describe this run only: stale ones (a FAILED- shot from an earlier run) would mislead.
  rmSync(fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url)), { recursive: true, force: true });
  await buildAddon();
  worker = await startTestWorker();
  preview = await startPreview({ port: await freePort(), workerUrl: `${worker.url}/` });
  project.provide("previewUrl", preview.url);
  project.provide("workerUrl", worker.url);
  project.provide("enrollmentKey", worker.enrollmentKey);
}

export async function teardown(): Promise<void> {
  await preview?.close();
  await worker?.dispose();
}
