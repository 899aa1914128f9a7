/**
 * Copies of the example configuration (frozen in test/cli/fixtures/example, so a user's change to
 * config/ cannot break them) with one mistake each, validated by the real CLI:
 * exit 1, and every error line names the right file, line, column and field. Warnings (the
 * stacks' own RAM-node and delivery-limit notes) are left out of the comparison.
 */
import { afterAll, describe, expect, it } from "vitest";
import { edit, runValidate } from "../model/project";
import { exampleProject, removeFixtureProjects } from "./lib/fixtureProject";

type Edit = readonly [file: string, from: string, to: string];

function validateBroken(stack: string, edits: readonly Edit[]) {
  const dir = exampleProject();
  for (const [file, from, to] of edits) edit(dir, file, from, to);
  const run = runValidate(["--stack", stack, "--dir", dir]);
  // Diagnostics on stderr, the verdict on stdout.
  const errors = run.stderr.split("\n").filter((line) => line !== "" && !line.includes("  warning: "));
  return { status: run.status, errors, summary: run.stdout.trim() };
}

const HA_GONE = (key: string, policy: string, version: string) =>
  `"${key}" in policy "${policy}" has no effect on RabbitMQ ${version}: classic queue mirroring was removed in 4.0 (use quorum queues; ha-* keys are for 3.x stacks only)`;
const MIRROR_ERRORS = (version: string) => [
  `config/mirroring-3x.yaml:12:7  policies[0].definition.ha-mode  ${HA_GONE("ha-mode", "SALE_HA_POLICY", version)}`,
  `config/mirroring-3x.yaml:13:7  policies[0].definition.ha-sync-mode  ${HA_GONE("ha-sync-mode", "SALE_HA_POLICY", version)}`,
  `config/mirroring-3x.yaml:20:7  policies[1].definition.ha-mode  ${HA_GONE("ha-mode", "GP_HA_POLICY", version)}`,
  `config/mirroring-3x.yaml:21:7  policies[1].definition.ha-params  ${HA_GONE("ha-params", "GP_HA_POLICY", version)}`,
  `config/mirroring-3x.yaml:22:7  policies[1].definition.ha-sync-mode  ${HA_GONE("ha-sync-mode", "GP_HA_POLICY", version)}`,
];

/**
 * A policy in SALE_VHOST next to the mirror policy SALE_HA_POLICY (priority 1), matching the
 * classic queue PRODUCT_PRICE_QUEUE (quorum queues skip the mirror policy: policyMatch.ts).
 */
const SALE_POLICY = (priority: number): Edit => [
  "config/sale.yaml",
  "users:\n",
  `policies:\n  - name: SALE_TTL_POLICY\n    vhost: SALE_VHOST\n    pattern: ^PRODUCT_PRICE_\n    applyTo: queues\n    priority: ${priority}\n    definition:\n      message-ttl: 1h\nusers:\n`,
];

const CASES: [name: string, stack: string, edits: Edit[], errors: string[]][] = [
  // The "Done when" list.
  [
    "an exchange renamed off-convention",
    "dev",
    [["config/gp.yaml", "  - name: GP_TEST_EXCHANGE", "  - name: GpTestExchange"]],
    [
      'config/gp.yaml:7:11  exchanges[0].name  exchange name "GpTestExchange" does not follow the naming convention (must match ^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*_EXCHANGE$)',
      'config/gp.yaml:7:11  exchanges[0].name  exchange name "GpTestExchange" does not start with "GP_" (objects start with their file\'s system; requireSystemPrefix)',
      'config/gp.yaml:16:13  bindings[0].source  source exchange "GP_TEST_EXCHANGE" does not exist in vhost "GP_VHOST" (declared exchanges there: GpTestExchange)',
      'config/gp.yaml:23:21  users[0].permissions[0].publishes[0]  exchange "GP_TEST_EXCHANGE" does not exist in vhost "GP_VHOST" (declared exchanges there: GpTestExchange)',
    ],
  ],
  [
    "a binding to a missing queue",
    "dev",
    [["config/gp.yaml", "destination: GP_TEST_QUEUE", "destination: GP_TEST_QUEU"]],
    ['config/gp.yaml:17:18  bindings[0].destination  queue "GP_TEST_QUEU" does not exist in vhost "GP_VHOST" (declared queues there: GP_TEST_QUEUE)'],
  ],
  [
    "an alternate exchange that does not exist",
    "dev",
    [["config/sale.yaml", "alternateExchange: SALE_TO_PRODUCT_UNROUTED_EXCHANGE", "alternateExchange: SALE_TO_PRODUCT_LOST_EXCHANGE"]],
    [
      'config/sale.yaml:15:24  exchanges[0].alternateExchange  alternate exchange "SALE_TO_PRODUCT_LOST_EXCHANGE" does not exist in vhost "SALE_VHOST" (declared exchanges there: SALE_TO_PRODUCT_EXCHANGE, SALE_TO_PRODUCT_UNROUTED_EXCHANGE, PRODUCT_DLX_EXCHANGE)',
    ],
  ],
  [
    "a VIP outside the subnet",
    "dev",
    [["Pulumi.dev.yaml", "virtualIp: 172.28.8.220", "virtualIp: 172.28.9.220"]],
    ["Pulumi.dev.yaml:29:16  config.rabbitmq-ha:loadBalancers.virtualIp  the virtual IP 172.28.9.220 is outside the subnet 172.28.8.0/24 (use an address from 172.28.8.1 to 172.28.8.254)"],
  ],
  ["a mirror policy on a 4.x stack", "modern", [["Pulumi.modern.yaml", "      - config/gp.yaml\n", "      - config/gp.yaml\n      - config/mirroring-3x.yaml\n"]], MIRROR_ERRORS("4.1")],
  [
    "RAM nodes on 4.3",
    "dev",
    [
      ["Pulumi.dev.yaml", 'version: "3.13"', 'version: "4.3"'],
      ["Pulumi.dev.yaml", "image: rabbitmq:3.13-management", "image: rabbitmq:4.3-management"],
    ],
    [
      "Pulumi.dev.yaml:12:24  config.rabbitmq-ha:cluster.partitionHandling  partitionHandling pause_minority on RabbitMQ 4.3 (4.3 accepts cluster_partition_handling but ignores it; remove it)",
      'Pulumi.dev.yaml:22:15  config.rabbitmq-ha:cluster.nodes[1].type  node "rabbit-ram1" is a RAM node: RabbitMQ 4.3 refuses RAM nodes: its config schema accepts only "disc" (allowed: disc)',
      'Pulumi.dev.yaml:25:15  config.rabbitmq-ha:cluster.nodes[2].type  node "rabbit-ram2" is a RAM node: RabbitMQ 4.3 refuses RAM nodes: its config schema accepts only "disc" (allowed: disc)',
      ...MIRROR_ERRORS("4.3"),
    ],
  ],
  // More mistakes of our own.
  // At the unclosed `[` of line 9, not where the parser noticed it (line 10).
  ["invalid YAML in a topology file", "dev", [["config/gp.yaml", "    type: direct\n", "    type: [direct\n"]], ["config/gp.yaml:9:11  (file)  invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]"]],
  [
    "a topology file that does not exist",
    "modern",
    [["Pulumi.modern.yaml", "      - config/gp.yaml\n", "      - config/gp.yml\n"]],
    ['Pulumi.modern.yaml:42:9  config.rabbitmq-ha:topology.files[2]  topology file "config/gp.yml" not found (paths are relative to the project directory)'],
  ],
  [
    "a queue declared twice",
    "modern",
    [["config/gp.yaml", "  - name: GP_TEST_QUEUE\n    vhost: GP_VHOST", "  - name: GP_TEST_QUEUE\n    vhost: GP_VHOST\n  - name: GP_TEST_QUEUE\n    vhost: GP_VHOST"]],
    ['config/gp.yaml:13:11  queues[1].name  duplicate queue "GP_TEST_QUEUE" in vhost "GP_VHOST" (first declared at config/gp.yaml:11:11; queue names are unique per vhost)'],
  ],
  [
    "a queue dead-lettering into its own exchange",
    "modern",
    [["config/gp.yaml", "    type: classic\n", "    type: classic\n    deadLetter:\n      exchange: GP_TEST_EXCHANGE\n"]],
    ['config/gp.yaml:15:17  queues[0].deadLetter.exchange  dead-letter cycle "GP_TEST_QUEUE" -> "GP_TEST_QUEUE" in vhost "GP_VHOST" never ends (give one of these queues a messageTtl or a deliveryLimit, or dead-letter elsewhere)'],
  ],
  [
    "a non-durable quorum queue",
    "modern",
    [["config/sale.yaml", "    type: quorum\n", "    type: quorum\n    durable: false\n"]],
    ["config/sale.yaml:24:14  queues[0].durable  durable: false on a quorum queue (quorum queues are always durable; remove durable or set it to true)"],
  ],
  [
    "a misspelt key",
    "modern",
    [["config/product.yaml", "    messageTtl: 10m\n", "    messageTTL: 10m\n"]],
    [
      'config/product.yaml:27:5  queues[1].messageTTL  unknown key "messageTTL" (did you mean "messageTtl"? allowed: name, vhost, type, durable, autoDelete, deadLetter, messageTtl, maxLength, maxLengthBytes, overflow, singleActiveConsumer, deliveryLimit, initialGroupSize, retry, description)',
    ],
  ],
  ["a TTL without a unit", "modern", [["config/product.yaml", "    messageTtl: 10m\n", "    messageTtl: 600000\n"]], ["config/product.yaml:27:17  queues[1].messageTtl  expected a duration such as 200ms, 2m or 1h, got number 600000"]],
  ["a message size over RabbitMQ's limit", "modern", [["Pulumi.modern.yaml", "maxMessageSize: 4MB", "maxMessageSize: 1GB"]], ['Pulumi.modern.yaml:12:21  config.rabbitmq-ha:cluster.maxMessageSize  "1GB" is above RabbitMQ\'s limit (at most 512MiB)']],
  ["two MASTERs", "modern", [["Pulumi.modern.yaml", "state: BACKUP", "state: MASTER"]], ["Pulumi.modern.yaml:29:5  config.rabbitmq-ha:loadBalancers.instances  2 instances have state MASTER (exactly one MASTER; the other is BACKUP)"]],
  [
    "two nodes on one address",
    "modern",
    [["Pulumi.modern.yaml", "address: 172.28.9.13", "address: 172.28.9.12"]],
    ['Pulumi.modern.yaml:22:18  config.rabbitmq-ha:cluster.nodes[2].address  node "rabbit-3" 172.28.9.12 is already node "rabbit-2"\'s address (every address on the network is unique)'],
  ],
  [
    "partition handling on two nodes",
    "modern",
    [["Pulumi.modern.yaml", "      - hostname: rabbit-3\n        type: disc\n        address: 172.28.9.13\n", ""]],
    [
      "Pulumi.modern.yaml:11:24  config.rabbitmq-ha:cluster.partitionHandling  partitionHandling pause_minority on two nodes (a split leaves two halves of one node each, neither a majority; use three or more nodes, or remove it)",
    ],
  ],
  [
    "a secret in plain text",
    "modern",
    [["Pulumi.modern.yaml", "config:\n", "config:\n  rabbitmq-ha:erlangCookie: not-so-secret\n"]],
    ["Pulumi.modern.yaml:5:29  config.rabbitmq-ha:erlangCookie  rabbitmq-ha:erlangCookie is in plain text (secrets are encrypted: pulumi config set --secret rabbitmq-ha:erlangCookie)"],
  ],
  [
    "a boolean in a policy",
    "dev",
    [["config/mirroring-3x.yaml", "      ha-sync-mode: automatic\n  - name: GP", "      ha-sync-mode: automatic\n      ha-promote-on-failure: true\n  - name: GP"]],
    ["config/mirroring-3x.yaml:14:30  policies[0].definition.ha-promote-on-failure  true is a boolean (the rabbitmq provider cannot express booleans in a policy; no key here needs one)"],
  ],
  [
    "a dead-letter key in an operator policy",
    "modern",
    [["config/product.yaml", "      max-length: 1000000\n", "      max-length: 1000000\n      dead-letter-exchange: PRODUCT_STORE_EXCHANGE\n"]],
    [
      'config/product.yaml:78:7  policies[1].definition.dead-letter-exchange  "dead-letter-exchange" is not allowed in an operator policy (allowed: message-ttl, expires, max-length, max-length-bytes, overflow, delivery-limit, max-in-memory-length, max-in-memory-bytes, queue-version, target-group-size)',
    ],
  ],
  [
    "two policies with equal priority on one queue",
    "dev",
    [SALE_POLICY(1)],
    [
      'config/mirroring-3x.yaml:10:15  policies[0].priority  policy "SALE_HA_POLICY" and policy "SALE_TTL_POLICY" both match queue "PRODUCT_PRICE_QUEUE" with priority 1 (RabbitMQ applies one of them arbitrarily; give them different priorities or patterns)',
    ],
  ],
  [
    "a version bump without the image",
    "modern",
    [["Pulumi.modern.yaml", 'version: "4.1"', 'version: "4.0"']],
    ['Pulumi.modern.yaml:10:12  config.rabbitmq-ha:cluster.image  image rabbitmq:4.1-management runs RabbitMQ 4.1 but version is "4.0" (use rabbitmq:4.0-management, or set version to "4.1")'],
  ],
  [
    "an unquoted version",
    "modern",
    [["Pulumi.modern.yaml", 'version: "4.1"', "version: 4.0"]],
    ['Pulumi.modern.yaml:9:14  config.rabbitmq-ha:cluster.version  number 4 is not allowed (allowed: "3.10", "3.11", "3.12", "3.13", "4.0", "4.1", "4.2", "4.3"; quote it: "4.0")'],
  ],
];


afterAll(removeFixtureProjects);
describe("npm run validate on broken copies of the shipped config", () => {
  it.each(CASES)("%s (stack %s): exit 1 naming file, line and field", (_, stack, edits, errors) => {
    const result = validateBroken(stack, edits);
    expect(result).toEqual({
      status: 1,
      errors,
      summary: expect.stringMatching(new RegExp(`^stack ${stack}: invalid \\(${errors.length} errors?, \\d+ warnings?\\)$`)),
    });
  });

  it("a shadowed policy is a warning, not an error", () => {
    const dir = exampleProject();
    edit(dir, ...SALE_POLICY(5));
    const run = runValidate(["--stack", "dev", "--dir", dir]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(
      'config/mirroring-3x.yaml:8:14  policies[0].pattern  warning: policy "SALE_HA_POLICY" (priority 1) is not applied to queue "PRODUCT_PRICE_QUEUE": policy "SALE_TTL_POLICY" (priority 5) also matches and wins (only one policy applies per object)\n',
    );
  });
});
