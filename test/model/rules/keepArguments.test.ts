import { describe, expect, it } from "vitest";
import { checkKeepQueueArguments } from "../../../model/rules/keepQueueArguments";
import { lines, saleTopology } from "../fixtures";

describe("keepQueueArguments and keepExchangeArguments", () => {
  it("accepts declared names and *", () => {
    const { topology, context } = saleTopology();
    expect(lines(checkKeepQueueArguments(topology, ["SALE_ORDER_QUEUE", "*"], context, ["SALE_ORDER_EXCHANGE", "*"]))).toEqual([]);
  });

  it("names the stack key and index of a queue or exchange no topology file declares", () => {
    const { topology, context } = saleTopology();
    expect(lines(checkKeepQueueArguments(topology, ["SALE_ORDER_QUEUES"], context, ["SALE_ORDER_QUEUE"]))).toEqual([
      'error Pulumi.test.yaml config.rabbitmq-ha:topology.keepQueueArguments[0]: queue "SALE_ORDER_QUEUES" is not declared in any topology file of this stack ("*" or the name of a declared queue)',
      'error Pulumi.test.yaml config.rabbitmq-ha:topology.keepExchangeArguments[0]: exchange "SALE_ORDER_QUEUE" is not declared in any topology file of this stack ("*" or the name of a declared exchange)',
    ]);
  });

  it("refuses a declared policy named like a generated one (queue or exchange)", () => {
    const { topology, context } = saleTopology((file) =>
      file.policies.push({ name: "rabbitmq-ha.exchange-settings.X", vhost: "SALE_VHOST", pattern: "^X$", applyTo: "exchanges", definition: { "alternate-exchange": "Y" } }),
    );
    expect(lines(checkKeepQueueArguments(topology, [], context))).toEqual([
      'error config/sale.yaml policies[0].name: policy name "rabbitmq-ha.exchange-settings.X" starts with "rabbitmq-ha." (reserved for the policies that apply queues\' and exchanges\' own settings; choose another name)',
    ]);
  });
});
