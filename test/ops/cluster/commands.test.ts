import { describe, expect, it } from "vitest";
import { canLoseNode, drain, forgetNode, growQuorumQueues, shrinkQuorumQueues } from "../../../ops/cluster/commands";

const commandsOf = (list: readonly { argv: readonly string[] }[]) => list.map((c) => c.argv.join(" "));

describe("canLoseNode", () => {
  it("on 3.x waits for quorum queues and for synchronised classic mirrors, after checking alarms", () => {
    expect(commandsOf(canLoseNode("3.10", 120))).toEqual([
      "rabbitmq-diagnostics -q check_alarms",
      "rabbitmq-upgrade -q --timeout 120 await_online_quorum_plus_one",
      "rabbitmq-upgrade -q --timeout 120 await_online_synchronized_mirror",
    ]);
  });

  it.each(["4.0", "4.3"] as const)("on %s waits for quorum queues only (classic mirroring was removed in 4.0)", (version) => {
    expect(commandsOf(canLoseNode(version, 60))).toEqual(["rabbitmq-diagnostics -q check_alarms", "rabbitmq-upgrade -q --timeout 60 await_online_quorum_plus_one"]);
  });

  it("targets another node with --node when it runs elsewhere (a removed node, from a remaining member)", () => {
    expect(commandsOf(canLoseNode("3.13", 30, "rabbit@gone"))).toEqual([
      "rabbitmq-diagnostics -q --node rabbit@gone check_alarms",
      "rabbitmq-upgrade -q --node rabbit@gone --timeout 30 await_online_quorum_plus_one",
      "rabbitmq-upgrade -q --node rabbit@gone --timeout 30 await_online_synchronized_mirror",
    ]);
    expect(canLoseNode("3.13", 30, "rabbit@gone")[1]!.what).toBe("every quorum queue keeps a majority online without rabbit@gone");
  });
});

describe("membership commands", () => {
  it("drain, grow, shrink and forget name the node they act on", () => {
    expect(commandsOf([drain(), drain("rabbit@b"), growQuorumQueues("rabbit@n"), shrinkQuorumQueues("rabbit@old"), forgetNode("rabbit@old")])).toEqual([
      "rabbitmq-upgrade -q drain",
      "rabbitmq-upgrade -q --node rabbit@b drain",
      "rabbitmq-queues -q grow rabbit@n all",
      "rabbitmq-queues -q shrink rabbit@old",
      "rabbitmqctl -q forget_cluster_node rabbit@old",
    ]);
  });
});
