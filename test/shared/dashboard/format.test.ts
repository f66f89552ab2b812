import { describe, expect, it } from "vitest";
import { fixed, percent, pValue, signed } from "../../../shared/dashboard/format";

describe("number text", () => {
  it("formats in each language's convention", () => {
    expect(fixed(12.345, 1, "en")).toBe("12.3");
    expect(fixed(12.345, 1, "ru")).toBe("12,3");
    expect(fixed(-0.04, 1, "en")).toBe("0.0");
    expect(signed(18.49, 1, "en")).toBe("+18.5");
    expect(signed(-3, 1, "ru")).toBe("−3,0");
    expect(signed(0.01, 1, "en")).toBe("0.0");
    expect(percent(0.125, 1, "en")).toBe("12.5%");
    expect(percent(0.125, 1, "ru")).toBe("12,5\u00a0%");
    expect(pValue(0.0004, "en")).toBe("p < 0.001");
    expect(pValue(0.0312, "ru")).toBe("p = 0,031");
  });
});
