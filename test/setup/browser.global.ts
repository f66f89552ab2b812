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
