/**
 * The offline engine's update semantics on a real program run (test/engine/fixtures/lifecycle:
 * random resources only, no Docker), against a real state file, run again with changed config.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { PlanError, preview, up } from "../../engine/commands";
import { StateStore } from "../../engine/state/store";
import type { Step } from "../../engine/types";

const projectDir = path.join(__dirname, "fixtures", "lifecycle");
let stateDir: string;
let journal: string;

function options(shape: Record<string, unknown> = {}) {
  return { projectDir, stack: "lifecycle", stateDir, config: { "lifecycle:journal": journal, "lifecycle:shape": shape } };
}

const journalLines = (): string[] => readFileSync(journal, "utf8").split("\n").filter(Boolean);
const clearJournal = (): void => writeFileSync(journal, "");
const planned = (steps: readonly Step[]): string[] => steps.filter((s) => s.kind !== "same" && s.custom).map((s) => `${s.kind} ${s.name}`).sort();

beforeEach(() => {
  stateDir = mkdtempSync(path.join(tmpdir(), "engine-state-"));
  journal = path.join(stateDir, "journal");
  writeFileSync(journal, "");
});

describe("offline engine: a second run of the program", () => {
  it("creates everything once, then plans nothing for the same config", async () => {
    const first = await up(options());
    // Nine resources (the mock monitor registers no Stack resource and no default provider).
    expect(first.applied.counts.create).toBe(9);
    const again = await preview(options());
    expect(planned(again.steps)).toEqual([]);
    expect(again.counts).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0 });
  });

  it("keeps secrets in state sealed: the state file never holds them in clear", async () => {
    const { applied } = await up(options());
    const secret = String(applied.revealedOutputs["secret"]);
    expect(applied.outputs["secret"]).toBe("[secret]");
    const file = readFileSync(new StateStore(stateDir).fileOf("lifecycle"), "utf8");
    expect(file).not.toContain(secret);
    expect(new StateStore(stateDir).load("lifecycle").resources.find((r) => r.name === "secret")?.outputs["result"]).toBe(secret);
  });

  it("replaces delete-before-replace with the dependents that would be replaced, deleted first", async () => {
    await up(options());
    clearJournal();
    const { plan, applied } = await up(options({ rootLength: 9, rootDbr: true }));
    expect(planned(plan.steps)).toEqual(["replace child", "replace follower", "replace root"]);
    expect(plan.steps.find((s) => s.name === "child")?.reasons[0]).toMatch(/^keepers depends on root, replaced delete-before-replace/);
    expect(applied.counts.replace).toBe(3);
    const lines = journalLines();
    // Dependents' deletes, then root's delete, then root's create, then the dependents' creates.
    expect(lines.indexOf("afterDelete child")).toBeLessThan(lines.indexOf("beforeDelete root"));
    expect(lines.indexOf("afterDelete follower")).toBeLessThan(lines.indexOf("beforeDelete root"));
    expect(lines.indexOf("afterDelete root")).toBeLessThan(lines.indexOf("beforeCreate root"));
    expect(lines.indexOf("afterCreate root")).toBeLessThan(lines.indexOf("beforeCreate child"));
    expect(lines).not.toContain("beforeDelete sibling");
  });

  it("replaces create-before-delete by default: the old copy is deleted after everything else", async () => {
    await up(options());
    clearJournal();
    await up(options({ rootLength: 9 }));
    const lines = journalLines();
    expect(lines.indexOf("afterCreate root")).toBeLessThan(lines.indexOf("beforeDelete root"));
    expect(lines.indexOf("afterCreate follower")).toBeLessThan(lines.indexOf("beforeDelete root"));
    expect(lines.at(-1)).toMatch(/^afterDelete /);
  });

  it("deletes what the program no longer declares, dependents before what they depend on", async () => {
    await up(options());
    clearJournal();
    const { plan } = await up(options({ extra: false, kept: false }));
    expect(planned(plan.steps)).toEqual(["delete extra", "delete kept", "delete with-extra"]);
    const lines = journalLines();
    expect(lines.indexOf("afterDelete with-extra")).toBeLessThan(lines.indexOf("beforeDelete extra"));
    expect(new StateStore(stateDir).load("lifecycle").resources.map((r) => r.name)).not.toContain("kept");
  });

  it("refuses, at preview and before any step, to replace or delete a protected resource", async () => {
    await up(options({ guardedProtect: true }));
    const before = readFileSync(new StateStore(stateDir).fileOf("lifecycle"), "utf8");
    await expect(up(options({ guardedProtect: true, guardedLength: 5, rootLength: 9 }))).rejects.toThrow(PlanError);
    await expect(up(options({ guardedProtect: true, guarded: false }))).rejects.toThrow(/cannot be deleted\nbecause it is protected/);
    expect(readFileSync(new StateStore(stateDir).fileOf("lifecycle"), "utf8")).toBe(before);
    // Unprotecting and replacing in one run is allowed (the engine asks for both old and new protect).
    const { plan } = await up(options({ guardedProtect: false, guardedLength: 5 }));
    expect(planned(plan.steps)).toEqual(["replace guarded"]);
  });

  it("refuses deletes whose hooks the program no longer registers", async () => {
    await up(options());
    const result = await preview(options({ extra: false, registerDeleteHook: false }));
    expect(result.errors).toContain('urn:pulumi:lifecycle::lifecycle::random:index/randomString:RandomString::extra: hook "journal-before-delete" was not registered');
  });

  it("stops at a failing before-hook, keeps what was done in state, and the next run finishes it", async () => {
    await up(options());
    await expect(up(options({ rootLength: 9, rootDbr: true, failBeforeCreate: true }))).rejects.toThrow(/before hook ".*" failed: not now/);
    const state = new StateStore(stateDir).load("lifecycle");
    expect(state.resources.map((r) => r.name)).not.toContain("root"); // deleted, not re-created
    const { plan } = await up(options({ rootLength: 9, rootDbr: true }));
    expect(planned(plan.steps)).toContain("create root");
    expect(planned(await preview(options({ rootLength: 9, rootDbr: true })).then((p) => p.steps))).toEqual([]);
  });
});
