/**
 * Least privilege: a producer user (one that publishes in a vhost) cannot read a queue of that
 * vhost it was not granted; the broker refuses with ACCESS_REFUSED (403). It can still publish
 * to the exchange it was granted.
 */
import { Check, expect } from "./types";
import { userAmqp } from "../deployment";
import { withConnection } from "../load/amqp";
import { probeId, publishMandatory } from "./messaging";

export const producerCannotRead: Check = {
  name: "a producer user cannot read a queue it was not granted (ACCESS_REFUSED)",
  run: async (deployment) => {
    const { users, queues } = deployment.model.topology;
    const candidates = users.flatMap((user) =>
      user.grants
        .filter((grant) => grant.publishes.length > 0)
        .flatMap((grant) => {
          const forbidden = queues.find((q) => q.vhost === grant.vhost && !grant.consumes.includes(q.name));
          return forbidden ? [{ user: user.name, grant, forbidden }] : [];
        }),
    );
    const pick = candidates[0];
    expect(pick !== undefined, "no producer user has an ungranted queue in its vhost");
    const target = userAmqp(deployment, pick.user, pick.grant.vhost);
    const exchange = pick.grant.publishes[0] ?? "";
    const refusal = await withConnection(target, async (connection) => {
      const allowed = await connection.createConfirmChannel();
      await publishMandatory(allowed, exchange, "e2e.access-check", probeId("access"));
      const channel = await connection.createChannel();
      channel.on("error", () => undefined);
      try {
        await channel.get(pick.forbidden.name, { noAck: false });
        return undefined;
      } catch (error) {
        return error as { code?: number; message: string };
      }
    });
    expect(refusal !== undefined, `${pick.user} read ${pick.forbidden.name} although it was not granted`);
    expect(refusal.code === 403, `reading ${pick.forbidden.name} failed, but not with ACCESS_REFUSED: ${refusal.message}`);
    return `${pick.user} may publish to ${exchange}; reading ${pick.grant.vhost}/${pick.forbidden.name} refused: ${refusal.message.slice(0, 160)}`;
  },
};
