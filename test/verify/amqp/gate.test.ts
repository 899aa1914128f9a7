import { EventEmitter } from "node:events";
import type { ChannelModel, ConfirmChannel } from "amqplib";
import { describe, expect, test } from "vitest";
import { PublishGate } from "../../../verify/amqp/gate";

/** A confirm channel whose confirms never come: what a channel on a blocked connection does. */
const neverConfirmed = { waitForConfirms: () => new Promise<void>(() => undefined) } as unknown as ConfirmChannel;
const confirmed = { waitForConfirms: async () => undefined } as unknown as ConfirmChannel;

const elapsed = async (work: Promise<unknown>) => {
  const started = Date.now();
  const error = await work.then(() => undefined, (e: Error) => e.message);
  return { error, ms: Date.now() - started };
};

describe("PublishGate", () => {
  test("confirms that come in time pass through", async () => {
    await expect(new PublishGate().confirmed(confirmed, 1000)).resolves.toBeUndefined();
  });

  test("a confirm that never comes fails at the timeout instead of hanging", async () => {
    const { error, ms } = await elapsed(new PublishGate().confirmed(neverConfirmed, 100));
    expect(error).toBe("no publisher confirm within 100 ms");
    expect(ms).toBeLessThan(1000);
  });

  test("connection.blocked ends a waiting confirm at once, with the broker's reason", async () => {
    const gate = new PublishGate();
    const connection = new EventEmitter();
    gate.watch(connection as unknown as ChannelModel);
    setTimeout(() => connection.emit("blocked", "low on disk"), 20);
    const { error, ms } = await elapsed(gate.confirmed(neverConfirmed, 10_000));
    expect(error).toBe("publish blocked: the broker blocked the probe's connection: low on disk");
    expect(ms).toBeLessThan(1000);
    expect(gate.connectionBlocked).toBe(true);
    connection.emit("unblocked");
    expect(gate.blocked).toBeUndefined();
  });

  test("an alarm known before publishing fails the wait without waiting", async () => {
    const gate = new PublishGate();
    gate.block("rabbit@a disk alarm (disk_free_alarm) (GET /api/nodes)");
    const { error, ms } = await elapsed(gate.confirmed(neverConfirmed, 10_000));
    expect(error).toBe("publish blocked: rabbit@a disk alarm (disk_free_alarm) (GET /api/nodes)");
    expect(ms).toBeLessThan(100);
    expect(gate.connectionBlocked).toBe(false);
  });
});
