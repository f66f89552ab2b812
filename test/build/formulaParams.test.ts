import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// A formula's error messages name its arguments by the names Sheets' autocomplete shows (the
// stubs' JSDoc), and map an argument to what was written in the cell by its position: the list
// each formula passes to formula() must be the stub's parameters, in order.
const root = path.resolve(import.meta.dirname, "../..");
const read = (dir: string, pattern: RegExp) =>
  readdirSync(path.join(root, dir))
    .filter((f) => pattern.test(f))
    .map((f) => readFileSync(path.join(root, dir, f), "utf8"))
    .join("\n");

describe("formula argument names", () => {
  it("match each custom function's declared parameters, in order", () => {
    const stubs = new Map(
      [...read("addon/stubs", /^formulas-.*\.js$/).matchAll(/^function (\w+)\(([^)]*)\)/gm)].map((m) => [
        m[1] as string,
        (m[2] as string)
          .split(",")
          .map((p) => p.trim())
          .filter(Boolean),
      ]),
    );
    const calls = new Map(
      [...read("addon/src/formulas", /\.ts$/).matchAll(/formula\(\s*"(\w+)",\s*\[([^\]]*)\]/g)].map((m) => [
        m[1] as string,
        [...(m[2] as string).matchAll(/"(\w+)"/g)].map((p) => p[1]),
      ]),
    );
    expect(stubs.size).toBeGreaterThanOrEqual(22);
    expect([...calls.keys()].sort()).toEqual([...stubs.keys()].sort());
    for (const [name, params] of stubs) expect(calls.get(name), name).toEqual(params);
  });
});
