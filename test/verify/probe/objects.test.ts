import { describe, expect, it } from "vitest";
import type { Channel } from "amqplib";
import { ProbeObjects, PROBE_QUEUE_EXPIRES_MS } from "../../../verify/probe/objects";
import { probeIdentity } from "../../../verify/probe/identity";

/** Records what the probe asks the broker to declare. */
function recordingChannel(): { channel: Channel; declared: Array<{ name: string; args: unknown }> } {
  const declared: Array<{ name: string; args: unknown }> = [];
  const channel = {
    assertQueue: async (name: string, options: { arguments: unknown }) => {
      declared.push({ name, args: options.arguments });
      return { queue: name, messageCount: 0, consumerCount: 0 };
    },
  } as unknown as Channel;
  return { channel, declared };
}

describe("ProbeObjects", () => {
  it.each([
    ["quorum", 2, { "x-queue-type": "quorum", "x-expires": PROBE_QUEUE_EXPIRES_MS, "x-quorum-initial-group-size": 2 }],
    ["quorum", undefined, { "x-queue-type": "quorum", "x-expires": PROBE_QUEUE_EXPIRES_MS }],
    ["classic", 2, { "x-queue-type": "classic", "x-expires": PROBE_QUEUE_EXPIRES_MS }],
  ] as const)("places a %s queue on the running nodes only (running: %s)", async (type, running, expected) => {
    const { channel, declared } = recordingChannel();
    await new ProbeObjects(probeIdentity("run1"), running).queue(channel, "delivery", type);
    expect(declared).toEqual([{ name: expect.stringContaining("run1.delivery"), args: expected }]);
  });
});
