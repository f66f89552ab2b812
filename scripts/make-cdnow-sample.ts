/**
 * Regenerates test/shared/fixtures/cdnow-sample.csv from ../shared/data/CDNOW_master.txt for the
 * customer ids already listed in it (the standard sample's ids; see scripts/lib/cdnowSample.ts).
 */
import { CDNOW_FULL_PATH, hasFullCdnow, readCdnow } from "./lib/cdnow";
import { cdnowSampleFromMaster, readCdnowSample, writeCdnowSample } from "./lib/cdnowSample";

if (!hasFullCdnow()) {
  console.error(`Needs ${CDNOW_FULL_PATH}`);
  process.exit(1);
}
const ids = readCdnowSample().map((c) => c.id);
writeCdnowSample(cdnowSampleFromMaster(readCdnow(CDNOW_FULL_PATH), ids));
console.log(`Wrote ${ids.length} customers.`);
