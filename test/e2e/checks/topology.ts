/**
 * The model's bindings, users and permissions are on the broker as the model says (queues,
 * exchanges and policies: the verify probe's topology checks); and every object of the validated
 * model was declared (nothing dropped on the way from config to resources).
 */
import { Check, expect } from "./types";
import { modelObjectProblems } from "./brokerObjects";
import type { Deployment } from "../deployment";

export const declaredTopologyOnBroker: Check = {
  name: "every binding, user and permission of the model on the broker as the model says",
  run: async (deployment) => {
    const { problems, counts } = await modelObjectProblems(deployment.management, deployment.model);
    expect(problems.length === 0, problems.slice(0, 8).join("; ") + (problems.length > 8 ? ` (+${problems.length - 8} more)` : ""));
    return Object.entries(counts).map(([kind, n]) => `${n} ${kind}`).join(", ");
  },
};

/** Keys naming each model object, and the same keys built from the declared resources. */
function modelKeys(deployment: Deployment): string[] {
  const t = deployment.model.topology;
  return [
    ...t.vhosts.map((v) => `vhost ${v.name}`),
    ...t.exchanges.map((e) => `exchange ${e.vhost}/${e.name}`),
    ...t.queues.map((q) => `queue ${q.vhost}/${q.name}`),
    ...t.bindings.map((b) => `binding ${b.vhost}/${b.source}->${b.destinationType}:${b.destination}[${b.routingKey}]`),
    ...t.policies.map((p) => `${p.operator ? "operator policy" : "policy"} ${p.vhost}/${p.name}`),
    ...t.users.map((u) => `user ${u.name}`),
    ...t.users.flatMap((u) => u.grants.map((g) => `permissions ${g.vhost}/${u.name}`)),
  ];
}

function declaredKeys(deployment: Deployment): Set<string> {
  const keys = new Set<string>();
  for (const { type, inputs: i } of deployment.created) {
    const kind = type.split(":").at(-1);
    if (kind === "VHost") keys.add(`vhost ${String(i["name"])}`);
    if (kind === "Exchange") keys.add(`exchange ${String(i["vhost"])}/${String(i["name"])}`);
    if (kind === "Queue") keys.add(`queue ${String(i["vhost"])}/${String(i["name"])}`);
    if (kind === "Binding") {
      keys.add(`binding ${String(i["vhost"])}/${String(i["source"])}->${String(i["destinationType"])}:${String(i["destination"])}[${String(i["routingKey"] ?? "")}]`);
    }
    if (kind === "Policy") keys.add(`policy ${String(i["vhost"])}/${String(i["name"])}`);
    if (kind === "OperatorPolicy") keys.add(`operator policy ${String(i["vhost"])}/${String(i["name"])}`);
    if (kind === "User") keys.add(`user ${String(i["name"])}`);
    if (kind === "Permissions") keys.add(`permissions ${String(i["vhost"])}/${String(i["user"])}`);
  }
  return keys;
}

export const modelFullyDeclared: Check = {
  name: "every object of the validated model is declared",
  run: async (deployment) => {
    const declared = declaredKeys(deployment);
    const wanted = modelKeys(deployment);
    const missing = wanted.filter((key) => !declared.has(key));
    expect(missing.length === 0, `not declared: ${missing.slice(0, 8).join("; ")}`);
    return `${wanted.length} model objects, all declared`;
  },
};
