import { defineConfig } from "vitest/config";

/**
 * `npm test` runs four projects:
 *   shared   pure unit and property tests of shared/ (Node)
 *   worker   the Worker inside workerd (@cloudflare/vitest-pool-workers), D1 migrations applied in setup
 *   addon    the built Code.js in the Apps Script harness, UrlFetchApp talking to a local wrangler dev
 *   browser  the preview and sidebars in Debian's Chromium through playwright-core
 *   system   whole-system tests against wrangler dev (the survey fault test: kill and restart mid-load)
 */
export default defineConfig({
  test: {
    reporters: ["default"],
    projects: [
      {
        extends: true,
        test: {
          name: "shared",
          include: ["test/shared/**/*.test.ts", "test/build/**/*.test.ts"],
          environment: "node",
        },
      },
      "test/worker/vitest.config.mts",
      {
        extends: true,
        test: {
          name: "addon",
          include: ["test/addon/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/setup/addon.global.ts"],
          testTimeout: 30_000,
          hookTimeout: 90_000,
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/setup/browser.global.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: "system",
          include: ["test/system/**/*.test.ts"],
          environment: "node",
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
