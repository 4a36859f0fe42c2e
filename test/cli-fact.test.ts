import { beforeAll, describe, expect, it } from "vitest";
import { startIncident, type StartedIncident } from "./helpers/incident.js";

interface JsonFact {
  id: string;
  value: unknown;
  confirmed: boolean;
  confirmedBy: string | null;
  public: boolean;
  sensitive: string | null;
}

describe("respond fact (built binary)", () => {
  let incident: StartedIncident;
  const fact = (...args: string[]) => incident.run("fact", ...args);
  const listed = async (): Promise<Record<string, JsonFact>> => {
    const r = await fact("list", "--json");
    expect(r.code, r.stderr).toBe(0);
    return Object.fromEntries((JSON.parse(r.stdout) as JsonFact[]).map((f) => [f.id, f]));
  };

  beforeAll(async () => {
    incident = await startIncident({ answers: "city: Lyon\nat: 2026-05-14 18:30\ntimezone: Europe/Paris\nfacts:\n  mayor_name: A. Martin\n  location: the market\n" });
  });

  it("sets a fact unconfirmed, then confirms it; each change is one journal event", async () => {
    const before = incident.journal().length;
    const set = await fact("set", "victims_count", "3");
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain("not confirmed");
    expect(set.stdout).toContain("respond fact confirm victims_count");
    expect((await listed()).victims_count).toMatchObject({ value: 3, confirmed: false });

    const confirm = await fact("confirm", "victims_count", "--by", "Prefecture");
    expect(confirm.code, confirm.stderr).toBe(0);
    expect(confirm.stdout).toContain("confirmed by Prefecture");
    expect((await listed()).victims_count).toMatchObject({ value: 3, confirmed: true, confirmedBy: "Prefecture" });

    const events = incident.journal();
    expect(events.length).toBe(before + 2);
    expect(events.at(-1)).toMatchObject({ type: "fact.confirmed", by: "Jo Dupont", data: { fact: "victims_count", by: "Prefecture" } });
  });

  it("the city's own information (confirm: false) is confirmed by whoever sets it, unless --confirmed-by says who", async () => {
    const set = await fact("set", "mayor_name", "B. Durand", "--by", "Sam Leroy");
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain("confirmed by Sam Leroy");
    expect((await listed()).mayor_name).toMatchObject({ value: "B. Durand", confirmed: true, confirmedBy: "Sam Leroy" });
    expect((await fact("set", "mayor_name", "B. Durand", "--confirmed-by", "Town clerk")).code).toBe(0);
    expect((await listed()).mayor_name).toMatchObject({ confirmed: true, confirmedBy: "Town clerk" });
    // a fact about the incident itself still waits for someone to vouch for it
    expect((await fact("set", "location", "the station")).code).toBe(0);
    expect((await listed()).location).toMatchObject({ value: "the station", confirmed: false });
  });

  it("a new value takes the confirmation away unless it comes confirmed", async () => {
    expect((await fact("set", "victims_count", "4")).code).toBe(0);
    expect((await listed()).victims_count).toMatchObject({ value: 4, confirmed: false });
    expect((await fact("set", "victims_count", "4", "--confirmed-by", "Police")).code).toBe(0);
    expect((await listed()).victims_count).toMatchObject({ value: 4, confirmed: true, confirmedBy: "Police" });
  });

  it("lists built-in facts as known, and a list value as a list", async () => {
    expect((await fact("set", "victim_names", "A. B.; C. D.")).code).toBe(0);
    const all = await listed();
    expect(all.city).toMatchObject({ value: "Lyon", confirmed: true });
    expect(all.victim_names).toMatchObject({ value: ["A. B.", "C. D."], sensitive: "victims" });
    const text = await fact("list");
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/victims_count[\s\S]*4\s+confirmed by Police/);
  });

  it.each([
    [["set", "victims_count", "three"], /must be a number/],
    [["set", "victim_count", "3"], /Did you mean 'victims_count'/],
    [["set", "city", "Paris"], /fixed when the incident is opened/],
    [["set", "severity", "medium"], /must be one of: low, high/],
    [["confirm", "vigil_date", "--by", "Mayor"], /has no value yet/],
    [["set", "location", "x", "--confirmed-by", " "], /who confirmed it/],
  ])("refuses %j with exit 2 and a plain message", async (args, message) => {
    const r = await fact(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\bat .*\.(js|ts):\d+/);
  });

  it("speaks French with --lang fr", async () => {
    const r = await fact("set", "location", "le marché", "--lang", "fr");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("pas encore confirmé");
  });
});
