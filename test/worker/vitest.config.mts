import path from "node:path";
import { fileURLToPath } from "node:url";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineProject } from "vitest/config";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Worker tests run inside workerd with the bindings of wrangler.toml; each test file gets isolated D1 storage. */
export default defineProject({
  plugins: [
    cloudflareTest(async () => ({
      wrangler: { configPath: path.join(root, "wrangler.toml") },
      miniflare: {
        bindings: {
          ENROLLMENT_KEY: "test-enrollment-key",
          LINK_SECRET: "test-link-secret",
          TEST_MIGRATIONS: await readD1Migrations(path.join(root, "worker", "migrations")),
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
