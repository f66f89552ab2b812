import { CDNOW_EXTRACT_PATH, readCdnow } from "../../../scripts/lib/cdnow";
import { txOf } from "../txHelpers";

export const demo = txOf(readCdnow(CDNOW_EXTRACT_PATH).map((r) => [Number(r.customerId), r.date, r.amount] as const));
