import { describe, expect, it } from "vitest";
import { addOffsetUTC, compareOffsets, isOffset, offsetParts, parseOffset } from "../src/playbook/duration.js";

const H = 3_600_000;
const D = 24 * H;

describe("offsets from T0", () => {
  it.each([
    ["30m", 1, 0, 30 * 60_000],
    ["6h", 1, 0, 6 * H],
    ["3d", 1, 0, 3 * D],
    ["2w", 1, 0, 14 * D],
    ["6mo", 1, 6, 0],
    ["1y", 1, 12, 0],
    ["1d12h", 1, 0, 36 * H],
    ["1y2mo3d", 1, 14, 3 * D],
    ["-2d", -1, 0, 2 * D],
  ] as const)("parses %s", (text, sign, months, ms) => {
    expect(parseOffset(text)).toEqual({ sign, months, ms, text });
  });

  it.each([
    ["1y2mo", { sign: 1, months: 14, days: 0, ms: 0 }],
    ["2w3d", { sign: 1, months: 0, days: 17, ms: 0 }],
    ["1d12h30m", { sign: 1, months: 0, days: 1, ms: 12 * H + 30 * 60_000 }],
    ["-3d", { sign: -1, months: 0, days: 3, ms: 0 }],
  ] as const)("keeps the days of %s apart from elapsed time", (text, parts) => {
    expect(offsetParts(text)).toEqual(parts);
  });

  it.each(["", "6", "h", "6 h", "1.5h", "+6h", "T+6h", "6hours", "6H"])("refuses %j", (text) => {
    expect(parseOffset(text)).toBeUndefined();
    expect(offsetParts(text)).toBeUndefined();
    expect(isOffset(text)).toBe(false);
  });

  it("compares fixed and calendar units on a common footing", () => {
    const o = (t: string) => parseOffset(t)!;
    expect(compareOffsets(o("12mo"), o("1y"))).toBe(0);
    expect(compareOffsets(o("2w"), o("14d"))).toBe(0);
    expect(compareOffsets(o("24h"), o("1d"))).toBe(0);
    expect(compareOffsets(o("30h"), o("1d"))).toBeGreaterThan(0);
    expect(compareOffsets(o("-1d"), o("0h"))).toBeLessThan(0);
    expect(compareOffsets(o("1mo"), o("4w"))).toBeGreaterThan(0);
  });

  it("adds months by the calendar, not as 30 days", () => {
    const t0 = new Date("2026-01-31T10:00:00Z");
    expect(addOffsetUTC(new Date("2026-03-14T18:30:00Z"), parseOffset("1mo")!).toISOString()).toBe("2026-04-14T18:30:00.000Z");
    expect(addOffsetUTC(new Date("2026-03-14T18:30:00Z"), parseOffset("1y")!).toISOString()).toBe("2027-03-14T18:30:00.000Z");
    expect(addOffsetUTC(t0, parseOffset("6h")!).toISOString()).toBe("2026-01-31T16:00:00.000Z");
    expect(addOffsetUTC(t0, parseOffset("-1d")!).toISOString()).toBe("2026-01-30T10:00:00.000Z");
  });
});
