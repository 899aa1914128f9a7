import { describe, expect, it } from "vitest";
import { CHANGE_TABLE } from "../../../engine/plan/changeTable";
import { diffInputs } from "../../../engine/plan/diff";
import { NO_OPTIONS } from "../../../cli/lib/resourceOptions";
import type { ResourceState } from "../../../engine/types";
import * as pulumi from "@pulumi/pulumi";

const CONTAINER = "docker:index/container:Container";
const container = CHANGE_TABLE[CONTAINER]!;

/** A container as the provider read it back after create (CAP_ names, Go durations). */
const old: ResourceState = {
  urn: "urn:c",
  type: CONTAINER,
  name: "c",
  custom: true,
  id: "abc",
  inputs: { name: "n", image: "sha256:1", capabilities: { adds: ["CAP_NET_ADMIN", "CAP_NET_RAW"] }, healthcheck: { tests: ["CMD", "true"], interval: "2s", startPeriod: "2m0s", retries: 3 }, restart: "unless-stopped", labels: [{ label: "a", value: "1" }, { label: "b", value: "2" }] },
  outputs: { name: "n", image: "sha256:1", capabilities: { adds: ["CAP_NET_ADMIN", "CAP_NET_RAW"], drops: [] }, healthcheck: { tests: ["CMD", "true"], interval: "2s", timeout: "0s", startPeriod: "2m0s", startInterval: "0s", retries: 3 }, restart: "unless-stopped", labels: [{ label: "a", value: "1" }, { label: "b", value: "2" }], command: ["rabbitmq-server"] },
  secretPaths: [],
  dependencies: [],
  options: NO_OPTIONS,
};

const diff = (inputs: Record<string, unknown>, options = NO_OPTIONS) => diffInputs(container, old, { ...old.inputs, ...inputs }, options);

describe("diffInputs: new inputs against the provider's read-back", () => {
  it.each([
    ["the same inputs", {}, "same", []],
    ["a set in another order", { labels: [{ label: "b", value: "2" }, { label: "a", value: "1" }] }, "same", []],
    ["an Optional+Computed input left out (command comes from the image)", { command: undefined }, "same", []],
    ["a healthcheck field at its schema default", { healthcheck: { tests: ["CMD", "true"], interval: "2s", startPeriod: "2m0s", startInterval: "0s", retries: 3 } }, "same", []],
    ["capabilities without the CAP_ prefix the read-back has", { capabilities: { adds: ["NET_ADMIN", "NET_RAW"] } }, "replace", ["capabilities (replace)"]],
    ["a duration not in Go's form", { healthcheck: { tests: ["CMD", "true"], interval: "2s", startPeriod: "120s", retries: 3 } }, "update", ["healthcheck (state)"]],
    ["the restart policy", { restart: "always" }, "update", ["restart (update)"]],
    ["the image", { image: "sha256:2" }, "replace", ["image (replace)"]],
    ["an unknown value in a preview", { image: pulumi.runtime.unknownValue }, "replace", ["image (replace)"]],
  ])("%s", (_what, inputs, kind, reasons) => {
    const result = diff(inputs);
    expect(result.kind).toBe(kind);
    expect(result.changes.map((c) => `${c.field} (${c.change})`)).toEqual(reasons);
  });

  it("ignores what ignoreChanges names and replaces on what replaceOnChanges names", () => {
    expect(diff({ image: "sha256:2" }, { ...NO_OPTIONS, ignoreChanges: ["image"] }).kind).toBe("same");
    expect(diff({ restart: "always" }, { ...NO_OPTIONS, replaceOnChanges: ["restart"] }).kind).toBe("replace");
  });

  it("compares a queue's argumentsJson as JSON, as SuppressJsonDiff does", () => {
    const queue = CHANGE_TABLE["rabbitmq:index/queue:Queue"]!;
    const q: ResourceState = { ...old, type: "rabbitmq:index/queue:Queue", inputs: {}, outputs: { name: "Q", vhost: "V", settings: { durable: true, autoDelete: false, argumentsJson: '{"x-max-length":5,"x-queue-type":"quorum"}' } } };
    const same = diffInputs(queue, q, { name: "Q", vhost: "V", settings: { durable: true, autoDelete: false, argumentsJson: '{"x-queue-type":"quorum","x-max-length":5}' } }, NO_OPTIONS);
    expect(same.kind).toBe("same");
    const changed = diffInputs(queue, q, { name: "Q", vhost: "V", settings: { durable: true, autoDelete: false, argumentsJson: '{"x-queue-type":"quorum","x-max-length":6}' } }, NO_OPTIONS);
    expect(changed.changes).toEqual([{ field: "settings", change: "replace" }]);
  });
});
