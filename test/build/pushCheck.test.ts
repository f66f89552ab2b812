import { describe, expect, it } from "vitest";
import { PLACEHOLDER_WORKER_URL, pushRefusal } from "../../addon/build/pushCheck";

describe("addon:push", () => {
  it("refuses a build that allows only the placeholder Worker, saying how to build instead", () => {
    expect(pushRefusal({ urlFetchWhitelist: [PLACEHOLDER_WORKER_URL] })).toMatch(
      /placeholder Worker https:\/\/rapport\.example\.workers\.dev\/.*RAPPORT_WORKER_URL=https:\/\/<your worker>\.workers\.dev\/ npm run addon:push$/,
    );
    expect(pushRefusal({})).toMatch(/allows no Worker URL/);
    expect(pushRefusal({ urlFetchWhitelist: ["https://rapport.acme.workers.dev/"] })).toBeNull();
  });
});
