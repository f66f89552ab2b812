/**
 * `npm run addon:push`: pushes addon/dist with clasp, after checking that the build allows a real
 * Worker (addon/build/pushCheck.ts). Run `npm run build` with RAPPORT_WORKER_URL set first (the
 * npm script does).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { pushRefusal } from "../addon/build/pushCheck";

const manifestPath = fileURLToPath(new URL("../addon/dist/appsscript.json", import.meta.url));
const refusal = pushRefusal(JSON.parse(readFileSync(manifestPath, "utf8")) as { urlFetchWhitelist?: string[] });
if (refusal) {
  console.error(`addon:push refused. ${refusal}`);
  process.exit(1);
}
const clasp = spawnSync("clasp", ["push", "--force"], { stdio: "inherit", shell: process.platform === "win32" });
if (clasp.error)
  console.error(`addon:push: could not run clasp (${clasp.error.message}); install it with npm i -g @google/clasp.`);
process.exit(clasp.status ?? 1);
