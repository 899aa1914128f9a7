/** Schema problems read as "what is wrong (what is allowed)", with the path they belong to. */
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { describeIssues } from "../../../model/schema/issues";
import { stackKeySchemas } from "../../../model/schema/stackConfig";
import { topologyFileSchema } from "../../../model/schema/topologyFile";
import { formatPath } from "../../../model/source/yamlSource";
import { rawStack, saleFile, type Raw } from "../fixtures";

function problems(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : describeIssues(result.error.issues, input, schema).map((p) => `${formatPath(p.path)}${p.atKey ? " (key)" : ""}: ${p.message}`);
}
const loadBalancers = (change: (lb: Raw) => void) => {
  const raw = rawStack().loadBalancers;
  change(raw);
  return problems(stackKeySchemas.loadBalancers, raw);
};
const topology = (change: (file: Raw) => void) => {
  const raw = saleFile();
  change(raw);
  return problems(topologyFileSchema, raw);
};

describe("schema messages", () => {
  it.each<[string, (lb: Raw) => void, string[]]>([
    ["a missing list", (lb) => delete lb.instances, ["instances: missing (required: a list)"]],
    ["a number out of range", (lb) => (lb.instances[0].priority = 255), ["instances[0].priority: number 255 is too big (at most 254)"]],
    ["a fraction where an integer goes", (lb) => (lb.virtualRouterId = 5.5), ["virtualRouterId: expected an integer, got number 5.5"]],
    ["a literal outside its set", (lb) => (lb.vrrpVersion = 4), ["vrrpVersion: number 4 is not allowed (allowed: 2, 3)"]],
    ["a state in lowercase", (lb) => (lb.instances[1].state = "backup"), ['instances[1].state: "backup" is not allowed (allowed: "MASTER", "BACKUP")']],
    ["a string where a boolean goes", (lb) => (lb.preempt = "no"), ['preempt: expected true or false, got "no"']],
    ["an address that is not one", (lb) => (lb.virtualIp = "172.28.9.300"), ['virtualIp: "172.28.9.300" is not an IPv4 address (four numbers 0-255, e.g. 172.28.8.10)']],
    ["a port out of range", (lb) => (lb.instances[0].publish = { amqp: 70000 }), ["instances[0].publish.amqp: number 70000 is too big (at most 65535)"]],
  ])("load balancers: %s", (_, change, expected) => {
    expect(loadBalancers(change)).toEqual(expected);
  });

  it.each<[string, (file: Raw) => void, string[]]>([
    ["an empty name", (f) => (f.queues[0].name = ""), ["queues[0].name: is empty (a non-empty string)"]],
    ["a list that is a mapping", (f) => (f.queues = { name: "X" }), ["queues: expected a list, got an object"]],
    ["nothing wrong", () => undefined, []],
    ["a binding argument that is a list", (f) => (f.bindings[0].arguments = { "x-match": ["all"] }), ["bindings[0].arguments.x-match: a list is not allowed (expected a string, a number or true/false)"]],
    ["an empty policy definition", (f) => f.policies.push({ name: "P", vhost: "SALE_VHOST", pattern: ".*", definition: {} }), ["policies[0].definition: the definition is empty (at least one policy key, e.g. message-ttl)"]],
    ["a pattern that does not compile", (f) => f.policies.push({ name: "P", vhost: "SALE_VHOST", pattern: "(", definition: { "max-length": 1 } }), ['policies[0].pattern: "(" is not a valid regular expression: Invalid regular expression: /(/: Unterminated group']],
    ["a user tag RabbitMQ does not have", (f) => (f.users[0].tags = ["admin"]), ['users[0].tags[0]: "admin" is not allowed (allowed: "administrator", "monitoring", "management", "policymaker")']],
    ["a nested unknown key", (f) => (f.queues[0].retry = { every: "2m", maxAttempts: 3, backoff: 2 }), ['queues[0].retry.backoff (key): unknown key "backoff" (allowed: every, maxAttempts)']],
    // Name limits are RabbitMQ's 255 bytes of UTF-8, not 255 characters.
    ["a queue name of 255 ASCII characters", (f) => (f.queues[0].name = "Q".repeat(255)), []],
    ["a queue name of 85 three-byte characters (255 bytes)", (f) => (f.queues[0].name = "队".repeat(85)), []],
    ["a queue name of 86 three-byte characters", (f) => (f.queues[0].name = "队".repeat(86)), ["queues[0].name: is 258 bytes long in UTF-8, 86 characters (at most 255 bytes)"]],
    ["a vhost name of 128 two-byte characters", (f) => (f.vhosts[0].name = "é".repeat(128)), ["vhosts[0].name: is 256 bytes long in UTF-8, 128 characters (at most 255 bytes)"]],
    ["an exchange name of 256 ASCII characters", (f) => (f.exchanges[0].name = "X".repeat(256)), ["exchanges[0].name: is 256 bytes long in UTF-8 (at most 255 bytes)"]],
    ["a user name of 100 three-byte characters", (f) => (f.users[0].name = "用".repeat(100)), ["users[0].name: is 300 bytes long in UTF-8, 100 characters (at most 255 bytes)"]],
    ["a topology user named guest", (f) => (f.users[0].name = "guest"), ['users[0].name: "guest" cannot be a topology user (RabbitMQ\'s default user, limited to localhost and known to everyone; choose another name)']],
    ["a topology user named Guest (names are case-sensitive)", (f) => (f.users[0].name = "Guest"), []],
  ])("topology: %s", (_, change, expected) => {
    expect(topology(change)).toEqual(expected);
  });

  it("says what an empty document is", () => {
    expect(problems(topologyFileSchema, null)).toEqual([": expected a mapping, got null"]);
  });
});
