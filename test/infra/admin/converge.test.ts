/**
 * The admin password converged on a running broker: the pure decision (which known password to
 * change it with), and the AdminCredential provider against a broker stand-in that accepts only
 * the admin's current password.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decideConverge, type LoginAnswer, tagsOf } from "../../../infra/admin/converge";
import { ADMIN_CREDENTIAL_KIND, adminCredentialProvider, type AdminCredentialProps, renameRefusal } from "../../../infra/admin/resource";
import { type FakeBroker, startFakeBroker } from "./fakeBroker";

describe("decideConverge", () => {
  it.each<[string, LoginAnswer[], ReturnType<typeof decideConverge>]>([
    ["the desired password is accepted: nothing to do", ["accepted"], { kind: "in-sync" }],
    ["the previous one is accepted: change with it", ["refused", "accepted"], { kind: "change", using: 1 }],
    ["only the bootstrap one is accepted: change with it", ["refused", "refused", "accepted"], { kind: "change", using: 2 }],
    ["none is accepted: locked out", ["refused", "refused", "refused"], { kind: "locked-out" }],
    ["nothing tried: locked out", [], { kind: "locked-out" }],
  ])("%s", (_name, answers, expected) => {
    expect(decideConverge(answers)).toEqual(expected);
  });
});

describe("tagsOf", () => {
  it.each([
    [{ tags: ["administrator", "monitoring"] }, "administrator,monitoring"],
    [{ tags: "administrator" }, "administrator"],
    [{}, "administrator"],
  ])("%j -> %s", (user, tags) => expect(tagsOf(user)).toBe(tags));
});

describe("the AdminCredential provider", () => {
  let broker: FakeBroker;
  beforeEach(async () => {
    broker = await startFakeBroker("admin", "bootstrap");
  });
  afterEach(() => broker.close());
  const props = (password: string, username = "admin"): AdminCredentialProps => ({
    kind: ADMIN_CREDENTIAL_KIND,
    login: { endpoint: broker.endpoint, username },
    password,
    bootstrapPassword: "bootstrap",
  });

  it("on create, moves the broker from the bootstrap password to the desired one", async () => {
    await adminCredentialProvider.create(props("first"));
    expect(broker.password).toBe("first");
    expect(broker.requests.filter((r) => r.startsWith("PUT"))).toEqual(["PUT /api/users/admin"]);
  });

  it("on update, changes the password authenticating with the previous one, and only then returns", async () => {
    broker.password = "first";
    await adminCredentialProvider.update!("admin", props("first"), props("second"));
    expect(broker.password).toBe("second");
    // The new password is checked after the change: the last call logs in with it.
    expect(broker.requests.at(-1)).toBe("GET /api/whoami");
  });

  it("changes nothing when the broker already has the desired password", async () => {
    broker.password = "second";
    await adminCredentialProvider.update!("admin", props("first"), props("second"));
    expect(broker.requests).toEqual(["GET /api/whoami"]);
  });

  it("says how to get back in when no known password is accepted", async () => {
    broker.password = "set-by-hand";
    await expect(adminCredentialProvider.update!("admin", props("first"), props("second"))).rejects.toThrow(
      `the management API at ${broker.endpoint} refuses all 3 known passwords of the admin user "admin" (the desired one, the previous one, the bootstrap one). ` +
        "Set it by hand on any node (docker exec <node> rabbitmqctl change_password admin '<rabbitmq-ha:adminPassword>') and run the update again.",
    );
    expect(broker.password).toBe("set-by-hand");
  });

  it("diffs a new password as an in-place update, never a replacement", async () => {
    expect(await adminCredentialProvider.diff!("admin", props("first"), props("second"))).toEqual({ changes: true, replaces: [] });
    expect(await adminCredentialProvider.diff!("admin", props("first"), props("first"))).toEqual({ changes: false, replaces: [] });
  });

  it("refuses to rename the admin user", async () => {
    await expect(adminCredentialProvider.diff!("admin", props("first"), props("first", "root"))).rejects.toThrow(renameRefusal("admin", "root"));
    expect(renameRefusal("admin", "root")).toBe(
      'cluster.adminUser changed from "admin" to "root" on a deployed cluster: RabbitMQ creates the admin user only when a blank node first boots, so the new name would never exist. Keep "admin" (create other users in the topology instead).',
    );
  });
});
