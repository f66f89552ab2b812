import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineProject } from "vitest/config";

const root = fileURLToPath(new URL("../../", import.meta.url));
const migrations = path.join(root, "worker", "migrations");

/** Worker tests run inside workerd with the bindings of wrangler.toml; each test file gets isolated D1 storage. */
export default defineProject({
  plugins: [
    cloudflareTest(async () => ({
      wrangler: { configPath: path.join(root, "wrangler.toml") },
      miniflare: {
        bindings: {
          ENROLLMENT_KEY: "test-enrollment-key",
          LINK_SECRET: "test-link-secret",
          TEST_MIGRATIONS: await readD1Migrations(migrations),
          // The files as written, for the check that they apply the way remote D1 applies them.
          MIGRATION_FILES: readdirSync(migrations)
            .filter((name) => name.endsWith(".sql"))
            .sort()
            .map((name) => ({ name, sql: readFileSync(path.join(migrations, name), "utf8") })),
        },
      },
    })),
  ],
  test: {
    name: "worker",
    include: ["**/*.test.ts"],
    setupFiles: ["./apply-migrations.ts"],
  },
});
