/**
 * The probe's own queues and exchanges: declared under the probe prefix, recorded, and deleted
 * at the end in reverse order. Queues also get an expiry, so if the probe is killed before it
 * cleans up, the broker removes them on its own.
 */
import type { Channel } from "amqplib";
import type { QueueType } from "../../model/types";
import type { ProbeIdentity } from "./identity";

/** An unused probe queue disappears after this long even if cleanup never ran. */
export const PROBE_QUEUE_EXPIRES_MS = 10 * 60_000;

interface Declared {
  readonly kind: "queue" | "exchange";
  readonly name: string;
}

export class ProbeObjects {
  private readonly declared: Declared[] = [];

  /**
   * `quorumMembers`: how many nodes are running. The probe's quorum queues are placed on those
   * only: a member on a stopped node makes deleting the queue wait for it (the e2e suite saw
   * cleanup run past 30 s with one node down), and the probe's queues are gone minutes later
   * anyway, so they need no replica on a node that cannot take one now.
   */
  constructor(private readonly identity: ProbeIdentity, private readonly quorumMembers?: number) {}

  async queue(channel: Channel, role: string, type: QueueType, args: Record<string, unknown> = {}): Promise<string> {
    const name = this.identity.name(role);
    // Quorum queues must be durable; classic ones are too, so both survive a node restart alike.
    await channel.assertQueue(name, {
      durable: true,
      arguments: { "x-queue-type": type, "x-expires": PROBE_QUEUE_EXPIRES_MS, ...this.groupSize(type), ...args },
    });
    // Recorded once it exists: deleting what was refused would only be refused again.
    this.declared.push({ kind: "queue", name });
    return name;
  }

  private groupSize(type: QueueType): Record<string, number> {
    return type === "quorum" && this.quorumMembers !== undefined && this.quorumMembers > 0 ? { "x-quorum-initial-group-size": this.quorumMembers } : {};
  }

  async exchange(channel: Channel, role: string, type: "direct" | "fanout", alternateExchange?: string): Promise<string> {
    const name = this.identity.name(role);
    await channel.assertExchange(name, type, { durable: true, autoDelete: false, alternateExchange });
    this.declared.push({ kind: "exchange", name });
    return name;
  }

  /** Deletes everything declared, newest first; returns how many objects were removed. */
  async removeAll(channel: Channel): Promise<number> {
    const objects = this.declared.splice(0).reverse();
    for (const object of objects) {
      if (object.kind === "queue") await channel.deleteQueue(object.name);
      else await channel.deleteExchange(object.name);
    }
    return objects.length;
  }
}
