import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

/**
 * `wrangler d1 migrations apply --remote` sends a migration to D1's query endpoint, which splits it
 * on ';' before SQLite sees it: a `CREATE TRIGGER … BEGIN …; END;` arrives cut in two and fails
 * with "incomplete input", while local D1 (whole-file execution) accepts it
 * (cloudflare/workers-sdk#4998). These tests apply every migration file the remote way.
 */

/** The file cut at every ';' outside quotes and comments, as the remote path cuts it. */
function remoteStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = "";
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i] as string;
    if (ch === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      i = end < 0 ? sql.length : end;
      current += "\n";
    } else if (ch === "'" || ch === '"') {
      const end = sql.indexOf(ch, i + 1);
      if (end < 0) throw new Error(`unclosed ${ch} in a migration`);
      current += sql.slice(i, end + 1);
      i = end;
    } else if (ch === ";") {
      statements.push(current.trim());
      current = "";
    } else {
      current += ch;
    }
  }
  statements.push(current.trim());
  return statements.filter((statement) => statement !== "");
}

async function schema(): Promise<string[]> {
  const rows = await env.DB.prepare(
    "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name != 'd1_migrations' ORDER BY type, name",
  ).all<{ type: string; name: string; sql: string | null }>();
  return rows.results.map((row) => `${row.type} ${row.name}: ${row.sql}`);
}

describe("D1 migrations", () => {
  it("are plain files the remote path reads the same way: LF line ends, no triggers or BEGIN … END blocks", () => {
    expect(env.MIGRATION_FILES.length).toBeGreaterThanOrEqual(6);
    for (const file of env.MIGRATION_FILES) {
      expect(file.sql.includes("\r"), `${file.name} has CRLF line ends`).toBe(false);
      for (const statement of remoteStatements(file.sql)) {
        expect(statement, `${file.name}: a trigger cannot be applied remotely`).not.toMatch(
          /\bCREATE\s+(TEMP\w*\s+)?TRIGGER\b/i,
        );
        expect(statement, `${file.name}: a BEGIN … END block is cut by the remote path`).not.toMatch(/\bBEGIN\b/i);
      }
    }
  });

  it("build the same schema when applied one ';'-separated piece at a time, as remote D1 applies them", async () => {
    const whole = await schema();
    expect(whole.some((line) => line.startsWith("table surveys:"))).toBe(true);
    // Start again from an empty database (this file's storage is its own), then apply piece by piece.
    await env.DB.exec("PRAGMA defer_foreign_keys = ON");
    const objects = await env.DB.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name != 'd1_migrations'",
    ).all<{ name: string }>();
    await env.DB.batch([
      env.DB.prepare("PRAGMA defer_foreign_keys = ON"),
      ...objects.results.map((row) => env.DB.prepare(`DROP TABLE "${row.name}"`)),
    ]);
    expect(await schema()).toEqual([]);
    for (const file of env.MIGRATION_FILES) {
      for (const statement of remoteStatements(file.sql)) {
        await expect(
          env.DB.prepare(statement)
            .run()
            .then(() => "applied"),
          `${file.name}: ${statement.slice(0, 80)}`,
        ).resolves.toBe("applied");
      }
    }
    expect(await schema()).toEqual(whole);
  });

  it("cut a trigger in two, so the check above would catch one", async () => {
    const pieces = remoteStatements(
      "CREATE TRIGGER t AFTER INSERT ON surveys BEGIN\n  UPDATE surveys SET title = title WHERE id = NEW.id;\nEND;\n",
    );
    expect(pieces).toHaveLength(2);
    await expect(env.DB.prepare(pieces[0] as string).run()).rejects.toThrow(/incomplete input/);
  });
});
