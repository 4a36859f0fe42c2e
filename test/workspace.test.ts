import { chmodSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createWorkspace, findWorkspace, listWorkspaces, openWorkspace, workspaceName } from "../src/workspace/workspace.js";
import { tempDir } from "./helpers/cli.js";
import { sampleIncident } from "./helpers/incident.js";

const incident = sampleIncident();

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe("workspace", () => {
  it("creates a private folder with incident.yaml and an empty journal, and opens it", async () => {
    const dir = join(tempDir(), "incidents", "2026-05-14-lyon");
    await createWorkspace(dir, incident);
    expect(mode(dir)).toBe("700");
    expect(mode(join(dir, "incident.yaml"))).toBe("600");
    expect(mode(join(dir, "journal.jsonl"))).toBe("600");
    expect(readFileSync(join(dir, "journal.jsonl"), "utf8")).toBe("");
    expect(readFileSync(join(dir, "incident.yaml"), "utf8")).toMatch(/^# respond incident workspace[\s\S]*\nformat: 1\n/);
    expect(await openWorkspace(dir)).toEqual({ dir, incident, warnings: [] });
  });

  it("refuses to write over an incident or into a non-empty folder", async () => {
    const dir = tempDir();
    await createWorkspace(dir, incident);
    const before = readFileSync(join(dir, "incident.yaml"), "utf8");
    await expect(createWorkspace(dir, { ...incident, city: "Paris" })).rejects.toMatchObject({
      code: "usage",
      message: expect.stringContaining("already holds an incident"),
      hint: expect.stringContaining("--dir"),
    });
    expect(readFileSync(join(dir, "incident.yaml"), "utf8")).toBe(before);
    const other = tempDir();
    writeFileSync(join(other, "notes.txt"), "mine");
    await expect(createWorkspace(other, incident)).rejects.toMatchObject({ code: "usage", message: expect.stringContaining("not empty") });
  });

  it("tightens permissions that let others read, and says so", async () => {
    const dir = tempDir();
    await createWorkspace(dir, incident);
    chmodSync(dir, 0o755);
    chmodSync(join(dir, "journal.jsonl"), 0o644);
    const { warnings } = await openWorkspace(dir);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("journal.jsonl");
    expect(warnings[0]).toContain("limited to you");
    expect(mode(dir)).toBe("700");
    expect(mode(join(dir, "journal.jsonl"))).toBe("600");
    expect(mode(join(dir, "incident.yaml"))).toBe("600");
    expect((await openWorkspace(dir)).warnings).toEqual([]);
  });

  it("reports an invalid incident.yaml with file:line:col", async () => {
    const dir = tempDir();
    await createWorkspace(dir, incident);
    const path = join(dir, "incident.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace("timeZone: Europe/Paris", "timeZone: Mars/Olympus").replace("format: 1", "format: 2"));
    const error = (await openWorkspace(dir).catch((e: unknown) => e)) as { code: string; issues: { path: string; line: number; col: number; file: string }[] };
    expect(error.code).toBe("invalid-input");
    const lines = readFileSync(path, "utf8").split("\n");
    const lineOf = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix)) + 1;
    expect(error.issues.map((i) => [i.path, i.line, i.col])).toEqual([
      ["format", lineOf("format:"), 9],
      ["timeZone", lineOf("timeZone:"), 11],
    ]);
    expect(error.issues[0]!.file).toBe(path);
  });

  it("says when a folder holds no incident, or has lost its journal", async () => {
    await expect(openWorkspace(tempDir())).rejects.toMatchObject({ code: "usage" });
    const dir = tempDir();
    await createWorkspace(dir, incident);
    unlinkSync(join(dir, "journal.jsonl"));
    await expect(openWorkspace(dir)).rejects.toMatchObject({ code: "damaged" });
  });

  it("finds the workspace at or above the current folder, or the only one in ./incidents", async () => {
    const root = tempDir();
    expect(await findWorkspace(root)).toBeUndefined();
    const first = join(root, "incidents", "2026-05-14-lyon");
    await createWorkspace(first, incident);
    mkdirSync(join(first, "drafts"));
    expect(await findWorkspace(join(first, "drafts"))).toBe(first);
    expect(await findWorkspace(root)).toBe(first);
    const second = join(root, "incidents", "2026-06-01-paris");
    await createWorkspace(second, incident);
    mkdirSync(join(root, "incidents", "not-an-incident"));
    expect(await findWorkspace(root)).toBeUndefined();
    expect(await listWorkspaces(root)).toEqual([first, second]);
  });

  it("names a workspace from the local date and the city", () => {
    // 00:30 on 15 May in Paris is still 14 May in UTC: the local date counts
    expect(workspaceName(new Date("2026-05-14T22:30:00Z"), "Lyon", "Europe/Paris")).toBe("2026-05-15-lyon");
    expect(workspaceName(new Date("2026-05-14T16:30:00Z"), "Saint-Étienne du Rouvray", "Europe/Paris")).toBe("2026-05-14-saint-etienne-du-rouvray");
    expect(workspaceName(new Date("2026-05-14T16:30:00Z"), "  ", "Europe/Paris")).toBe("2026-05-14-incident");
  });
});
