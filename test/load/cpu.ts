import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/**
 * CPU time of a process tree from /proc (Linux only; elsewhere every figure is null). The ingest
 * benchmark uses it to show where the time of a request goes: the load generator, wrangler's node
 * process and its workerd processes.
 */

export type CpuSample = Map<number, { name: string; seconds: number }>;

function children(pid: number): number[] {
  try {
    return execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

function processCpu(pid: number): { name: string; seconds: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks (100 per second)
    return { name, seconds: ticks / 100 };
  } catch {
    return null;
  }
}

/** CPU seconds used so far by `root` and all its descendants, and by this process (the load generator). */
export function sampleCpu(root: number): CpuSample {
  const sample: CpuSample = new Map();
  const pending = [root];
  while (pending.length) {
    const pid = pending.pop() as number;
    const cpu = processCpu(pid);
    if (cpu) sample.set(pid, cpu);
    pending.push(...children(pid));
  }
  const self = processCpu(process.pid);
  if (self) sample.set(process.pid, { name: "load generator", seconds: self.seconds });
  return sample;
}

/** Adds the CPU used between two samples to `totals`, by process name (ms). */
export function addCpu(totals: Map<string, number>, before: CpuSample, after: CpuSample): void {
  for (const [pid, { name, seconds }] of after) {
    const start = before.get(pid)?.seconds ?? 0;
    totals.set(name, (totals.get(name) ?? 0) + (seconds - start) * 1000);
  }
}

/** "load generator 0.5 · node 0.9 · workerd 2.3" (ms per request), largest shares kept apart. */
export function cpuPerRequest(totals: Map<string, number>, requests: number): string {
  if (totals.size === 0) return "not measured (no /proc)";
  const parts = [...totals].filter(([, ms]) => ms > 0).map(([name, ms]) => `${name} ${(ms / requests).toFixed(2)}`);
  const all = [...totals.values()].reduce((a, b) => a + b, 0) / requests;
  return `${all.toFixed(2)} ms (${parts.join(" · ")})`;
}
