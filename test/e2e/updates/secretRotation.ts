/**
 * Secret rotations (issue 11, item 3): the admin password and a topology user's password change
 * on the running broker; no container is touched.
 */
import { randomBytes } from "node:crypto";
import { managementRequest } from "../../../infra/admin/http";
import { adminAmqp, type Deployment } from "../deployment";
import { withConnection } from "../load/amqp";
import type { ConfigChange } from "./changes";
import { noContainerTouched, onlyTouches, planned } from "./planRules";

export const SECRET_CHANGES: readonly ConfigChange[] = [
  {
    id: "admin-password",
    kind: "secret",
    name: "rotate the admin password (rabbitmq-ha:adminPassword)",
    apply: async (config, deployment) => {
      rotation.adminBefore = deployment.management.password;
      rotation.adminAfter = freshPassword();
      return { ...config, "rabbitmq-ha:adminPassword": rotation.adminAfter };
    },
    // Changed on the running broker through the management API: no node or load balancer is
    // touched, and the admin credential resource moves the broker to the new password.
    expectPlan: (_counts, steps) =>
      noContainerTouched(steps) ?? planned(steps, "update", "admin-credential") ?? onlyTouches(steps, "what logs in as the admin", (s) => s.kind === "update" || (s.kind === "delete" && s.type.startsWith("random:"))),
  },
  {
    id: "user-password",
    kind: "secret",
    name: "rotate a topology user's password (rabbitmq-ha:userPasswords), through the topology provider",
    apply: async (config, deployment) => {
      // The previous scenario's rotation, as a client sees it through the VIP (checked here, reported by expectPlan).
      rotation.adminProblem = await adminRotationProblem(deployment);
      const user = deployment.model.topology.users[0]?.name;
      if (user === undefined) throw new Error("the e2e topology declares no user");
      rotation.user = user;
      const given = (config["rabbitmq-ha:userPasswords"] ?? {}) as Record<string, string>;
      return { ...config, "rabbitmq-ha:userPasswords": { ...given, [user]: freshPassword() } };
    },
    // rabbitmq User: password updated in place (terraform-provider-rabbitmq v1.8.0
    // rabbitmq/resource_user.go: only `name` is ForceNew; UpdateUser PUTs /api/users/<name>).
    expectPlan: (_counts, steps) =>
      rotation.adminProblem ??
      noContainerTouched(steps) ??
      planned(steps, "update", `topology-user-${encodeURIComponent(rotation.user ?? "")}`) ??
      onlyTouches(steps, "the user", (s) => (s.kind === "update" && s.type === "rabbitmq:index/user:User") || (s.kind === "delete" && s.type.startsWith("random:"))),
  },
];

/** What the password scenarios hand each other (each applies on top of the last). */
const rotation: { adminBefore?: string; adminAfter?: string; adminProblem?: string; user?: string } = {};

function freshPassword(): string {
  return randomBytes(18).toString("base64url");
}

/** After `admin-password`: the new admin password logs in through the VIP (HTTP and AMQP), the old one no longer does. */
async function adminRotationProblem(deployment: Deployment): Promise<string | undefined> {
  if (rotation.adminAfter === undefined || rotation.adminBefore === undefined) return undefined;
  if (deployment.management.password !== rotation.adminAfter) return "after admin-password, the program's rabbitmq provider does not use the new admin password";
  const whoami = async (password: string) => (await managementRequest(deployment.management, password, "GET", "/api/whoami")).status;
  const [now, before] = [await whoami(rotation.adminAfter), await whoami(rotation.adminBefore)];
  if (now !== 200 || before !== 401) return `through the VIP, GET /api/whoami answers ${now} to the new admin password (200 expected) and ${before} to the old one (401 expected)`;
  const vhost = deployment.model.topology.vhosts[0]?.name ?? "/";
  const amqp = await withConnection(adminAmqp(deployment, vhost), async () => "ok").catch((error: unknown) => String(error));
  return amqp === "ok" ? undefined : `AMQP through the VIP with the new admin password fails: ${amqp}`;
}

