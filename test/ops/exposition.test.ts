import { describe, expect, it } from "vitest";
import { parseExposition, samplesOf, vipHeldPerMetrics } from "../../ops/metrics/exposition";

const vip = (active: number, check: string) =>
  [
    "# HELP haproxy_backend_active_servers Current number of active servers.",
    "# TYPE haproxy_backend_active_servers gauge",
    `haproxy_backend_active_servers{proxy="vip_state"} ${active}`,
    'haproxy_backend_active_servers{proxy="amqp"} 3',
    ...["HANA", "SOCKERR", "L4OK"].map((state) => `haproxy_server_check_status{proxy="vip_state",server="held_here",state="${state}"} ${state === check ? 1 : 0}`),
  ].join("\n");

describe("Prometheus exposition", () => {
  it("reads names, labels (escapes too) and values, skipping comments", () => {
    const samples = parseExposition('# TYPE x gauge\nrabbitmq_identity_info{rabbitmq_node="rabbit@a",note="say \\"hi\\""} 1\nup 0 1700000000\n');
    expect(samples).toEqual([
      { name: "rabbitmq_identity_info", labels: { rabbitmq_node: "rabbit@a", note: 'say "hi"' }, value: 1 },
      { name: "up", labels: {}, value: 0 },
    ]);
    expect(samplesOf(samples, "rabbitmq_identity_info", { rabbitmq_node: "rabbit@b" })).toEqual([]);
  });

  it.each<[string, string, boolean | undefined]>([
    ["server up after a check that connected from the VIP: held", vip(1, "L4OK"), true],
    ["server down after a check that could not bind the VIP: not held", vip(0, "SOCKERR"), false],
    ["server still up after one failed check (fall 2): not yet known", vip(1, "SOCKERR"), undefined],
    ["server up before any check (HAProxy's initial state): unknown", vip(1, "HANA"), undefined],
    ["no vip_state backend: unknown", 'haproxy_backend_active_servers{proxy="amqp"} 3', undefined],
  ])("VIP state: %s", (_, text, held) => expect(vipHeldPerMetrics(parseExposition(text))).toBe(held));
});
