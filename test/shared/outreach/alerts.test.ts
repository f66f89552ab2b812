import { describe, expect, it } from "vitest";
import { dayFromYmd } from "../../../shared/cells/dates";
import { alertEmail, detractorsNotFollowedUp, detractorsToTell } from "../../../shared/outreach/alerts";
import { responseRecord } from "../../fixtures/responseRecord";

const answer = responseRecord;

describe("detractorsToTell", () => {
  it("takes NPS scores 0–6 answered since the day alerts began, oldest first", () => {
    const since = dayFromYmd(2026, 12, 3);
    const picked = detractorsToTell(
      [
        answer(0, { score: 6, answeredDay: dayFromYmd(2026, 12, 5) }),
        answer(1, { score: 7 }),
        answer(2, { score: 0 }),
        answer(3, { score: 3, answeredDay: dayFromYmd(2026, 12, 2) }),
        answer(4, { score: 2, surveyType: "csat" }),
        answer(5, { score: null }),
        answer(6, { score: 5, answeredDay: null }),
      ],
      since,
    );
    expect(picked.map((r) => r.responseId)).toEqual(["r2", "r0"]);
  });

  it("leaves out, among them, those someone has followed up", () => {
    const since = dayFromYmd(2026, 12, 3);
    const open = detractorsNotFollowedUp(
      [answer(0, { score: 2 }), answer(1, { score: 4, followedUp: true }), answer(2, { score: 9 })],
      since,
    );
    expect(open.map((r) => r.responseId)).toEqual(["r0"]);
  });
});

describe("alertEmail", () => {
  it("names each answer, escapes what came from the sheet, and links each row", () => {
    const email = alertEmail(
      [answer(2, { score: 3, comment: "<b>slow</b> & rude", clientId: "C-7", flags: ["too_fast"] })],
      (r) => `https://docs.example/d#gid=1&range=A${r.row + 2}`,
      "Clients <2026>",
      "en",
    );
    expect(email.subject).toBe("1 new detractor in Clients <2026>");
    expect(email.htmlBody).toContain("Pulse · client C-7 · score 3");
    expect(email.htmlBody).toContain("&lt;b&gt;slow&lt;/b&gt; &amp; rude");
    expect(email.htmlBody).toContain('href="https://docs.example/d#gid=1&amp;range=A4"');
    expect(email.htmlBody).toContain("flagged: answered too fast to have read the question");
    expect(email.htmlBody).not.toContain("<b>slow");
    expect(email.textBody).toContain("https://docs.example/d#gid=1&range=A4");
    expect(email.textBody).toContain("write it in the row's “Followed up” column");
    expect(alertEmail([answer(2, { score: 1, clientId: null })], () => "x", "T", "ru").textBody).toContain(
      "клиент аноним · оценка 1",
    );
  });
});
