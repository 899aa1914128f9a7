import { describe, expect, it } from "vitest";
import { deleteLayers } from "../../../engine/deploy/deletes";
import { dependentReplacements } from "../../../engine/deploy/cascade";
import { NO_OPTIONS } from "../../../cli/lib/resourceOptions";
import type { ResourceState } from "../../../engine/types";

function resource(name: string, type: string, extra: Partial<ResourceState> = {}): ResourceState {
  return { urn: name, type, name, custom: true, id: name, inputs: {}, outputs: {}, secretPaths: [], dependencies: [], options: NO_OPTIONS, ...extra };
}

const CONTAINER = "docker:index/container:Container";
const network = resource("network", "docker:index/network:Network");
const volume = resource("volume", "docker:index/volume:Volume");
const node = resource("node", CONTAINER, {
  dependencies: ["network", "volume"],
  options: { ...NO_OPTIONS, propertyDependencies: { networksAdvanced: ["network"], volumes: ["volume"] } },
});
const lb = resource("lb", CONTAINER, { dependencies: ["node", "network"], options: { ...NO_OPTIONS, propertyDependencies: { networksAdvanced: ["network"] } } });
const binding = resource("binding", "rabbitmq:index/binding:Binding", { options: { ...NO_OPTIONS, replaceWith: ["queue"] } });
const queue = resource("queue", "rabbitmq:index/queue:Queue");

describe("deleteLayers: the engine's antichains, most dependent first", () => {
  it("deletes dependents in earlier layers than what they depend on", () => {
    const layers = deleteLayers([network, volume, node, lb]).map((layer) => layer.map((r) => r.name).sort());
    expect(layers).toEqual([["lb"], ["node"], ["network", "volume"]]);
  });

  it("counts replaceWith as a dependency edge", () => {
    expect(deleteLayers([queue, binding]).map((layer) => layer.map((r) => r.name))).toEqual([["binding"], ["queue"]]);
  });
});

describe("dependentReplacements: what a delete-before-replace takes with it", () => {
  it("takes resources whose replace-forcing input comes from it, transitively, but not dependsOn-only ones", () => {
    const found = dependentReplacements(network, [network, volume, node, lb], () => false);
    expect(found.map((d) => `${d.resource.name} via ${d.property}`)).toEqual(["node via networksAdvanced", "lb via networksAdvanced"]);
  });

  it("takes replaceWith dependents", () => {
    expect(dependentReplacements(queue, [queue, binding], () => false).map((d) => d.resource.name)).toEqual(["binding"]);
  });

  it("skips what is already registered or deleted in this run", () => {
    expect(dependentReplacements(network, [network, node, lb], (urn) => urn === "node").map((d) => d.resource.name)).toEqual(["lb"]);
  });
});
