import { afterAll, describe, expect, it } from "vitest";
import { formatDiagnostic, loadModel, loadStack, loadStackOrThrow, ModelValidationError } from "../../model/load";
import { removeTempDirs, projectDir } from "./project";

const STACK = `config:
  rabbitmq-ha:network:
    name: net
    subnet: 10.10.0.0/24
  rabbitmq-ha:cluster:
    version: "4.1"
    nodes:
      - hostname: rabbit-1
        address: 10.10.0.11
      - hostname: rabbit-2
        address: 10.10.0.12
      - hostname: rabbit-3
        address: 10.10.0.13
  rabbitmq-ha:loadBalancers:
    virtualIp: 10.10.0.100
    instances:
      - name: lb1
        address: 10.10.0.21
        state: MASTER
        priority: 150
      - name: lb2
        address: 10.10.0.22
        state: BACKUP
        priority: 100
  rabbitmq-ha:topology:
    files: [config/a.yaml, config/b.yaml]
    tracing: [A_VHOST]
`;

const FILE_A = `system: A
vhosts:
  - name: A_VHOST
exchanges:
  - name: A_EVENTS_EXCHANGE
    vhost: A_VHOST
    type: topic
`;

// B binds to A's exchange: references across files of one stack.
const FILE_B = `system: B
queues:
  - name: B_EVENTS_QUEUE
    vhost: A_VHOST
bindings:
  - vhost: A_VHOST
    source: A_EVENTS_EXCHANGE
    destination: B_EVENTS_QUEUE
`;

const project = (overrides: Record<string, string> = {}) =>
  projectDir({ "Pulumi.yaml": "name: rabbitmq-ha\n", "Pulumi.t.yaml": STACK, "config/a.yaml": FILE_A, "config/b.yaml": FILE_B, ...overrides });
const errorsOf = (dir: string) => loadStack(dir, "t").diagnostics.map(formatDiagnostic);


afterAll(removeTempDirs);
describe("loadStack", () => {
  it("fills every default of a minimal stack", () => {
    const model = loadStackOrThrow(project(), "t");
    expect(model.hosts).toEqual([{ name: "local", url: "unix:///var/run/docker.sock" }]);
    expect(model.network).toEqual({ mode: "bridge", name: "net", subnet: "10.10.0.0/24", gateway: "10.10.0.1" });
    expect(model.cluster).toEqual({
      networkMode: "bridge",
      version: "4.1",
      image: "rabbitmq:4.1-management",
      nodes: [1, 2, 3].map((i) => ({ hostname: `rabbit-${i}`, type: "disc", address: `10.10.0.1${i}`, host: "local", servesClients: true, limits: { memoryMiB: 1024, cpus: 1 } })),
      partitionHandling: "pause_minority",
      memoryHighWatermark: 0.6,
      diskFreeLimitBytes: 2_000_000_000,
      maxMessageSizeBytes: 4 * 1024 * 1024,
      defaultQueueType: "quorum",
      discoveryRetryLimit: 30,
      discoveryRetryIntervalMs: 1000,
      extraPlugins: [],
      retainNodeData: true,
      adminUser: "admin",
      allowCookieRotation: false,
    });
    expect({ ...model.loadBalancers, instances: model.loadBalancers.instances.length }).toEqual({
      networkMode: "bridge",
      haproxyImage: "haproxy:3.0",
      virtualIp: "10.10.0.100",
      virtualRouterId: 51,
      advertIntervalMs: 1000,
      vrrpVersion: 3,
      preempt: false,
      amqpTimeoutMs: 3 * 3_600_000,
      checkIntervalMs: 2000,
      maxConnections: 4000,
      limits: { memoryMiB: 512, cpus: 1 },
      instances: 2,
    });
    expect(model.loadBalancers.instances[1]).toEqual({ name: "lb2", address: "10.10.0.22", state: "BACKUP", priority: 100, host: "local", publish: undefined, interface: undefined });
    expect(model.managementEndpoint).toBe("http://10.10.0.100:15672");
    expect(model.metrics).toEqual({ scrapeIntervalMs: 15_000, labels: {} });
    expect(model.safety).toEqual({ protectQueues: true, retainQueuesOnDelete: false });
    expect(model.project).toBe("rabbitmq-ha");
    expect(model.topology.files).toEqual(["config/a.yaml", "config/b.yaml"]);
    expect(model.topology.vhosts.map((v) => [v.name, v.tracing])).toEqual([["A_VHOST", true]]);
    // No type written: the cluster's default queue type on 4.x is quorum.
    expect(model.topology.queues.map((q) => [q.name, q.type, q.durable, q.origin])).toEqual([["B_EVENTS_QUEUE", "quorum", true, { file: "config/b.yaml", system: "B" }]]);
    expect(model.warnings).toEqual([]);
  });

  it("defaults images and queue types per series on 3.x", () => {
    const model = loadStackOrThrow(project({ "Pulumi.t.yaml": STACK.replace('"4.1"', '"3.13"') }), "t");
    expect([model.cluster.image, model.loadBalancers.haproxyImage, model.cluster.defaultQueueType]).toEqual(["rabbitmq:3.13-management", "haproxy:2.8", undefined]);
    expect(model.topology.queues[0]?.type).toBe("classic");
  });

  it("points at the offending node of the right file, with the field path", () => {
    const dir = project({ "config/b.yaml": FILE_B.replace("source: A_EVENTS_EXCHANGE", "source: A_EVENT_EXCHANGE") });
    expect(errorsOf(dir)).toEqual([
      'config/b.yaml:7:13  bindings[0].source  source exchange "A_EVENT_EXCHANGE" does not exist in vhost "A_VHOST" (declared exchanges there: A_EVENTS_EXCHANGE)',
    ]);
  });

  it.each([
    ["0", ["Pulumi.t.yaml:16:21  config.rabbitmq-ha:loadBalancers.maxConnections  number 0 is too small (at least 1)"]],
    ["9001", ["Pulumi.t.yaml:16:21  config.rabbitmq-ha:loadBalancers.maxConnections  number 9001 is too big (at most 9000)"]],
    ["2.5", ["Pulumi.t.yaml:16:21  config.rabbitmq-ha:loadBalancers.maxConnections  expected an integer, got number 2.5"]],
    ["9000", []],
  ])("loadBalancers.maxConnections %s", (value, expected) => {
    const stack = STACK.replace("    virtualIp: 10.10.0.100\n", `    virtualIp: 10.10.0.100\n    maxConnections: ${value}\n`);
    expect(errorsOf(project({ "Pulumi.t.yaml": stack }))).toEqual(expected);
  });

  it("refuses a prebuilt load-balancer image beside the base the program would build on", () => {
    const stack = STACK.replace("    virtualIp: 10.10.0.100\n", "    virtualIp: 10.10.0.100\n    haproxyImage: haproxy:3.0\n    image: registry.example/lb:1\n");
    expect(errorsOf(project({ "Pulumi.t.yaml": stack }))).toEqual([
      "Pulumi.t.yaml:17:12  config.rabbitmq-ha:loadBalancers.image  image and haproxyImage exclude each other: haproxyImage is the base of the image the program builds, image a prebuilt one used as it is (allowed: one of them)",
    ]);
    expect(errorsOf(project({ "Pulumi.t.yaml": stack.replace("    haproxyImage: haproxy:3.0\n", "") }))).toEqual([]);
  });

  it("reports schema problems of the stack file and every topology file together", () => {
    const stack = STACK.replace("    version: \"4.1\"\n", "    version: 4.1\n    maxMessageSize: 1GiB\n").replace("virtualIp:", "virtualIP:");
    const a = FILE_A.replace("    type: topic\n", "    type: topics\n    durabel: true\n");
    expect(errorsOf(project({ "Pulumi.t.yaml": stack, "config/a.yaml": a }))).toEqual([
      'Pulumi.t.yaml:6:14  config.rabbitmq-ha:cluster.version  number 4.1 is not allowed (allowed: "3.10", "3.11", "3.12", "3.13", "4.0", "4.1", "4.2", "4.3"; quote it: "4.1")',
      'Pulumi.t.yaml:7:21  config.rabbitmq-ha:cluster.maxMessageSize  "1GiB" is above RabbitMQ\'s limit (at most 512MiB)',
      'Pulumi.t.yaml:15:3  config.rabbitmq-ha:loadBalancers.virtualIp  missing (required: an IPv4 address such as 172.28.8.10)',
      'Pulumi.t.yaml:16:5  config.rabbitmq-ha:loadBalancers.virtualIP  unknown key "virtualIP" (did you mean "virtualIp"? allowed: haproxyImage, image, virtualIp, virtualRouterId, advertInterval, vrrpVersion, preempt, amqpTimeout, checkInterval, maxConnections, resources, instances)',
      'config/a.yaml:7:11  exchanges[0].type  "topics" is not allowed (allowed: "direct", "topic", "fanout", "headers")',
      'config/a.yaml:8:5  exchanges[0].durabel  unknown key "durabel" (did you mean "durable"? allowed: name, vhost, type, durable, autoDelete, internal, alternateExchange, description)',
    ]);
  });

  it.each([
    ["true", ["config/a.yaml:8:15  exchanges[0].internal  internal exchanges cannot be declared: @pulumi/rabbitmq has no such setting (allowed: false)"]],
    ['"yes"', ['config/a.yaml:8:15  exchanges[0].internal  expected true or false, got "yes"']],
    ["false", []],
  ])("refuses an internal exchange, which nothing could declare (internal: %s)", (value, expected) => {
    const dir = project({ "config/a.yaml": `${FILE_A}    internal: ${value}\n` });
    expect(errorsOf(dir)).toEqual(expected);
  });

  it.each([
    ["0s", ['Pulumi.t.yaml:7:29  config.rabbitmq-ha:cluster.discoveryRetryInterval  "0s" is zero (allowed: a duration above zero, e.g. 1s)']],
    ["0ms", ['Pulumi.t.yaml:7:29  config.rabbitmq-ha:cluster.discoveryRetryInterval  "0ms" is zero (allowed: a duration above zero, e.g. 1s)']],
    ["500ms", []],
  ])("refuses a discovery retry interval RabbitMQ would not boot with (%s)", (value, expected) => {
    const dir = project({ "Pulumi.t.yaml": STACK.replace('version: "4.1"\n', `version: "4.1"\n    discoveryRetryInterval: ${value}\n`) });
    expect(errorsOf(dir)).toEqual(expected);
  });

  it("runs the stack's cross-checks even when a topology file is malformed", () => {
    const dir = project({ "Pulumi.t.yaml": STACK.replace("virtualIp: 10.10.0.100", "virtualIp: 10.10.0.21"), "config/b.yaml": FILE_B.replace("system: B", "system: B\nqueue: []") });
    expect(errorsOf(dir)).toEqual([
      'Pulumi.t.yaml:15:16  config.rabbitmq-ha:loadBalancers.virtualIp  the virtual IP 10.10.0.21 is already load balancer "lb1"\'s address (every address on the network is unique; the VIP must be a free address)',
      'config/b.yaml:2:1  queue  unknown key "queue" (did you mean "queues"? allowed: system, vhosts, exchanges, queues, bindings, policies, users)',
    ]);
  });

  // B's binding names an exchange A does not declare; B's queue (quorum by the 4.1 default) is auto-delete.
  const BROKEN_B = FILE_B.replace("source: A_EVENTS_EXCHANGE", "source: A_EVENT_EXCHANGE").replace("    vhost: A_VHOST\nbindings", "    vhost: A_VHOST\n    autoDelete: true\nbindings");
  const TOPOLOGY_ERRORS = [
    "config/b.yaml:5:17  queues[0].autoDelete  autoDelete: true on a quorum queue (quorum queues cannot be auto-deleted; use a classic queue)",
    'config/b.yaml:8:13  bindings[0].source  source exchange "A_EVENT_EXCHANGE" does not exist in vhost "A_VHOST" (declared exchanges there: A_EVENTS_EXCHANGE)',
  ];
  it.each<[string, (stack: string) => string, string]>([
    [
      "a plain-text cookie",
      (stack) => `${stack}  rabbitmq-ha:erlangCookie: not-so-secret\n`,
      "Pulumi.t.yaml:28:29  config.rabbitmq-ha:erlangCookie  rabbitmq-ha:erlangCookie is in plain text (secrets are encrypted: pulumi config set --secret rabbitmq-ha:erlangCookie)",
    ],
    ["a bad CIDR", (stack) => stack.replace("10.10.0.0/24", "10.10.0.0/33"), 'Pulumi.t.yaml:4:13  config.rabbitmq-ha:network.subnet  "10.10.0.0/33" is not an IPv4 CIDR (address/prefix, e.g. 172.28.8.0/24)'],
    [
      "a router id out of range",
      (stack) => stack.replace("virtualIp: 10.10.0.100", "virtualIp: 10.10.0.100\n    virtualRouterId: 300"),
      "Pulumi.t.yaml:16:22  config.rabbitmq-ha:loadBalancers.virtualRouterId  number 300 is too big (at most 255)",
    ],
    [
      "adminUser: guest",
      (stack) => stack.replace('version: "4.1"', 'version: "4.1"\n    adminUser: guest'),
      'Pulumi.t.yaml:7:16  config.rabbitmq-ha:cluster.adminUser  "guest" cannot be the admin user (RabbitMQ lets guest connect from localhost only; choose another name)',
    ],
  ])("still checks the topology files when the stack file has %s, and reports all together", (_, breakStack, stackError) => {
    expect(errorsOf(project({ "Pulumi.t.yaml": breakStack(STACK), "config/b.yaml": BROKEN_B }))).toEqual([stackError, ...TOPOLOGY_ERRORS]);
  });

  it("runs the stack checks that do not read a broken key", () => {
    const stack = STACK.replace("10.10.0.0/24", "10.10.0.0/33").replace("priority: 100", "priority: 200");
    expect(errorsOf(project({ "Pulumi.t.yaml": stack }))).toEqual([
      'Pulumi.t.yaml:4:13  config.rabbitmq-ha:network.subnet  "10.10.0.0/33" is not an IPv4 CIDR (address/prefix, e.g. 172.28.8.0/24)',
      'Pulumi.t.yaml:20:19  config.rabbitmq-ha:loadBalancers.instances[0].priority  MASTER "lb1" has priority 150, not above "lb2" (200) (the MASTER\'s priority must be strictly the highest)',
    ]);
  });

  it("reports only the topology files' own problems when the cluster cannot be read (queue types are unknown)", () => {
    const stack = STACK.replace('version: "4.1"', 'version: "5.0"');
    expect(errorsOf(project({ "Pulumi.t.yaml": stack, "config/b.yaml": BROKEN_B.replace("system: B", "system: B\nqueue: []") }))).toEqual([
      'Pulumi.t.yaml:6:14  config.rabbitmq-ha:cluster.version  "5.0" is not allowed (allowed: "3.10", "3.11", "3.12", "3.13", "4.0", "4.1", "4.2", "4.3")',
      'config/b.yaml:2:1  queue  unknown key "queue" (did you mean "queues"? allowed: system, vhosts, exchanges, queues, bindings, policies, users)',
    ]);
  });

  it("refuses an x-match a headers exchange rejects", () => {
    const b = `${FILE_B}exchanges:\n  - name: B_HEADERS_EXCHANGE\n    vhost: A_VHOST\n    type: headers\n`.replace(
      "    destination: B_EVENTS_QUEUE\n",
      "    destination: B_EVENTS_QUEUE\n  - vhost: A_VHOST\n    source: B_HEADERS_EXCHANGE\n    destination: B_EVENTS_QUEUE\n    arguments: {x-match: some, region: eu}\n",
    );
    expect(errorsOf(project({ "config/b.yaml": b }))).toEqual([
      'config/b.yaml:12:26  bindings[1].arguments.x-match  x-match "some" on a binding from headers exchange "B_HEADERS_EXCHANGE" (allowed: all, any, all-with-x, any-with-x)',
    ]);
  });

  it("checks where dead letters and unroutable messages go, and what policies reach", () => {
    const b = FILE_B.replace("    vhost: A_VHOST\nbindings", "    vhost: A_VHOST\n    deadLetter: {exchange: B_DLX_EXCHANGE, routingKey: dead}\nbindings").concat(
      "exchanges:\n  - name: B_DLX_EXCHANGE\n    vhost: A_VHOST\n    type: direct\n  - name: B_IN_EXCHANGE\n    vhost: A_VHOST\n    type: direct\n    alternateExchange: B_DLX_EXCHANGE\n",
      "policies:\n  - name: B_CAP\n    vhost: A_VHOST\n    pattern: ^B_NOTHING_\n    definition: {max-length: 5}\n",
    );
    expect(errorsOf(project({ "config/b.yaml": b }))).toEqual([
      'config/b.yaml:5:28  queues[0].deadLetter.exchange  dead letters of queue "B_EVENTS_QUEUE" are dropped: dead-letter exchange "B_DLX_EXCHANGE" (direct) has no binding for routing key "dead" (bind a queue to it for that key, or set deadLetter.routingKey to a key it routes)',
      'config/b.yaml:17:24  exchanges[1].alternateExchange  alternate exchange "B_DLX_EXCHANGE" (direct) of exchange "B_IN_EXCHANGE" has no binding: what "B_IN_EXCHANGE" cannot route is dropped (bind a queue to "B_DLX_EXCHANGE"; a fanout exchange takes every key)',
      'config/b.yaml:21:14  policies[0].pattern  warning: policy "B_CAP" applies to no queue or exchange declared in vhost "A_VHOST" (it only affects objects declared elsewhere; check pattern ^B_NOTHING_ and applyTo all)',
    ]);
  });

  it("reports a missing topology file, invalid YAML and duplicate keys as diagnostics", () => {
    const dir = project({ "Pulumi.t.yaml": STACK.replace("config/b.yaml]", "config/b.yaml, config/c.yaml]"), "config/a.yaml": "system: A\nvhosts: [\n" });
    const lines = errorsOf(dir);
    expect(lines[0]).toBe('Pulumi.t.yaml:26:43  config.rabbitmq-ha:topology.files[2]  topology file "config/c.yaml" not found (paths are relative to the project directory)');
    // At the unclosed `[` (line 2), not where the parser noticed it (the end of the file).
    expect(lines[1]).toBe("config/a.yaml:2:9  (file)  invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]");
    expect(lines).toHaveLength(2);
    expect(errorsOf(project({ "config/a.yaml": `${FILE_A}system: A2\n` }))).toEqual(["config/a.yaml:8:1  (file)  invalid YAML: Map keys must be unique"]);
  });

  it("refuses unknown rabbitmq-ha keys and secrets in plain text, accepts encrypted ones", () => {
    const stack = `${STACK}  rabbitmq-ha:adminPassword: hunter2\n  rabbitmq-ha:erlangCookie:\n    secure: AAABAxyz\n  rabbitmq-ha:clustre: {}\n  docker:host: unix:///x\n`;
    expect(errorsOf(project({ "Pulumi.t.yaml": stack }))).toEqual([
      "Pulumi.t.yaml:28:30  config.rabbitmq-ha:adminPassword  rabbitmq-ha:adminPassword is in plain text (secrets are encrypted: pulumi config set --secret rabbitmq-ha:adminPassword)",
      'Pulumi.t.yaml:31:3  config.rabbitmq-ha:clustre  unknown key "rabbitmq-ha:clustre" (did you mean "rabbitmq-ha:cluster"? allowed: rabbitmq-ha:hosts, rabbitmq-ha:network, rabbitmq-ha:cluster, rabbitmq-ha:loadBalancers, rabbitmq-ha:topology, rabbitmq-ha:naming, rabbitmq-ha:tls, rabbitmq-ha:metrics, rabbitmq-ha:erlangCookie, rabbitmq-ha:adminPassword, rabbitmq-ha:statsPassword, rabbitmq-ha:userPasswords, rabbitmq-ha:tlsPrivateKey, rabbitmq-ha:tlsCertificate, rabbitmq-ha:tlsCaCertificate)',
    ]);
  });

  it("refuses a stack without its required keys", () => {
    expect(errorsOf(project({ "Pulumi.t.yaml": "config:\n  rabbitmq-ha:naming: {}\n" }))).toEqual(
      ["network", "cluster", "loadBalancers", "topology"].map(
        (key) =>
          `Pulumi.t.yaml:1:1  config  missing rabbitmq-ha:${key} (required keys: rabbitmq-ha:network, rabbitmq-ha:cluster, rabbitmq-ha:loadBalancers, rabbitmq-ha:topology)`,
      ),
    );
  });

  it("keeps warnings on the model and lists every error in ModelValidationError, one per line", () => {
    const twoNodes = STACK.replace("      - hostname: rabbit-3\n        address: 10.10.0.13\n", "");
    expect(loadStackOrThrow(project({ "Pulumi.t.yaml": twoNodes }), "t").warnings.map(formatDiagnostic)).toEqual([
      "Pulumi.t.yaml:5:3  config.rabbitmq-ha:cluster.defaultQueueType  warning: queues declared without a type are quorum queues but the cluster has 2 nodes (a quorum queue needs three or more nodes so that a majority survives the loss of one)",
      'config/b.yaml:3:5  queues[0].type  warning: queue "B_EVENTS_QUEUE" is a quorum queue but the cluster has 2 nodes (a quorum queue needs three or more nodes so that a majority survives the loss of one)',
    ]);
    const broken = project({ "Pulumi.t.yaml": STACK.replace("10.10.0.100", "10.10.1.100").replace("priority: 100", "priority: 200") });
    const thrown = (() => {
      try {
        loadStackOrThrow(broken, "t");
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(ModelValidationError);
    expect((thrown as Error).message).toBe(
      [
        "rabbitmq-ha: the configuration has 2 errors; nothing was declared:",
        "Pulumi.t.yaml:15:16  config.rabbitmq-ha:loadBalancers.virtualIp  the virtual IP 10.10.1.100 is outside the subnet 10.10.0.0/24 (use an address from 10.10.0.1 to 10.10.0.254)",
        'Pulumi.t.yaml:20:19  config.rabbitmq-ha:loadBalancers.instances[0].priority  MASTER "lb1" has priority 150, not above "lb2" (200) (the MASTER\'s priority must be strictly the highest)',
      ].join("\n"),
    );
  });

  it("loadModel takes values from the caller and positions from the stack file", () => {
    const dir = project();
    const result = loadModel({ project: "p", stack: "t", projectDir: dir, config: { network: { name: "net", subnet: "10.10.0.0/24" } } });
    expect(result.model).toBeUndefined();
    expect(result.diagnostics.map(formatDiagnostic)).toEqual(
      ["cluster", "loadBalancers", "topology"].map(
        (key) =>
          `Pulumi.t.yaml:1:1  config  missing rabbitmq-ha:${key} (required keys: rabbitmq-ha:network, rabbitmq-ha:cluster, rabbitmq-ha:loadBalancers, rabbitmq-ha:topology)`,
      ),
    );
  });

  it("names the stacks it can find when the stack file is missing", () => {
    expect(errorsOf(project()).length).toBe(0);
    expect(loadStack(project(), "prod").diagnostics.map(formatDiagnostic)[0]).toMatch(/^Pulumi\.prod\.yaml:0:0  \(file\)  stack file not found \(create Pulumi\.prod\.yaml in .+, or pick one of: t\)$/);
  });
});
