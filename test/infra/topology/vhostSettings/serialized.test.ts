/**
 * The VhostSettings provider as the engine runs it: construct the resource under mocks (which
 * serializes the provider, as `npm run render` and `pulumi up` do), load the serialized text
 * as a module the way the dynamic-provider host does, and drive create/diff/update/delete with
 * the recorded inputs against a fake management API.
 */
import Module from "node:module";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { VhostSettingsProps } from "../../../../infra/topology/vhostSettings/resource";
import { topology, vhost } from "../../../model/derive/fixtures";
import { runTopology } from "../harness";
import { type FakeManagement, startFakeManagement } from "./fakeManagement";

let broker: FakeManagement;
beforeEach(async () => {
  broker = await startFakeManagement("admin", "pw", ["SALE_VHOST"]);
});
afterEach(() => broker.close());

/** Secrets reach a provider unwrapped; the mocks hand them over wrapped. */
function unwrapSecrets(value: unknown): any {
  if (Array.isArray(value)) return value.map(unwrapSecrets);
  if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if ("4dabf18193072939515e22adb298388d" in o) return unwrapSecrets(o.value);
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, unwrapSecrets(v)]));
  }
  return value;
}

function loadSerializedProvider(text: string): any {
  const mod = new Module("serialized-vhost-settings-provider");
  (mod as any)._compile(text, "serialized-vhost-settings-provider.js");
  return mod.exports.handler();
}

describe("the serialized VhostSettings provider", () => {
  it("applies, diffs, updates and reverts the settings", async () => {
    const run = await runTopology((pulumi) => ({
      topology: topology({ vhosts: [vhost({ tracing: true, maxQueues: 200, description: "Sale" })], exchanges: [], queues: [], bindings: [] }),
      safety: { protectQueues: false, retainQueuesOnDelete: false },
      version: "4.1",
      managementEndpoint: broker.endpoint,
      adminUser: "admin",
      adminPassword: pulumi.secret("pw"),
      userPasswords: {},
      dependsOn: [],
    }));
    const [recorded] = run.ofType("pulumi-nodejs:dynamic/rabbitmq-ha:VhostSettings");
    const { __provider: text, ...wrapped } = recorded!.inputs;
    const provider = loadSerializedProvider(text);
    const inputs: VhostSettingsProps = unwrapSecrets(wrapped);
    expect(inputs).toEqual({
      kind: "rabbitmq-ha:VhostSettings",
      connection: { endpoint: broker.endpoint, username: "admin", password: "pw" },
      settings: { vhost: "SALE_VHOST", description: "Sale", tracing: true, maxQueues: 200 },
    });

    expect(await provider.create(inputs)).toEqual({ id: "SALE_VHOST", outs: inputs });
    expect([broker.vhosts.get("SALE_VHOST"), broker.limits.get("SALE_VHOST")]).toEqual([{ description: "Sale", tracing: true }, { "max-queues": 200 }]);

    const off = { ...inputs, settings: { ...inputs.settings, tracing: false } };
    expect(await provider.diff("SALE_VHOST", inputs, off)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: true });
    expect(await provider.diff("SALE_VHOST", inputs, JSON.parse(JSON.stringify(inputs)))).toEqual({ changes: false, replaces: [], deleteBeforeReplace: true });
    await provider.update("SALE_VHOST", inputs, off);
    expect(broker.vhosts.get("SALE_VHOST")).toEqual({ description: "Sale", tracing: false });

    await provider.delete("SALE_VHOST", off);
    expect([broker.vhosts.get("SALE_VHOST"), broker.limits.get("SALE_VHOST")]).toEqual([{ description: "", tracing: false }, {}]);
  });
});
