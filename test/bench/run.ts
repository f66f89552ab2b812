/**
 * `npm run bench`: timing goals of the issues, measured on this machine. Prints a table and
 * exits non-zero when a goal is missed. Benchmarks that need ../shared/data say whether they
 * used the full file or the committed extract.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { clvBench } from "./clv.bench";
import { commentsBench } from "./comments.bench";
import { dashboardBench } from "./dashboard.bench";
import { experimentsBench } from "./experiments.bench";
import { growthBench } from "./growth.bench";
import { ingestBench, ingestBenchNoInspector, ingestFaultBench } from "./ingest.bench";
import type { Bench, BenchResult } from "./lib";
import { outreachBench } from "./outreach.bench";
import { respondentCpuBench } from "./respondent.bench";
import { segmentsBench } from "./segments.bench";
import { serviceBench } from "./service.bench";
import { surveyBench } from "./survey.bench";
import { syncBench } from "./sync.bench";
import { transactionsBench } from "./transactions.bench";

const benches: Bench[] = [
  surveyBench,
  transactionsBench,
  dashboardBench,
  clvBench,
  experimentsBench,
  serviceBench,
  growthBench,
  commentsBench,
  respondentCpuBench,
  ingestBench,
  ingestBenchNoInspector,
  ingestFaultBench,
  segmentsBench,
  syncBench,
  outreachBench,
];

async function main(): Promise<void> {
  const only = process.argv[2];
  const all: (BenchResult & { bench: string })[] = [];
  console.log(`Rapport benchmarks · Node ${process.version} · ${os.cpus()[0]?.model ?? "cpu"} × ${os.cpus().length}`);
  for (const bench of benches) {
    if (only && !bench.title.toLowerCase().includes(only.toLowerCase())) continue;
    console.log(`\n${bench.title}`);
    for (const result of await bench.run()) {
      all.push({ ...result, bench: bench.title });
      console.log(
        `  ${result.ok ? "ok  " : "MISS"}  ${result.name.padEnd(46)} ${result.value.padEnd(34)} goal: ${result.goal}`,
      );
    }
  }
  const dir = fileURLToPath(new URL("../../bench-results/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    `${dir}latest.json`,
    `${JSON.stringify({ at: new Date().toISOString(), node: process.version, results: all }, null, 2)}\n`,
  );
  const missed = all.filter((r) => !r.ok);
  console.log(missed.length ? `\n${missed.length} goal(s) missed.` : "\nAll goals met.");
  process.exitCode = missed.length ? 1 : 0;
}

void main();
