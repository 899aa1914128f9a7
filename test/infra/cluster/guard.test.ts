/**
 * The cluster guard's refusals: a cookie change without the stack's opt-in, a downgrade, a major
 * upgrade whose preconditions the broker does not meet (pure over the API's answers, then the
 * provider asking a broker stand-in). A refusal throws from `diff`, so a preview fails too.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POLICY_KEYS } from "../../../model/policyKeys";
import { CLUSTER_GUARD_KIND, type ClusterGuardProps, clusterGuardProvider, cookieHashOf } from "../../../infra/cluster/guard/resource";
import { cookieRefusal, downgradeRefusal, upgradeBlockers, upgradeRefusal } from "../../../infra/cluster/guard/verdict";
import { type FakeBroker, startFakeBroker } from "../admin/fakeBroker";

let broker: FakeBroker;
beforeEach(async () => {
  broker = await startFakeBroker("admin", "current");
});
afterEach(() => broker.close());

const guard = (over: Partial<ClusterGuardProps> = {}): ClusterGuardProps => ({
  kind: CLUSTER_GUARD_KIND,
  cookieHash: cookieHashOf("COOKIE"),
  allowCookieRotation: false,
  version: "3.13",
  login: { endpoint: broker.endpoint, username: "admin" },
  passwords: ["desired", "bootstrap"],
  ...over,
});
const diff = (olds: ClusterGuardProps, news: ClusterGuardProps) => clusterGuardProvider.diff!("cluster-guard", olds, news);
const stable = (name: string) => ({ name, state: "enabled", stability: "stable" });

describe("the Erlang cookie", () => {
  it("is kept only as a hash", () => {
    expect(cookieHashOf("COOKIE")).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(guard())).not.toContain("COOKIE");
  });

  it("changed without the opt-in: refused, saying what a rotation takes", async () => {
    await expect(diff(guard(), guard({ cookieHash: cookieHashOf("NEW") }))).rejects.toThrow(cookieRefusal());
    expect(cookieRefusal()).toBe(
      [
        "rabbitmq-ha:erlangCookie changed on a running cluster: refused, nothing was changed.",
        "Nodes with different cookies cannot talk to each other, so no node can restart with the new cookie while another still runs with the old one:",
        "a cookie rotation takes a planned full stop of every node (a full outage for clients).",
        "To rotate it: plan the outage, set rabbitmq-ha:cluster.allowCookieRotation: true, run the update (every node container is replaced), then set it back to false.",
        "Otherwise restore the previous cookie.",
      ].join("\n"),
    );
  });

  it("changed with the opt-in: an update, never a replacement", async () => {
    expect(await diff(guard(), guard({ cookieHash: cookieHashOf("NEW"), allowCookieRotation: true }))).toEqual({ changes: true, replaces: [] });
  });

  it("unchanged: no change, and the broker is not asked", async () => {
    expect(await diff(guard(), guard())).toEqual({ changes: false, replaces: [] });
    expect(broker.requests).toEqual([]);
  });
});

describe("versions", () => {
  it.each([
    ["4.1", "4.0"],
    ["4.0", "3.13"],
  ])("%s -> %s is a refused downgrade", async (from, to) => {
    await expect(diff(guard({ version: from }), guard({ version: to }))).rejects.toThrow(downgradeRefusal(from, to)!);
  });

  it("a minor upgrade rolls like any node change: the broker is not asked", async () => {
    expect(await diff(guard({ version: "3.12" }), guard({ version: "3.13" }))).toEqual({ changes: true, replaces: [] });
    expect(broker.requests).toEqual([]);
  });

  it("a major upgrade with every precondition met goes ahead, asked with whichever known password works", async () => {
    broker.featureFlags = [stable("quorum_queue"), { name: "khepri_db", state: "disabled", stability: "experimental" }];
    broker.policies = [{ vhost: "/", name: "limits", definition: { "max-length": 10 } }];
    expect(await diff(guard({ passwords: ["current"] }), guard({ version: "4.0" }))).toEqual({ changes: true, replaces: [] });
    expect(broker.requests.filter((r) => !r.includes("whoami"))).toEqual(["GET /api/policies", "GET /api/policies", "GET /api/policies", "GET /api/feature-flags", "GET /api/feature-flags", "GET /api/feature-flags"]);
  });

  it("a major upgrade with mirroring policies and disabled flags is refused, with the steps", async () => {
    broker.policies = [{ vhost: "SALE", name: "ha-all", definition: { "ha-mode": "all" } }];
    broker.featureFlags = [stable("quorum_queue"), { name: "stream_queue", state: "disabled", stability: "stable" }];
    const from = guard({ version: "3.13", passwords: ["current"] });
    await expect(diff(from, guard({ version: "4.0" }))).rejects.toThrow(
      [
        "cluster.version 3.13 -> 4.0 is a major upgrade: refused until its preconditions hold, nothing was changed:",
        "  - classic mirroring policies still exist (ha-all in vhost SALE): 4.0 removed mirroring; move those queues to quorum queues, then remove the ha-* keys from the policies and update first",
        "  - feature flags not enabled: stream_queue: run rabbitmqctl enable_feature_flag all on any node first",
      ].join("\n"),
    );
  });
});

describe("upgradeBlockers", () => {
  const none = { policies: [], featureFlags: [] };
  it.each<[string, string, string, Parameters<typeof upgradeBlockers>[2], string[]]>([
    ["all met", "3.13", "4.0", { policies: [], featureFlags: [stable("a")] }, []],
    ["not from 3.13", "3.10", "4.3", none, ['the cluster runs 3.10; 4.3 upgrades only from 3.13: set version "3.13" (and its image) and update first, then 4.3']],
    ["an operator-style limit policy is fine", "3.13", "4.0", { policies: [{ vhost: "/", name: "p", definition: { "message-ttl": 1 } }], featureFlags: [] }, []],
    ["an experimental flag may stay off", "3.13", "4.0", { policies: [], featureFlags: [{ name: "khepri_db", state: "disabled", stability: "experimental" }] }, []],
  ])("%s", (_name, from, to, facts, expected) => {
    expect(upgradeBlockers(from, to, facts)).toEqual(expected);
  });

  it("knows every classic mirroring key the model knows (all start with ha-)", () => {
    const mirroring = Object.entries(POLICY_KEYS).filter(([, spec]) => spec.mirroring).map(([key]) => key);
    expect(mirroring.length).toBeGreaterThan(0);
    for (const key of mirroring) expect(upgradeBlockers("3.13", "4.0", { policies: [{ vhost: "/", name: "p", definition: { [key]: "x" } }], featureFlags: [] })).toHaveLength(1);
  });

  it("writes the refusal as a list", () => {
    expect(upgradeRefusal("3.13", "4.0", ["a", "b"])).toBe("cluster.version 3.13 -> 4.0 is a major upgrade: refused until its preconditions hold, nothing was changed:\n  - a\n  - b");
  });
});
