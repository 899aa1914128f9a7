import { describe, expect, it } from "vitest";
import type { PlanCounts, Step } from "../../../engine/types";
import { MEMBERSHIP_CHANGES } from "./membership";
import { CONTAINER } from "./planRules";

const step = (kind: Step["kind"], type: string, name: string): Step => ({ urn: `urn:${name}`, type, name, kind, custom: true, reasons: [] });
const counts = {} as PlanCounts;
const planOf = (id: string) => MEMBERSHIP_CHANGES.find((c) => c.id === id)!.expectPlan;

describe("membership plans", () => {
  const added = [step("create", CONTAINER, "cluster-rabbit-3-added-container"), step("create", "docker:index/volume:Volume", "cluster-rabbit-3-added-data")];
  const lbs = [step("replace", CONTAINER, "lb-lb1-container"), step("replace", CONTAINER, "lb-lb2-container")];
  const certificate = (kind: Step["kind"]) => ["key", "csr", "cert"].map((part) => step(kind, `tls:index/${part}:X`, `tls-rabbit-3-added-${part}`));

  it("add-node: the new node, its certificate with TLS on, and the load balancers", () => {
    expect(planOf("add-node")(counts, [...added, ...lbs])).toBeUndefined();
    expect(planOf("add-node")(counts, [...added, ...certificate("create"), ...lbs])).toBeUndefined();
  });

  it("remove-node: the same, deleted", () => {
    const removed = added.map((s) => ({ ...s, kind: "delete" as const }));
    expect(planOf("remove-node")(counts, [...removed, ...certificate("delete"), ...lbs])).toBeUndefined();
  });

  it("refuses anything else: another node's certificate or container", () => {
    expect(planOf("add-node")(counts, [...added, step("replace", "tls:index/locallySignedCert:LocallySignedCert", "tls-rabbit-1-cert")])).toMatch(/also plans replace tls-rabbit-1-cert/);
    expect(planOf("add-node")(counts, [...added, step("replace", CONTAINER, "cluster-rabbit-1-container")])).toMatch(/also plans replace cluster-rabbit-1-container/);
    expect(planOf("add-node")(counts, lbs)).toMatch(/should create the added node's container/);
  });
});
