/**
 * The real Pulumi program (index.ts) run under mocks through the product's program runner,
 * with resource creation replaced by fakes the tests control. It runs in a copy of the frozen
 * example project (test/cli/fixtures/example), not on the shipped config: the names and counts
 * the tests expect stay true whatever a user adds to, or changes in, config/ and Pulumi.*.yaml.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import YAML from "yaml";
import { afterAll } from "vitest";
import { type DeclaredResource, type NewResource, type RunResult, fakeNewResource, runProgram } from "../../cli/lib/programRunner";
import { exampleProject, removeFixtureProjects } from "../cli/lib/fixtureProject";

export const projectDir = exampleProject({ program: true });
afterAll(removeFixtureProjects);
export const CONTAINER = "docker:index/container:Container";
const RANDOM_PASSWORD = "random:index/randomPassword:RandomPassword";

/** Generated passwords that are recognisable in any text and stable per resource name. */
export const secretFor = (name: string): string => `SENTINEL${createHash("sha256").update(name).digest("hex").slice(0, 16)}`;

/** Fakes, except that every generated password is `secretFor(its name)`. */
export const stableSecrets: NewResource = async (r) => {
  const created = await fakeNewResource(r);
  return r.type === RANDOM_PASSWORD ? { ...created, state: { ...created.state, result: secretFor(r.name) } } : created;
};

export function run(stack: string, config?: Record<string, unknown>): Promise<RunResult> {
  return runProgram({ projectDir, stack, newResource: stableSecrets, ...(config ? { config } : {}) });
}

/** A `rabbitmq-ha:<key>` object of one of the example's stack files, for changing one field of it. */
export function stackValue(stack: string, key: string): Record<string, unknown> {
  const doc = YAML.parse(fs.readFileSync(path.join(projectDir, `Pulumi.${stack}.yaml`), "utf8")) as { config: Record<string, Record<string, unknown>> };
  const value = doc.config[`rabbitmq-ha:${key}`];
  if (value === undefined) throw new Error(`Pulumi.${stack}.yaml has no rabbitmq-ha:${key}`);
  return value;
}

export function label(r: DeclaredResource, name: string): string | undefined {
  const labels = (r.inputs["labels"] ?? []) as { label: string; value: string }[];
  return labels.find((l) => l.label === name)?.value;
}

export function containers(resources: DeclaredResource[], role: "node" | "loadbalancer"): DeclaredResource[] {
  return resources.filter((r) => r.type === CONTAINER && label(r, "rabbitmq-ha.role") === role);
}

export function ofType(resources: DeclaredResource[], type: string): DeclaredResource[] {
  return resources.filter((r) => r.type === type);
}

export function named(resources: DeclaredResource[], name: string): DeclaredResource {
  const found = resources.find((r) => r.name === name);
  if (!found) throw new Error(`no resource named ${name}`);
  return found;
}

export interface Upload {
  file: string;
  content: string;
  owner?: string;
  group?: string;
  permissions?: string;
}

export function upload(container: DeclaredResource, file: string): Upload {
  const found = ((container.inputs["uploads"] ?? []) as Upload[]).find((u) => u.file === file);
  if (!found) throw new Error(`${container.name} uploads no ${file}`);
  return found;
}
