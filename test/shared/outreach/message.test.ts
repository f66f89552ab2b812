import { describe, expect, it } from "vitest";
import { messageCampaignId, messageName } from "../../../shared/outreach/message";
import { thrown } from "../helpers";

describe("messages without a survey", () => {
  it("are one message per name, whatever its case and spacing", () => {
    expect(messageName("  Spring   greeting ")).toBe("Spring greeting");
    expect(messageCampaignId("Spring greeting")).toBe(messageCampaignId(" spring  GREETING"));
    expect(messageCampaignId("Spring greeting")).not.toBe(messageCampaignId("Summer greeting"));
    // A ledger campaign id: letters, digits, "-" (the Worker's Campaign schema).
    expect(messageCampaignId("Поздравление с весной")).toMatch(/^msg-[0-9a-f]{8}$/);
  });

  it("need a name", () => {
    expect(thrown(() => messageCampaignId("   "))).toMatchObject({ key: "outreach.messageNoName" });
  });
});
