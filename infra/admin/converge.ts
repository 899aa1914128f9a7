/**
 * The administrator's password, converged on the running broker: RabbitMQ takes `default_pass`
 * only when a blank node first boots, so a rotated password must be set through the management
 * API, authenticating with a password the broker still accepts.
 *
 * Only Node globals are used here and in http.ts: the dynamic provider (resource.ts) serializes this code.
 */
import { type AdminLogin, managementRequest } from "./http";

export type { AdminLogin };

/** What the broker said to one password: accepted (200), refused (401), or unreachable/other. */
export type LoginAnswer = "accepted" | "refused";

export type ConvergeDecision =
  | { readonly kind: "in-sync" }
  | { readonly kind: "change"; readonly using: number }
  | { readonly kind: "locked-out" };

/**
 * Pure: `answers[0]` is the desired password's answer, then the known older ones in order
 * (the previous desired one, the bootstrap one). The desired one accepted: nothing to do; else
 * change it with the first older one accepted (its index in `answers`); none: locked out.
 */
export function decideConverge(answers: readonly LoginAnswer[]): ConvergeDecision {
  if (answers[0] === "accepted") return { kind: "in-sync" };
  const using = answers.findIndex((a, i) => i > 0 && a === "accepted");
  return using > 0 ? { kind: "change", using } : { kind: "locked-out" };
}

/** Pure: the message when no known password is accepted (says how to get back in). */
export function lockedOutMessage(login: AdminLogin, tried: number): string {
  return (
    `the management API at ${login.endpoint} refuses all ${tried} known passwords of the admin user "${login.username}" ` +
    `(the desired one, the previous one, the bootstrap one). Set it by hand on any node ` +
    `(docker exec <node> rabbitmqctl change_password ${login.username} '<rabbitmq-ha:adminPassword>') and run the update again.`
  );
}

/** Pure: a user's tags as the PUT body wants them, from GET /api/users/<name> (list on 3.9+, string before). */
export function tagsOf(user: { readonly tags?: unknown }): string {
  const tags = user.tags;
  if (Array.isArray(tags)) return tags.join(",");
  return typeof tags === "string" && tags !== "" ? tags : "administrator";
}

/**
 * GET /api/whoami with one password. Anything but 200 or 401 (the API not up yet behind the
 * load balancer, a node restarting) is retried for up to `patienceMs`, then thrown.
 */
export async function loginAnswer(login: AdminLogin, password: string, patienceMs = 60_000): Promise<LoginAnswer> {
  const { status, text } = await patiently(login, () => managementRequest(login, password, "GET", "/api/whoami"), patienceMs);
  if (status === 200) return "accepted";
  if (status === 401) return "refused";
  throw new Error(`management API at ${login.endpoint} answered GET /api/whoami with HTTP ${status} ${text}`.trim());
}

/**
 * `attempt` again while the connection fails or the API answers 5xx (a load balancer moving the
 * VIP, a node restarting), for up to `patienceMs`; any other answer is returned as it is.
 */
async function patiently(login: AdminLogin, attempt: () => Promise<{ status: number; text: string }>, patienceMs = 60_000): Promise<{ status: number; text: string }> {
  const deadline = Date.now() + patienceMs;
  for (;;) {
    let last: string;
    try {
      const answer = await attempt();
      if (answer.status < 500) return answer;
      last = `HTTP ${answer.status} ${answer.text}`.trim();
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > deadline) throw new Error(`management API at ${login.endpoint}: ${last}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** Distinct, non-empty, in order: the same password is tried once. */
function distinct(passwords: readonly (string | undefined)[]): string[] {
  return [...new Set(passwords.filter((p): p is string => typeof p === "string" && p !== ""))];
}

/**
 * Makes `desired` the admin's password. `older` are the passwords the broker may still have
 * (the previous desired one, the bootstrap one), tried in order. After the change, the desired
 * one must be accepted (checked), so nothing downstream ever starts with a password that fails.
 */
export async function convergeAdminPassword(login: AdminLogin, desired: string, older: readonly (string | undefined)[]): Promise<ConvergeDecision> {
  const candidates = distinct([desired, ...older]);
  const answers: LoginAnswer[] = [];
  for (const password of candidates) {
    answers.push(await loginAnswer(login, password));
    if (answers[answers.length - 1] === "accepted") break;
  }
  const decision = decideConverge(answers);
  if (decision.kind === "locked-out") throw new Error(lockedOutMessage(login, candidates.length));
  if (decision.kind === "in-sync") return decision;
  const current = candidates[decision.using]!;
  const path = `/api/users/${encodeURIComponent(login.username)}`;
  // Both idempotent: retried like the logins when the endpoint drops a connection.
  const user = await patiently(login, () => managementRequest(login, current, "GET", path));
  if (user.status !== 200) throw new Error(`GET ${path}: HTTP ${user.status} ${user.text}`.trim());
  const put = await patiently(login, () => managementRequest(login, current, "PUT", path, { password: desired, tags: tagsOf(JSON.parse(user.text) as { tags?: unknown }) }));
  // A 401 on a retried PUT: the first attempt went through (the old password is gone); the check below says.
  if (put.status >= 300 && put.status !== 401) throw new Error(`PUT ${path}: HTTP ${put.status} ${put.text}`.trim());
  if ((await loginAnswer(login, desired)) !== "accepted") throw new Error(`the admin password was changed at ${login.endpoint}, yet the new one is refused`);
  return decision;
}
