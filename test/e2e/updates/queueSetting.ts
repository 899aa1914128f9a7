/**
 * The `queue-setting` update scenario (issue 11 item 5): the load queues' message TTL and max
 * length change in their topology file, as a user edits it, and the load exchange gets an
 * alternate exchange. The plan must update (or, for the exchange's first setting, create) the
 * generated settings policies in place and touch no queue or exchange
 * (model/derive/settingsPolicies.ts); the load published through the VIP during the update
 * proves no confirmed message was lost (a replaced queue would take the messages confirmed
 * before it with it); afterwards the broker must run each queue under its policy with the new
 * values, not under a stale x-argument, and route what the load exchange cannot route to its
 * new alternate exchange's queue.
 *
 * The edited files are copies of the listed ones in a temporary directory (the worktree's
 * files stay untouched); topology file paths may be absolute (model/load/sources.ts).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import type { Step } from "../../../engine/types";
import { management, seg } from "../../../engine/providers/rabbitmq/http";
import { exchangeSettingsPolicyName, settingsPolicyName } from "../../../model/derive/settingsPolicies";
import type { QueueSpec } from "../../../model/types";
import type { Deployment } from "../deployment";
import { sleep } from "../log";
import type { StackConfig } from "./changes";

const PROJECT_DIR = path.resolve(__dirname, "../../..");
const TOPOLOGY_KEY = "rabbitmq-ha:topology";
const LOAD_QUEUE = /^E2E_LOAD_[A-Z_]+_QUEUE$/;
const POLICY = "rabbitmq:index/policy:Policy";

/** The new values, as written in the file and as the broker reports them. */
const NEW_TTL = { text: "2h", ms: 7_200_000 };
const NEW_MAX_LENGTH = 2_000_000;
/** The exchange that gets an alternate exchange, the alternate exchange and the queue bound to it (test/e2e/config/e2e.yaml). */
const LOAD_EXCHANGE = "E2E_LOAD_EXCHANGE";
const NEW_ALTERNATE = { exchange: "E2E_UNROUTED_EXCHANGE", queue: "E2E_UNROUTED_QUEUE" };

/** Load queues that declare a TTL: the ones the scenario edits. */
function editedQueues(deployment: Deployment): QueueSpec[] {
  return deployment.model.topology.queues.filter((q) => LOAD_QUEUE.test(q.name) && q.messageTtlMs !== undefined);
}

/** The exchange the scenario edits, which must have no alternate exchange before it. */
function editedExchange(deployment: Deployment) {
  const exchange = deployment.model.topology.exchanges.find((x) => x.name === LOAD_EXCHANGE);
  if (!exchange || exchange.alternateExchange !== undefined) throw new Error(`${LOAD_EXCHANGE} must be declared without an alternate exchange (test/e2e/config/e2e.yaml)`);
  return exchange;
}

/** The config with every listed topology file that declares an edited queue or exchange swapped for an edited copy. */
export async function withNewQueueSettings(config: StackConfig, deployment: Deployment): Promise<StackConfig> {
  const names = new Set(editedQueues(deployment).map((q) => q.name));
  if (names.size === 0) throw new Error("no E2E_LOAD_*_QUEUE declares a messageTtl (test/e2e/config/e2e.yaml should)");
  editedExchange(deployment);
  const topology = config[TOPOLOGY_KEY] as Record<string, unknown>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rabbitmq-ha-queue-setting-"));
  const files = (topology["files"] as string[]).map((file) => {
    const data = parse(fs.readFileSync(path.resolve(PROJECT_DIR, file), "utf8")) as { queues?: Record<string, unknown>[]; exchanges?: Record<string, unknown>[] };
    const queues = (data.queues ?? []).filter((q) => names.has(String(q["name"])));
    const exchanges = (data.exchanges ?? []).filter((x) => x["name"] === LOAD_EXCHANGE);
    if (queues.length === 0 && exchanges.length === 0) return file;
    for (const q of queues) Object.assign(q, { messageTtl: NEW_TTL.text, maxLength: NEW_MAX_LENGTH });
    for (const x of exchanges) Object.assign(x, { alternateExchange: NEW_ALTERNATE.exchange });
    const copy = path.join(dir, path.basename(file));
    fs.writeFileSync(copy, stringify(data));
    return copy;
  });
  return { ...config, [TOPOLOGY_KEY]: { ...topology, files } };
}

/**
 * Only settings policies change, in place: the queues' are updated, the load exchange's is
 * created (its first setting); no queue, exchange or anything else changes.
 */
export function onlyPolicyUpdates(steps: readonly Step[]): string | undefined {
  const changed = steps.filter((s) => s.kind !== "same");
  const others = changed.filter((s) => !(s.type === POLICY && (s.kind === "update" || s.kind === "create")));
  if (!changed.some((s) => s.type === POLICY && s.kind === "update")) return "the plan updates no policy, yet the queues' settings policies should be updated";
  if (!changed.some((s) => s.type === POLICY && s.kind === "create" && s.name.includes(exchangeSettingsPolicyName(LOAD_EXCHANGE)))) {
    return `the plan creates no ${exchangeSettingsPolicyName(LOAD_EXCHANGE)} policy, yet ${LOAD_EXCHANGE} gets an alternate exchange`;
  }
  return others.length === 0 ? undefined : `only policy changes expected, yet it also plans ${others.map((s) => `${s.kind} ${s.name} [${s.reasons.join("; ")}]`).join(", ")}`;
}

interface ApiQueue {
  readonly policy?: string | null;
  readonly effective_policy_definition?: Record<string, unknown> | null;
  readonly arguments?: Record<string, unknown>;
  readonly messages?: number;
}

function problemsOf(queue: QueueSpec, found: ApiQueue): string[] {
  const effective = found.effective_policy_definition ?? {};
  const args = found.arguments ?? {};
  const where = `${queue.vhost}/${queue.name}`;
  return [
    ...(found.policy === settingsPolicyName(queue.name) ? [] : [`${where} runs under policy "${found.policy ?? ""}", want "${settingsPolicyName(queue.name)}"`]),
    ...(effective["message-ttl"] === NEW_TTL.ms ? [] : [`${where} effective message-ttl is ${String(effective["message-ttl"])}, want ${NEW_TTL.ms}`]),
    ...(effective["max-length"] === NEW_MAX_LENGTH ? [] : [`${where} effective max-length is ${String(effective["max-length"])}, want ${NEW_MAX_LENGTH}`]),
    // An argument would override the policy (the lower TTL or length wins): there must be none.
    ...["x-message-ttl", "x-max-length"].filter((key) => key in args).map((key) => `${where} still has the argument ${key}=${String(args[key])}`),
  ];
}

/** The broker applies a changed policy to its queues asynchronously: allow it a moment. */
const SETTLE_MS = 15_000;

/** After the update: every edited queue runs under its own policy with the new values; the load exchange routes what it cannot route to its new alternate exchange. */
export async function newSettingsApplied(deployment: Deployment): Promise<string> {
  const queues = editedQueues(deployment);
  const started = Date.now();
  for (;;) {
    const found = await Promise.all(
      queues.map(async (q) => (await management(deployment.management, "GET", `/api/queues/${seg(q.vhost)}/${seg(q.name)}`)).body as ApiQueue),
    );
    const problems = [...queues.flatMap((q, i) => problemsOf(q, found[i] ?? {})), ...(await alternateExchangeProblems(deployment, queues[0]?.vhost ?? ""))];
    if (problems.length === 0) {
      return [
        ...queues.map((q, i) => `${q.name}: policy ${found[i]?.policy}, message-ttl ${NEW_TTL.ms}, max-length ${NEW_MAX_LENGTH}, no such argument`),
        `${LOAD_EXCHANGE}: policy ${exchangeSettingsPolicyName(LOAD_EXCHANGE)}, an unroutable message reached ${NEW_ALTERNATE.queue}`,
      ].join("; ");
    }
    if (Date.now() - started > SETTLE_MS) throw new Error(`after ${SETTLE_MS / 1000}s: ${problems.join("; ")}`);
    await sleep(1_000);
  }
}

interface ApiExchange {
  readonly policy?: string | null;
  readonly arguments?: Record<string, unknown>;
}

/**
 * The load exchange runs under its generated policy with no alternate-exchange argument, and a
 * message published to it with a key nothing binds is taken from the alternate exchange's queue
 * (fetched, not counted: queue statistics lag by seconds).
 */
async function alternateExchangeProblems(deployment: Deployment, vhost: string): Promise<string[]> {
  const api = deployment.management;
  const base = `/api/exchanges/${seg(vhost)}/${seg(LOAD_EXCHANGE)}`;
  const exchange = (await management(api, "GET", base)).body as ApiExchange;
  const wantPolicy = exchangeSettingsPolicyName(LOAD_EXCHANGE);
  if (exchange.policy !== wantPolicy) return [`${LOAD_EXCHANGE} runs under policy "${exchange.policy ?? ""}", want "${wantPolicy}"`];
  if ("alternate-exchange" in (exchange.arguments ?? {})) return [`${LOAD_EXCHANGE} still has the argument alternate-exchange`];
  const marker = `unrouted-${Date.now()}`;
  const published = (await management(api, "POST", `${base}/publish`, { properties: {}, routing_key: "e2e.no-binding", payload: marker, payload_encoding: "string" })).body as { routed?: boolean };
  if (published.routed !== true) return [`a message to ${LOAD_EXCHANGE} with no matching binding was not routed (routed: ${String(published.routed)})`];
  const got = (await management(api, "POST", `/api/queues/${seg(vhost)}/${seg(NEW_ALTERNATE.queue)}/get`, { count: 10, ackmode: "ack_requeue_false", encoding: "auto" })).body as { payload?: string }[];
  return got.some((m) => m.payload === marker) ? [] : [`the unroutable message did not reach ${NEW_ALTERNATE.queue} (got ${got.length} other message(s))`];
}
