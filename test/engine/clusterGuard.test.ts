/**
 * The cluster guard through the offline engine: the real program previewed against a state that
 * holds only the guard as an earlier `up` left it. A changed cookie fails the preview itself with
 * the guard's message (so `up`, which previews first, changes nothing); with the opt-in, or the
 * same cookie, it goes through. Preview only: nothing touches Docker or a broker.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { NO_OPTIONS } from "../../cli/lib/resourceOptions";
import { preview } from "../../engine/commands";
import { StateStore } from "../../engine/state/store";
import { CLUSTER_GUARD_KIND, cookieHashOf } from "../../infra/cluster/guard/resource";
import { cookieRefusal } from "../../infra/cluster/guard/verdict";

import { exampleProject } from "../cli/lib/fixtureProject";
import { readStackConfig } from "../../cli/lib/stackConfig";

// The frozen example project (not the shipped stacks: a user's edits must not break `npm test`).
const projectDir = exampleProject({ program: true });
const STACK = "modern";
let stateDir: string;

beforeEach(() => {
  stateDir = mkdtempSync(path.join(tmpdir(), "guard-state-"));
});

const options = (cookie: string, extra: Record<string, unknown> = {}) => ({
  projectDir,
  stack: STACK,
  stateDir,
  log: () => undefined,
  config: { "rabbitmq-ha:erlangCookie": cookie, "rabbitmq-ha:adminPassword": "admin-pw", ...extra },
});

/** The state an earlier `up` with `cookie` leaves for the guard (found by its URN in a first preview). */
async function deployedGuard(cookie: string): Promise<void> {
  const first = await preview(options(cookie));
  const step = first.steps.find((s) => s.name === "cluster-guard");
  if (!step) throw new Error("the program declares no cluster-guard");
  const props = {
    kind: CLUSTER_GUARD_KIND,
    cookieHash: cookieHashOf(cookie),
    allowCookieRotation: false,
    version: "4.1",
    login: { endpoint: "http://172.28.9.220:15672", username: "admin" },
    passwords: ["admin-pw"],
  };
  new StateStore(stateDir).save({
    version: 1,
    stack: STACK,
    resources: [{ urn: step.urn, type: step.type, name: step.name, custom: true, id: "cluster-guard", inputs: props, outputs: props, secretPaths: ["cookieHash", "passwords"], dependencies: [], options: NO_OPTIONS }],
    outputs: {},
    secretOutputs: [],
  });
}

describe("the cluster guard in a preview", () => {
  it("fails the preview when the cookie changed, with what a rotation takes", async () => {
    await deployedGuard("OLD-COOKIE");
    await expect(preview(options("NEW-COOKIE"))).rejects.toThrow(cookieRefusal());
  }, 120_000);

  it("lets the cookie change through with the stack's opt-in", async () => {
    await deployedGuard("OLD-COOKIE");
    const plan = await preview(options("NEW-COOKIE", { "rabbitmq-ha:cluster": { ...modernCluster(), allowCookieRotation: true } }));
    expect(plan.steps.find((s) => s.name === "cluster-guard")?.kind).toBe("update");
  }, 120_000);

  it("lets the same cookie through (the guard updates only for the admin passwords this state lacks)", async () => {
    await deployedGuard("SAME-COOKIE");
    const plan = await preview(options("SAME-COOKIE"));
    expect(plan.steps.find((s) => s.name === "cluster-guard")?.kind).toBe("update");
  }, 120_000);
});

function modernCluster(): Record<string, unknown> {
  // The stack file's cluster, as the runner passes overrides (objects parsed).
  return JSON.parse(readStackConfig(projectDir, STACK).config["rabbitmq-ha:cluster"] ?? "{}") as Record<string, unknown>;
}
