/**
 * The committed JSON Schemas and config reference are what `npm run schema` generates, and the
 * JSON Schemas (what editors use) accept the shipped files and catch the same typos.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv from "ajv";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { generatedFiles } from "../../../model/schema/generated";
import { listStacks } from "../../../model/load";
import { EXAMPLE } from "../../cli/lib/fixtureProject";
import { REPO } from "../project";

const read = (file: string) => fs.readFileSync(path.join(REPO, file), "utf8");
/** The editor checks break one field of the frozen example project's files, not of the shipped ones. */
const readExample = (file: string) => fs.readFileSync(path.join(EXAMPLE, file), "utf8");
const ajv = new Ajv({ allErrors: true, strict: false });
const stackSchema = ajv.compile(JSON.parse(read("schema/stack-config.schema.json")));
const topologySchema = ajv.compile(JSON.parse(read("schema/topology.schema.json")));

describe("generated files", () => {
  it.each(Object.entries(generatedFiles()))("%s is up to date (run npm run schema)", (file, content) => {
    expect(read(file)).toBe(content);
  });

  it.each(listStacks(REPO))("Pulumi.%s.yaml passes the stack JSON Schema", (stack) => {
    expect(stackSchema(parse(read(`Pulumi.${stack}.yaml`))) ? [] : stackSchema.errors).toEqual([]);
  });

  it.each(fs.readdirSync(path.join(REPO, "config")).filter((f) => f.endsWith(".yaml")))("config/%s passes the topology JSON Schema", (file) => {
    expect(topologySchema(parse(read(`config/${file}`))) ? [] : topologySchema.errors).toEqual([]);
  });

  it("lets editors flag a misspelt rabbitmq-ha key and a bad duration, but not other namespaces", () => {
    const stack = parse(readExample("Pulumi.modern.yaml"));
    stack.config["docker:host"] = "unix:///var/run/docker.sock";
    expect(stackSchema(stack)).toBe(true);
    stack.config["rabbitmq-ha:clustre"] = {};
    stack.config["rabbitmq-ha:loadBalancers"].advertInterval = "200 ms";
    expect(stackSchema(stack)).toBe(false);
    expect(stackSchema.errors?.map((e) => `${e.instancePath} ${e.keyword}`)).toEqual([
      "/config/rabbitmq-ha:loadBalancers/advertInterval pattern",
      "/config/rabbitmq-ha:clustre false schema",
    ]);
  });

  it("lets editors flag an internal exchange, which validation refuses", () => {
    const file = parse(readExample("config/gp.yaml"));
    file.exchanges[0].internal = true;
    expect(topologySchema(file)).toBe(false);
    expect(topologySchema.errors?.map((e) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`)).toEqual(['/exchanges/0/internal const {"allowedValue":false}']);
    file.exchanges[0].internal = false;
    expect(topologySchema(file)).toBe(true);
  });

  it("lets editors flag an unknown key in a topology file", () => {
    const file = parse(readExample("config/gp.yaml"));
    file.queues[0].durabel = true;
    expect(topologySchema(file)).toBe(false);
    expect(topologySchema.errors?.map((e) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`)).toEqual([
      '/queues/0 additionalProperties {"additionalProperty":"durabel"}',
    ]);
  });
});
