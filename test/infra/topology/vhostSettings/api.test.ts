import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyVhostSettings, deleteVhostSettings } from "../../../../infra/topology/vhostSettings/api";
import { type FakeManagement, startFakeManagement } from "./fakeManagement";

let broker: FakeManagement;
const conn = () => ({ endpoint: `${broker.endpoint}/`, username: "admin", password: "s3cret:pw" });

beforeEach(async () => {
  broker = await startFakeManagement("admin", "s3cret:pw", ["SALE_VHOST", "/"]);
});
afterEach(() => broker.close());

describe("applyVhostSettings", () => {
  it("sets metadata and tracing, then each limit, on the encoded vhost path", async () => {
    await applyVhostSettings(conn(), { vhost: "/", description: "Root", tracing: true, defaultQueueType: "quorum", maxConnections: 500, maxQueues: 200 });
    expect(broker.requests).toEqual([
      { method: "GET", path: "/api/vhosts/%2F", body: undefined },
      { method: "PUT", path: "/api/vhosts/%2F", body: { description: "Root", tracing: true, default_queue_type: "quorum" } },
      { method: "PUT", path: "/api/vhost-limits/%2F/max-connections", body: { value: 500 } },
      { method: "PUT", path: "/api/vhost-limits/%2F/max-queues", body: { value: 200 } },
    ]);
    expect(broker.limits.get("/")).toEqual({ "max-connections": 500, "max-queues": 200 });
  });

  it("removes a limit the model no longer has and tolerates one that was never set", async () => {
    await applyVhostSettings(conn(), { vhost: "SALE_VHOST", description: "", tracing: false, maxConnections: 10, maxQueues: 5 });
    await applyVhostSettings(conn(), { vhost: "SALE_VHOST", description: "", tracing: false, maxQueues: 5 });
    expect(broker.limits.get("SALE_VHOST")).toEqual({ "max-queues": 5 });
    expect(broker.vhosts.get("SALE_VHOST")).toEqual({ description: "", tracing: false });
  });

  it("refuses to create a missing vhost (a PUT would)", async () => {
    await expect(applyVhostSettings(conn(), { vhost: "GONE_VHOST", description: "", tracing: false })).rejects.toThrow(
      "vhost GONE_VHOST does not exist (its VHost resource creates it)",
    );
    expect(broker.requests.map((r) => r.method)).toEqual(["GET"]);
  });

  it("reports the broker's answer when it refuses", async () => {
    await expect(applyVhostSettings({ ...conn(), password: "wrong" }, { vhost: "SALE_VHOST", description: "", tracing: false })).rejects.toThrow(
      'GET vhost SALE_VHOST: HTTP 401 {"error":"not_authorised"}',
    );
  });
});

describe("deleteVhostSettings", () => {
  it("switches tracing off and removes both limits", async () => {
    await applyVhostSettings(conn(), { vhost: "SALE_VHOST", description: "x", tracing: true, maxConnections: 1, maxQueues: 2 });
    await deleteVhostSettings(conn(), "SALE_VHOST");
    expect(broker.vhosts.get("SALE_VHOST")).toEqual({ description: "", tracing: false });
    expect(broker.limits.get("SALE_VHOST")).toEqual({});
  });

  it("does nothing when the vhost is already gone", async () => {
    await deleteVhostSettings(conn(), "GONE_VHOST");
    expect(broker.requests).toEqual([{ method: "GET", path: "/api/vhosts/GONE_VHOST", body: undefined }]);
  });
});
