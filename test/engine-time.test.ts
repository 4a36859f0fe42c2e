import { describe, expect, it } from "vitest";
import { dueTime, formatTime, isTimeZone, parseTime, sinceT0 } from "../src/engine/time.js";

const PARIS = "Europe/Paris";

describe("dueTime", () => {
  const t0 = new Date("2026-05-14T16:30:00Z"); // 18:30 in Paris

  it("adds fixed and compound offsets", () => {
    expect(dueTime(t0, "30m", PARIS).toISOString()).toBe("2026-05-14T17:00:00.000Z");
    expect(dueTime(t0, "1d12h", PARIS).toISOString()).toBe("2026-05-16T04:30:00.000Z");
    expect(dueTime(t0, "2w", PARIS).toISOString()).toBe("2026-05-28T16:30:00.000Z");
    expect(dueTime(t0, "-3d", PARIS).toISOString()).toBe("2026-05-11T16:30:00.000Z");
  });

  it("keeps the wall time for days across a DST change, but not for hours", () => {
    // Paris goes from +01:00 to +02:00 on 29 March 2026 at 02:00
    const before = new Date("2026-03-28T17:00:00Z"); // 18:00 local
    expect(dueTime(before, "1d", PARIS).toISOString()).toBe("2026-03-29T16:00:00.000Z"); // 18:00 local
    expect(dueTime(before, "24h", PARIS).toISOString()).toBe("2026-03-29T17:00:00.000Z"); // 19:00 local
  });

  it("clamps months to the end of shorter months, in the incident's calendar", () => {
    const jan31 = new Date("2026-01-31T09:00:00Z"); // 10:00 in Paris
    expect(dueTime(jan31, "1mo", PARIS).toISOString()).toBe("2026-02-28T09:00:00.000Z");
    expect(dueTime(jan31, "1y", PARIS).toISOString()).toBe("2027-01-31T09:00:00.000Z");
    // 00:30 on 31 Jan in Paris is still 30 Jan in UTC: the calendar is the incident's
    const late = new Date("2026-01-30T23:30:00Z");
    expect(dueTime(late, "1mo", PARIS).toISOString()).toBe("2026-02-27T23:30:00.000Z");
  });

  it("refuses what is not an offset", () => {
    expect(() => dueTime(t0, "soon", PARIS)).toThrow();
  });
});

describe("parseTime", () => {
  const t0 = new Date("2026-05-14T16:30:00Z");
  it.each([
    ["2026-05-14T18:30:00Z", "2026-05-14T18:30:00.000Z"],
    ["2026-05-14T18:30+02:00", "2026-05-14T16:30:00.000Z"],
    ["2026-05-14T18:30", "2026-05-14T16:30:00.000Z"],
    ["2026-05-14 18:30", "2026-05-14T16:30:00.000Z"],
    ["2026-12-14 18:30", "2026-12-14T17:30:00.000Z"],
    ["T+25h", "2026-05-15T17:30:00.000Z"],
    ["T+1d2h", "2026-05-15T18:30:00.000Z"],
    ["T-3d", "2026-05-11T16:30:00.000Z"],
    ["T+30m", "2026-05-14T17:00:00.000Z"],
  ])("reads %s", (text, iso) => {
    expect(parseTime(text, { timeZone: PARIS, t0 })?.toISOString()).toBe(iso);
  });

  it.each(["now", "yesterday", "2026-02-31 10:00", "2026-05-14 25:00", "T+soon", "", "14/05/2026"])("does not read %j", (text) => {
    expect(parseTime(text, { timeZone: PARIS, t0 })).toBeUndefined();
  });

  it("needs T0 for relative times", () => {
    expect(parseTime("T+1h", { timeZone: PARIS })).toBeUndefined();
  });
});

describe("sinceT0", () => {
  const t0 = new Date("2026-05-14T16:30:00Z");
  const at = (ms: number) => new Date(t0.getTime() + ms);
  const M = 60_000;
  const H = 60 * M;
  const D = 24 * H;
  it.each([
    [0, "T+0h00"],
    [5 * M, "T+0h05"],
    [2 * H + 15 * M + 59_000, "T+2h15"],
    [2 * H, "T+2h"],
    [3 * D + 4 * H + 10 * M, "T+3d4h"],
    [3 * D, "T+3d"],
    [15 * D + 5 * H, "T+2w1d"],
    [14 * D, "T+2w"],
    [-H, "T-1h"],
    [-30 * M, "T-0h30"],
  ])("%d ms after T0 is %s", (ms, text) => {
    expect(sinceT0(t0, at(ms))).toBe(text);
  });
});

describe("formatTime", () => {
  const date = new Date("2026-05-14T16:30:00Z");
  it("formats in the incident's zone and language", () => {
    expect(formatTime(date, PARIS, "en", "clock")).toBe("18:30");
    expect(formatTime(date, PARIS, "en", "day")).toBe("Thu 14 May, 18:30");
    expect(formatTime(date, PARIS, "en", "full")).toBe("Thursday 14 May 2026, 18:30");
    expect(formatTime(date, PARIS, "fr", "day")).toBe("jeu. 14 mai, 18:30");
    expect(formatTime(date, PARIS, "fr", "full")).toBe("jeudi 14 mai 2026 à 18:30");
    expect(formatTime(date, "America/New_York", "en", "clock")).toBe("12:30");
  });
});

describe("isTimeZone", () => {
  it("knows real zones", () => {
    expect(isTimeZone("Europe/Paris")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });
});
