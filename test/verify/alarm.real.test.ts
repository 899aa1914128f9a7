/**
 * The probe when the broker refuses publishers, and when it is interrupted, against a real
 * RabbitMQ node (issue 12): a disk alarm raised with `rabbitmqctl set_disk_free_limit 1000GB`
 * must fail the run within its own time, naming the node and the alarm, and leave no temporary
 * vhost; a publish the broker blocks (connection.blocked) must fail, not hang; SIGINT/SIGTERM
 * must remove the temporary vhost and user before the CLI exits 130/143.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { PROBE_ACCOUNT_PREFIX } from "../../verify";
import { connectAmqp } from "../../verify/amqp/connect";
import { PublishGate } from "../../verify/amqp/gate";
import { runCheck } from "../../verify/check";
import { deliveryCheck } from "../../verify/checks/delivery";
import { openAccount } from "../../verify/probe/account";
import { cleanupProbe } from "../../verify/probe/cleanup";
import { probeIdentity } from "../../verify/probe/identity";
import { ProbeObjects } from "../../verify/probe/objects";
import { BROKER_IMAGES, imagePresent, managementJson, startBroker, type TestBroker } from "./support/broker";
import { runVerifyCli, startVerifyCli } from "./support/cli";

const presentImages = BROKER_IMAGES.filter(imagePresent);

interface NodeAlarms {
  readonly name: string;
  readonly disk_free_alarm?: boolean;
}

async function probeVhosts(broker: TestBroker): Promise<string[]> {
  const vhosts = await managementJson<{ name: string }[]>(broker, "/api/vhosts");
  return vhosts.map((vhost) => vhost.name).filter((name) => name.startsWith(PROBE_ACCOUNT_PREFIX));
}

async function probeUsers(broker: TestBroker): Promise<string[]> {
  const users = await managementJson<{ name: string }[]>(broker, "/api/users");
  return users.map((user) => user.name).filter((name) => name.startsWith(PROBE_ACCOUNT_PREFIX));
}

/** Sets the disk free limit and waits until /api/nodes shows the alarm as wanted. */
async function diskLimit(broker: TestBroker, limit: string, alarm: boolean): Promise<void> {
  await broker.exec(["rabbitmqctl", "-q", "set_disk_free_limit", limit]);
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const [node] = await managementJson<NodeAlarms[]>(broker, "/api/nodes");
    if (node?.disk_free_alarm === alarm) return;
    await sleep(200);
  }
  throw new Error(`disk_free_alarm did not become ${alarm} within 20 s of set_disk_free_limit ${limit}`);
}
const raiseDiskAlarm = (broker: TestBroker) => diskLimit(broker, "1000GB", true);
/** 50MB: RabbitMQ's default disk_free_limit. */
const clearDiskAlarm = (broker: TestBroker) => diskLimit(broker, "50MB", false);

for (const image of presentImages) {
  describe(`verify during a resource alarm and when interrupted, against ${image}`, () => {
    let broker: TestBroker;
    const env = () => ({
      RABBITMQ_HA_AMQP_URL: broker.amqpUrl,
      RABBITMQ_HA_MANAGEMENT_URL: broker.managementUrl,
      RABBITMQ_HA_USERNAME: broker.username,
      RABBITMQ_HA_PASSWORD: broker.password,
    });

    beforeAll(async () => {
      broker = await startBroker(image);
    }, 120_000);
    afterAll(async () => broker?.stop(), 60_000);
    afterEach(async () => {
      if (broker !== undefined) await clearDiskAlarm(broker);
    }, 30_000);

    test("a disk alarm fails the run within its timeout, naming node and alarm, and leaves no temporary vhost", async () => {
      await raiseDiskAlarm(broker);
      const started = Date.now();
      const run = await runVerifyCli(["--timeout", "3s"], env());
      const seconds = (Date.now() - started) / 1000;

      expect(run.code).toBe(1);
      const alarm = `${broker.nodeName} disk alarm (disk_free_alarm)`;
      expect(run.stdout).toMatch(new RegExp(`^cluster: alarms +FAIL +\\d+ +${alarm.replace(/[()]/g, "\\$&")}: publishers are blocked$`, "m"));
      for (const check of ["delivery \\(quorum\\)", "delivery \\(classic\\)", "mandatory return", "alternate exchange", "dead letter"]) {
        expect(run.stdout).toMatch(new RegExp(`^${check} +FAIL +\\d+ +not attempted, publishing is blocked: ${alarm.replace(/[()]/g, "\\$&")} \\(GET /api/nodes\\)$`, "m"));
      }
      expect(run.stdout).toMatch(/^cleanup +PASS +\d+ +deleted temporary vhost and user rabbitmq-ha-verify-/m);
      expect(run.stdout.trimEnd().split("\n").at(-1)).toMatch(/ 6 failed, \d+ skipped: FAILED$/);
      // Without the alarm a run takes 2-4 s here; a blocked publish used to hang it for good.
      expect(seconds).toBeLessThan(20);
      expect(await probeVhosts(broker)).toEqual([]);
      expect(await probeUsers(broker)).toEqual([]);
    }, 60_000);

    test("a publish the broker blocks mid-run fails within the timeout, and cleanup still removes the vhost", async () => {
      const api = { label: "management API", base: new URL(broker.managementUrl), username: broker.username, password: broker.password, timeoutMs: 5000 };
      const identity = probeIdentity();
      const account = await openAccount(api, identity.runId, undefined);
      const connection = await connectAmqp({ url: new URL(broker.amqpUrl), ...account, timeoutMs: 5000 }, "alarm test");
      const gate = new PublishGate();
      gate.watch(connection);
      // Raised after the probe's own preflight would have looked: only the broker can tell now.
      await raiseDiskAlarm(broker);
      const objects = new ProbeObjects(identity, 1);
      const context = { connection, identity, objects, timeoutMs: 3000, messageCount: 5, queueType: "classic" as const, gate };

      const delivery = await runCheck("delivery (classic)", 9000, () => deliveryCheck(context, "classic"));
      expect(delivery.status).toBe("fail");
      expect(delivery.detail).toMatch(/^publish blocked: the broker blocked the probe's connection: low on disk|^no publisher confirm within 3000 ms$/);
      expect(delivery.ms).toBeLessThan(9000);

      const started = Date.now();
      const cleanup = await runCheck("cleanup", 9000, () => cleanupProbe(api, account, connection, objects, gate));
      expect(cleanup).toMatchObject({ status: "pass", detail: `deleted temporary vhost and user ${account.vhost}` });
      expect(Date.now() - started).toBeLessThan(9000);
      expect(await probeVhosts(broker)).toEqual([]);
    }, 60_000);

    test.each([
      { signal: "SIGINT" as const, code: 130 },
      { signal: "SIGTERM" as const, code: 143 },
    ])("$signal mid-run: the temporary vhost and user are removed, exit $code", async ({ signal, code }) => {
      // Enough messages that the delivery checks are still running when the signal comes.
      const { child, done } = startVerifyCli(["--messages", "20000"], env());
      const deadline = Date.now() + 20_000;
      while ((await probeVhosts(broker)).length === 0) {
        if (Date.now() > deadline) throw new Error("the probe's vhost never appeared");
        await sleep(25);
      }
      await sleep(300);
      child.kill(signal);
      const run = await done;
      expect(run).toMatchObject({ code, stderr: `verify: interrupted (${signal})\n` });
      expect(await probeVhosts(broker)).toEqual([]);
      expect(await probeUsers(broker)).toEqual([]);
    }, 60_000);
  });
}
