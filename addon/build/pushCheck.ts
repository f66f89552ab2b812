/**
 * What `npm run addon:push` checks before `clasp push`: a build made without RAPPORT_WORKER_URL
 * allows only the placeholder Worker (rapport.example.workers.dev), which nobody runs; pushed, every
 * install would fail to reach any Worker. Such a build is refused with what to do instead.
 */

/** The Worker a build allows when RAPPORT_WORKER_URL is not set: a placeholder, not a real Worker. */
export const PLACEHOLDER_WORKER_URL = "https://rapport.example.workers.dev/";

/** Why a built manifest must not be pushed, or null when it may be. */
export function pushRefusal(manifest: { urlFetchWhitelist?: readonly string[] }): string | null {
  const allowed = manifest.urlFetchWhitelist ?? [];
  if (allowed.length === 0) {
    return "addon/dist/appsscript.json allows no Worker URL: run `RAPPORT_WORKER_URL=https://<your worker>/ npm run addon:push`.";
  }
  if (allowed.includes(PLACEHOLDER_WORKER_URL)) {
    return `This build allows only the placeholder Worker ${PLACEHOLDER_WORKER_URL}: the add-on could never reach a real one. Build with your Worker's address: RAPPORT_WORKER_URL=https://<your worker>.workers.dev/ npm run addon:push`;
  }
  return null;
}
