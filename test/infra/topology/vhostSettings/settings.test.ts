import { describe, expect, it } from "vitest";
import { vhostSettingsFor } from "../../../../infra/topology/vhostSettings/settings";
import { vhost } from "../../../model/derive/fixtures";

describe("vhostSettingsFor", () => {
  it("is tracing off, no description and no limits by default", () => {
    expect(vhostSettingsFor(vhost(), "4.1")).toStrictEqual({ vhost: "SALE_VHOST", description: "", tracing: false });
  });

  it("carries every setting the model has", () => {
    const v = vhost({ description: "d", tracing: true, defaultQueueType: "quorum", maxConnections: 5, maxQueues: 0 });
    expect(vhostSettingsFor(v, "3.13")).toStrictEqual({ vhost: "SALE_VHOST", description: "d", tracing: true, defaultQueueType: "quorum", maxConnections: 5, maxQueues: 0 });
  });

  it("leaves the default queue type out on 3.10, which has no such vhost metadata", () => {
    expect(vhostSettingsFor(vhost({ defaultQueueType: "quorum" }), "3.10")).toStrictEqual({ vhost: "SALE_VHOST", description: "", tracing: false });
  });
});
