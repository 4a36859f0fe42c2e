import { chmodSync, copyFileSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadPlaybook } from "../src/playbook/load.js";
import type { ResolvedPlaybook } from "../src/playbook/types.js";
import { incidentYaml, parseIncident } from "../src/workspace/incident.js";
import { quickIncident } from "../src/workspace/incident-quick.js";
import { incidentPlaybook, readSnapshot, SNAPSHOT_FILE } from "../src/workspace/snapshot.js";
import { createWorkspace, openWorkspace, type Incident } from "../src/workspace/workspace.js";
import { ROOT, tempDir } from "./helpers/cli.js";
import { CITY_RESPONSE_ANSWERS, sampleIncident, startIncident } from "./helpers/incident.js";

const SHIPPED = join(ROOT, "playbooks", "city-response.yaml");
let playbook: ResolvedPlaybook;
let incident: Incident;

beforeAll(async () => {
  playbook = await loadPlaybook(SHIPPED, { cwd: ROOT });
  incident = sampleIncident({
    id: "b7f0c1de-0000-4000-8000-000000000001",
    playbook: { id: playbook.id, version: playbook.version, hash: playbook.hash, ref: SHIPPED },
  });
});

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe("playbook snapshot", () => {
  it("is written private beside incident.yaml, with its format and the incident's hash, and reads back whole", async () => {
    const dir = join(tempDir(), "incident");
    await createWorkspace(dir, incident, playbook);
    const path = join(dir, SNAPSHOT_FILE);
    expect(mode(path)).toBe("600");
    const data = JSON.parse(readFileSync(path, "utf8"));
    expect(data).toMatchObject({ format: 1, hash: incident.playbook.hash, playbook: { id: "city-response", hash: incident.playbook.hash } });
    const read = await readSnapshot(dir, incident);
    expect(read.status).toBe("ok");
    expect(read.status === "ok" && read.playbook).toStrictEqual(JSON.parse(JSON.stringify(playbook)));
    expect(read.status === "ok" && read.playbook).toEqual(playbook);
  });

  it("refuses a playbook that is not the one the incident names", async () => {
    const dir = join(tempDir(), "incident");
    await expect(createWorkspace(dir, { ...incident, playbook: { ...incident.playbook, hash: "0".repeat(64) } }, playbook)).rejects.toThrow(/not the incident's/);
  });

  it("is used even when the playbook's file is gone", async () => {
    const dir = join(tempDir(), "incident");
    const gone = { ...incident, playbook: { ...incident.playbook, ref: join(tempDir(), "deleted.yaml") } };
    await createWorkspace(dir, gone, playbook);
    const loaded = await incidentPlaybook(dir, gone, { cwd: dir });
    expect(loaded.from).toBe("snapshot");
    expect(loaded.warnings).toEqual([]);
    expect(loaded.playbook.phases.length).toBe(playbook.phases.length);
  });

  it("an older workspace without one loads the playbook by its ref, quietly", async () => {
    const dir = join(tempDir(), "incident");
    await createWorkspace(dir, incident);
    expect(await readSnapshot(dir, incident)).toEqual({ status: "missing" });
    const loaded = await incidentPlaybook(dir, incident, { cwd: dir });
    expect(loaded).toMatchObject({ from: "ref", warnings: [] });
    expect(loaded.playbook.hash).toBe(incident.playbook.hash);
  });

  const damages: Array<[string, (text: string) => string, RegExp]> = [
    ["cut short", (t) => t.slice(0, t.length / 2), /not complete JSON/],
    ["another format", (t) => t.replace('"format":1', '"format":9'), /format 1/],
    ["another playbook's hash", (t) => t.replaceAll(incident.playbook.hash, "f".repeat(64)), /not the playbook this incident was opened with/],
    ["edited inside", (t) => t.replace("Activate the crisis team", "Activate the team"), /content was changed/],
    ["not a playbook", () => JSON.stringify({ format: 1, hash: incident.playbook.hash, sha256: "x", playbook: [] }), /not the playbook/],
  ];
  for (const [name, damage, why] of damages) {
    it(`when ${name}, falls back to the playbook's file with a calm note`, async () => {
      const dir = join(tempDir(), "incident");
      await createWorkspace(dir, incident, playbook);
      const path = join(dir, SNAPSHOT_FILE);
      writeFileSync(path, damage(readFileSync(path, "utf8")));
      const read = await readSnapshot(dir, incident);
      expect(read.status).toBe("damaged");
      expect(read.status === "damaged" && read.why).toMatch(why);
      const loaded = await incidentPlaybook(dir, incident, { cwd: dir });
      expect(loaded.from).toBe("ref");
      expect(loaded.warnings).toEqual([expect.stringMatching(/^Note: the copy of the playbook saved in this incident folder \(playbook\.json\) cannot be used/)]);
      expect(loaded.playbook.hash).toBe(incident.playbook.hash);
    });
  }

  it("a damaged copy and a missing playbook file: the error says both", async () => {
    const dir = join(tempDir(), "incident");
    const gone = { ...incident, playbook: { ...incident.playbook, ref: join(tempDir(), "deleted.yaml") } };
    await createWorkspace(dir, gone, playbook);
    writeFileSync(join(dir, SNAPSHOT_FILE), "{");
    await expect(incidentPlaybook(dir, gone, { cwd: dir })).rejects.toMatchObject({ code: "usage", hint: expect.stringContaining("playbook.json") });
  });
});

describe("incident.yaml without the full parser", () => {
  const variants = (base: Incident): Incident[] => [
    base,
    ...["Saint-Étienne", "null", "True", "12", "1.5", "0x1F", ".inf", "a: b", "a #b", "L'Haÿ-les-Roses", "New  York", "-x", "é", "/abs/path", "./rel", ".", "~", "~x", "_x", "..", "Québec: centre", 'say "hi"', "back\\slash", " lead", "trail ", "a:b"].map((city) => ({
      ...base,
      city,
    })),
    { ...base, mode: "exercise", lang: "en", timeZone: "+02:00", t0: "2026-05-14T18:30:00+02:00" },
    { ...base, playbook: { ...base.playbook, version: "2", ref: "./my playbooks/city.yaml" } },
  ];

  it("reads what start writes exactly as the full parse does, or leaves it to the full parse", () => {
    let quick = 0;
    for (const v of variants(incident)) {
      const text = `# header\n${incidentYaml(v)}`;
      const fast = quickIncident(text);
      if (fast) quick++;
      if (fast) expect(fast).toStrictEqual(parseIncident(text, "incident.yaml"));
      expect(parseIncident(text, "incident.yaml")).toEqual(v);
    }
    // the usual shapes do take the quick path
    expect(quick).toBeGreaterThan(10);
    expect(quickIncident(incidentYaml(incident))).toStrictEqual(incident);
  });

  it("leaves anything unusual to the full parse, which reports it", async () => {
    const text = incidentYaml(incident);
    const odd = [
      text.replace(/\n/g, "\r\n"),
      `${text}extra: 1\n`,
      text.replace("city: Lyon", "city: Lyon\ncity: Paris"),
      text.replace("format: 1", 'format: "1"'),
      text.replace("lang: fr", "lang: de"),
      text.replace("timeZone: Europe/Paris", "timeZone: Mars/Olympus"),
      text.replace("t0: 2026-05-14T16:30:00.000Z", "t0: 2026-05-14"),
      text.replace("  hash:", "   hash:"),
      text.replace(/ {2}ref: .*\n/, ""),
      `---\n${text}`,
    ];
    for (const t of odd) expect(quickIncident(t)).toBeUndefined();

    const dir = join(tempDir(), "incident");
    await createWorkspace(dir, incident);
    writeFileSync(join(dir, "incident.yaml"), text.replace("lang: fr", "lang: de"));
    chmodSync(join(dir, "incident.yaml"), 0o600);
    await expect(openWorkspace(dir)).rejects.toMatchObject({ code: "invalid-input", issues: [expect.objectContaining({ path: "lang", line: 10 })] });
  });
});

describe("respond start, then the playbook file changes", () => {
  it("status keeps showing the playbook as it was when the incident opened", async () => {
    const cwd = tempDir();
    const source = join(cwd, "my-playbook.yaml");
    copyFileSync(SHIPPED, source);
    const { dir, start, run } = await startIncident({ cwd, playbook: "./my-playbook.yaml", answers: CITY_RESPONSE_ANSWERS, now: "T+1h" });
    expect(start.stderr).toBe("");
    const snapshot = JSON.parse(readFileSync(join(dir, SNAPSHOT_FILE), "utf8"));
    expect(readFileSync(join(dir, "incident.yaml"), "utf8")).toContain(`hash: ${snapshot.hash}`);

    const title = (out: string) => (JSON.parse(out) as { steps: { id: string; title: string }[] }).steps.find((s) => s.id === "activate-crisis-team")?.title;
    writeFileSync(source, readFileSync(source, "utf8").replace("Activate the crisis team", "Renamed later"));
    const edited = await run("status", "--json", "--now", "T+2h");
    expect(edited.code).toBe(0);
    expect(edited.stderr).toBe("");
    expect(title(edited.stdout)).toBe("Activate the crisis team");

    unlinkSync(source);
    const deleted = await run("status", "--json", "--now", "T+2h");
    expect(deleted.code).toBe(0);
    expect(deleted.stderr).toBe("");
    expect(title(deleted.stdout)).toBe("Activate the crisis team");

    const done = await run("done", "activate-crisis-team", "--now", "T+2h", "--by", "tester");
    expect(done.code).toBe(0);
  });

  it("a damaged snapshot: a calm note, and the playbook is read from its file (with the change noted)", async () => {
    const cwd = tempDir();
    const source = join(cwd, "my-playbook.yaml");
    copyFileSync(SHIPPED, source);
    const { dir, run } = await startIncident({ cwd, playbook: "./my-playbook.yaml", answers: CITY_RESPONSE_ANSWERS, now: "T+1h" });
    writeFileSync(join(dir, SNAPSHOT_FILE), "{\"format\":1");
    writeFileSync(source, readFileSync(source, "utf8").replace("Activate the crisis team", "Renamed later"));
    const status = await run("status", "--json", "--now", "T+2h");
    expect(status.code).toBe(0);
    expect(status.stderr).toMatch(/playbook\.json\) cannot be used: it is not complete JSON/);
    expect(status.stderr).toMatch(/has changed since this incident was opened/);
    expect(status.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
