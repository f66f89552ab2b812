import type { D1Migration } from "cloudflare:test";

declare global {
  namespace Cloudflare {
    interface Env {
      DB: D1Database;
      ENROLLMENT_KEY?: string;
      LINK_SECRET?: string;
      TEST_MIGRATIONS: D1Migration[];
      MIGRATION_FILES: { name: string; sql: string }[];
    }
    interface GlobalProps {
      mainModule: typeof import("../../worker/src/index");
    }
  }
}
