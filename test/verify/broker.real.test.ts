/**
 * The probe against a real RabbitMQ node (3.10 and 4.3 stand-in images from `npm run images`):
 * every message check for real, the topology comparison against what the broker really shows,
 * cleanup, and the one-line refusals. The full run through a VIP is in the end-to-end suite.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PROBE_ACCOUNT_PREFIX, PROBE_OBJECT_PREFIX, runVerify, type VerifyOptions, type VerifyResult } from "../../verify";
import { BROKER_IMAGES, imagePresent, managementJson, managementRequest, startBroker, type TestBroker } from "./support/broker";
import { EXAMPLE } from "../cli/lib/fixtureProject";
import { runVerifyCli } from "./support/cli";
import { haproxyPresent, startHaproxy, type TestHaproxy } from "./support/haproxy";
import { closedPort } from "./support/ports";
import { declareScene, SCENE_VHOST, sceneModel } from "./support/scene";

const statuses = (result: VerifyResult) => Object.fromEntries(result.checks.map((check) => [check.name, check.status]));
const detail = (result: VerifyResult, name: string) => result.checks.find((check) => check.name === name)?.detail;
const names = async (broker: TestBroker, path: string) => (await managementJson<{ name: string }[]>(broker, path)).map((item) => item.name);

const ALL_MESSAGE_CHECKS_PASS = {
  "management api": "pass",
  "amqp connect": "pass",
  "delivery (quorum)": "pass",
  "delivery (classic)": "pass",
  "mandatory return": "pass",
  "alternate exchange": "pass",
  "dead letter": "pass",
  "cluster: membership": "pass",
  "cluster: node types": "skip",
  "cluster: alarms": "pass",
  "cluster: partitions": "pass",
  "haproxy: vip holder": "skip",
  "haproxy: backends": "skip",
  "haproxy: instances": "skip",
  cleanup: "pass",
};

const presentImages = BROKER_IMAGES.filter(imagePresent);

for (const image of BROKER_IMAGES) {
  const present = presentImages.includes(image);
  // Version-independent parts (the CLI, the load balancer) run against the first image only.
  const first = image === presentImages[0];
  describe.skipIf(!present)(`verify against ${image}${present ? "" : " (skipped: image absent, `npm run images` builds it)"}`, () => {
    let broker: TestBroker;
    let options: VerifyOptions;

    beforeAll(async () => {
      broker = await startBroker(image);
      options = { amqpUrl: broker.amqpUrl, managementUrl: broker.managementUrl, username: broker.username, password: broker.password };
      await declareScene(broker);
    }, 120_000);
    afterAll(async () => broker?.stop(), 60_000);

    test("every message check passes in a temporary vhost, which is gone afterwards", async () => {
      const result = await runVerify(options);
      expect(statuses(result)).toEqual({ ...ALL_MESSAGE_CHECKS_PASS, "topology: queues": "skip", "topology: exchanges": "skip", "topology: policies": "skip" });
      expect(result).toMatchObject({ ok: true, degraded: false });
      expect(detail(result, "delivery (quorum)")).toBe("20 persistent messages confirmed, consumed and acked");
      expect(detail(result, "mandatory return")).toBe("returned with 312 NO_ROUTE");
      expect(detail(result, "dead letter")).toBe("rejected message reached dlq (quorum) with x-death reason rejected");
      expect(detail(result, "cluster: membership")).toBe(`1 of 1 running: ${broker.nodeName}`);
      expect(detail(result, "cleanup")).toMatch(new RegExp(`^deleted temporary vhost and user ${PROBE_ACCOUNT_PREFIX}[a-z0-9]+-[0-9a-f]{6}$`));
      expect((await names(broker, "/api/vhosts")).filter((name) => name.startsWith(PROBE_ACCOUNT_PREFIX))).toEqual([]);
      expect((await names(broker, "/api/users")).filter((name) => name.startsWith(PROBE_ACCOUNT_PREFIX))).toEqual([]);
    });

    test("the declared topology matches what the broker holds", async () => {
      const result = await runVerify({ ...options, model: sceneModel(broker) });
      expect(statuses(result)).toEqual({
        ...ALL_MESSAGE_CHECKS_PASS, "cluster: node types": "pass", "topology: queues": "pass", "topology: exchanges": "pass", "topology: policies": "pass",
      });
      expect(detail(result, "topology: queues")).toBe("2 declared queues match");
      expect(detail(result, "topology: exchanges")).toBe("3 declared exchanges match");
      expect(detail(result, "topology: policies")).toBe("2 declared policies match");
      expect(detail(result, "cluster: node types")).toBe(`as declared: ${broker.nodeName} disc`);
    });

    test("each difference between config and broker is named", async () => {
      const result = await runVerify({ ...options, model: sceneModel(broker, { drift: true }) });
      expect(result.ok).toBe(false);
      expect(detail(result, "topology: queues")).toBe(
        `2 differences in 3 declared queues: ${SCENE_VHOST}/VT_PRICE_QUEUE: x-message-ttl expected 60000, found 600000; ${SCENE_VHOST}/VT_MISSING_QUEUE: missing`,
      );
      expect(detail(result, "topology: policies")).toBe(`1 difference in 2 declared policies: ${SCENE_VHOST}/VT_LIMIT_POLICY: priority expected 5, found 1`);
      expect(detail(result, "cluster: membership")).toBe(`rabbit@rabbit9 declared but not a cluster member; ${broker.nodeName} is a member but not declared (1 of 1 running)`);
    });

    test("an existing probe user works in its own vhost, deletes its objects and leaves the applications' alone", async () => {
      await managementRequest(broker, "PUT", "/api/users/vt-probe", { password: "vt-probe-secret", tags: "" });
      const own = "^rabbitmq-ha\\.verify\\.";
      await managementRequest(broker, "PUT", `/api/permissions/${SCENE_VHOST}/vt-probe`, { configure: own, write: own, read: own });
      const queuesBefore = await managementJson<{ name: string }[]>(broker, `/api/queues/${SCENE_VHOST}`);

      const result = await runVerify({ ...options, model: sceneModel(broker), probeUser: { username: "vt-probe", password: "vt-probe-secret", vhost: SCENE_VHOST } });
      expect(result.ok).toBe(true);
      expect(detail(result, "cleanup")).toBe('deleted 12 probe queues and exchanges; kept the given user "vt-probe"');
      const left = [...(await names(broker, `/api/queues/${SCENE_VHOST}`)), ...(await names(broker, `/api/exchanges/${SCENE_VHOST}`))];
      expect(left.filter((name) => name.startsWith(PROBE_OBJECT_PREFIX))).toEqual([]);
      expect(await names(broker, `/api/queues/${SCENE_VHOST}`)).toEqual(queuesBefore.map((queue) => queue.name));
      expect(await names(broker, "/api/users")).toContain("vt-probe");
    });

    test("a probe user without rights fails each message check with the broker's reason, and the run goes on", async () => {
      await managementRequest(broker, "PUT", "/api/users/vt-limited", { password: "vt-limited-secret", tags: "" });
      await managementRequest(broker, "PUT", `/api/permissions/${SCENE_VHOST}/vt-limited`, { configure: "^nothing$", write: "^nothing$", read: "^nothing$" });
      const result = await runVerify({ ...options, probeUser: { username: "vt-limited", password: "vt-limited-secret", vhost: SCENE_VHOST } });
      expect(result.ok).toBe(false);
      const refused = (role: string) =>
        new RegExp(`^ACCESS_REFUSED - (?:configure )?access to queue '${PROBE_OBJECT_PREFIX.replace(/\./g, "\\.")}[a-z0-9]+-[0-9a-f]{6}\\.${role}' in vhost '${SCENE_VHOST}' refused for user 'vt-limited'$`);
      expect(detail(result, "delivery (quorum)")).toMatch(refused("delivery-quorum"));
      expect(detail(result, "alternate exchange")).toMatch(/^ACCESS_REFUSED - (?:configure )?access to exchange '.*\.ae' in vhost 'VT_VHOST' refused for user 'vt-limited'$/);
      expect(statuses(result)).toMatchObject({ "cluster: membership": "pass", cleanup: "pass" });
      // 3.10 words it "access to", 4.3 "configure access to"; nothing was declared, so nothing to delete.
      expect(detail(result, "cleanup")).toBe('deleted 0 probe queues and exchanges; kept the given user "vt-limited"');
    });

    test("a wrong password stops the probe with one line", async () => {
      const result = await runVerify({ ...options, password: "wrong" });
      expect(result).toMatchObject({ ok: false, aborted: `management API ${broker.managementUrl}: user "admin" rejected: wrong username or password` });
      expect(result.checks.map((check) => check.name)).toEqual(["management api"]);
    });

    test("an unreachable management API stops the probe with one line", async () => {
      const port = await closedPort();
      const result = await runVerify({ ...options, managementUrl: `http://127.0.0.1:${port}` });
      expect(result).toMatchObject({ ok: false, aborted: `management API http://127.0.0.1:${port}: connection refused` });
    });

    test("an unreachable AMQP port stops the probe with one line, after removing the temporary account", async () => {
      const port = await closedPort();
      const result = await runVerify({ ...options, amqpUrl: `amqp://127.0.0.1:${port}` });
      expect(result.aborted).toMatch(new RegExp(`^AMQP amqp://127\\.0\\.0\\.1:${port} as "${PROBE_ACCOUNT_PREFIX}[a-z0-9]+-[0-9a-f]{6}": connection refused$`));
      expect(statuses(result)).toEqual({ "management api": "pass", "amqp connect": "fail", cleanup: "pass" });
      expect((await names(broker, "/api/vhosts")).filter((name) => name.startsWith(PROBE_ACCOUNT_PREFIX))).toEqual([]);
    }, 15_000);

    test("a probe user with a wrong password, or without its vhost, is refused with one line", async () => {
      const probe = { username: "admin", vhost: "/" };
      const wrong = await runVerify({ ...options, probeUser: { ...probe, password: "wrong" } });
      expect(wrong.aborted).toBe(`AMQP ${broker.amqpUrl} as "admin": login refused: wrong username or password`);
      const noVhost = await runVerify({ ...options, probeUser: { ...probe, password: broker.password, vhost: "NO_SUCH_VHOST" } });
      expect(noVhost.aborted).toBe(`AMQP ${broker.amqpUrl} as "admin": the broker refused the vhost (it does not exist, or the user has no permission on it)`);
    });

    const once = first ? "" : " (skipped: runs against the first image only)";
    describe.runIf(first)(`the command line${once}`, () => {
      const env = () => ({ RABBITMQ_HA_AMQP_URL: broker.amqpUrl, RABBITMQ_HA_MANAGEMENT_URL: broker.managementUrl, RABBITMQ_HA_USERNAME: "admin" });

      test("prints the table and exits 0; the password appears nowhere", async () => {
        const run = await runVerifyCli([], { ...env(), RABBITMQ_HA_PASSWORD: broker.password });
        expect(run).toMatchObject({ code: 0, stderr: "" });
        const lines = run.stdout.trimEnd().split("\n");
        expect(lines[0]).toMatch(/^CHECK +RESULT +MS +DETAIL$/);
        expect(lines.at(-1)).toBe("11 passed, 0 degraded, 0 failed, 7 skipped: OK");
        // Each skip is listed with its reason, right above the verdict.
        expect(lines.filter((line) => line.startsWith("skipped: "))).toEqual([
          "skipped: topology: queues: no stack model to compare with (--stack)",
          "skipped: topology: exchanges: no stack model to compare with (--stack)",
          "skipped: topology: policies: no stack model to compare with (--stack)",
          `skipped: cluster: node types: no stack model to compare node types with (--stack); found ${broker.nodeName} disc`,
          "skipped: haproxy: vip holder: no stats URL (stack output statsUrl, --stats-url or RABBITMQ_HA_STATS_URL)",
          "skipped: haproxy: backends: no stats URL (stack output statsUrl, --stats-url or RABBITMQ_HA_STATS_URL)",
          "skipped: haproxy: instances: no stats URL (stack output statsUrl, --stats-url or RABBITMQ_HA_STATS_URL)",
        ]);
        expect(run.stdout).not.toContain(broker.password);
      }, 30_000);

      test("--json prints the result for CI", async () => {
        const run = await runVerifyCli(["--json"], { ...env(), RABBITMQ_HA_PASSWORD: broker.password });
        expect(run.code).toBe(0);
        const result = JSON.parse(run.stdout) as VerifyResult;
        expect(result).toMatchObject({ ok: true, degraded: false });
        expect(result.checks).toHaveLength(18);
      }, 30_000);

      test("a wrong password: one line on stderr, exit 2", async () => {
        const run = await runVerifyCli([], { ...env(), RABBITMQ_HA_PASSWORD: "wrong" });
        expect(run).toEqual({ code: 2, stdout: "", stderr: `verify: management API ${broker.managementUrl}: user "admin" rejected: wrong username or password\n` });
      }, 30_000);

      test("--stack dev against a broker without its topology: the differences, exit 1", async () => {
        // The frozen example project's dev stack, not the shipped one: a user's additions never change this.
        const run = await runVerifyCli(["--stack", "dev", "--dir", EXAMPLE], { ...env(), RABBITMQ_HA_PASSWORD: broker.password });
        expect(run.code).toBe(1);
        expect(run.stdout).toMatch(/^topology: queues +FAIL +\d+ +\d+ differences? in \d+ declared queues: vhost [A-Z_]+: missing \(\d+ declared queues in it\)/m);
        expect(run.stdout.trimEnd().split("\n").at(-1)).toMatch(/: FAILED$/);
      }, 30_000);
    });

    describe.runIf(first && haproxyPresent)(`through an HAProxy in front of it${haproxyPresent ? once : " (skipped: no haproxy binary; .ci/run installs it)"}`, () => {
      let proxy: TestHaproxy;
      beforeAll(async () => {
        const port = (url: string) => Number(new URL(url).port);
        proxy = await startHaproxy("lb1", { amqpPort: port(broker.amqpUrl), managementPort: port(broker.managementUrl) });
      }, 30_000);
      afterAll(async () => proxy?.stop());
      const through = () => ({ ...options, amqpUrl: proxy.amqpUrl, managementUrl: proxy.managementUrl, statsUrl: proxy.statsUrl });

      test("names the HAProxy that answers and reports a dead server and a silent standby as degraded", async () => {
        const result = await runVerify({ ...through(), loadBalancerAddresses: ["127.0.0.1", "127.0.0.2"], model: sceneModel(broker) });
        expect(result).toMatchObject({ ok: true, degraded: true });
        expect(result.checks.filter((check) => check.name.startsWith("haproxy:")).map(({ name, status, detail }) => ({ name, status, detail }))).toEqual([
          { name: "haproxy: vip holder", status: "pass", detail: "lb1 holds 127.0.0.1" },
          { name: "haproxy: backends", status: "warn", detail: "degraded: amqp 1/2 servers up (rabbit-dead DOWN); management 1/1 servers up" },
          { name: "haproxy: instances", status: "warn", detail: `degraded: lb1 (127.0.0.1) up; HAProxy stats http://127.0.0.2:${new URL(proxy.statsUrl).port}/stats: connection refused` },
        ]);
      });

      test("exit 0 when degraded, 1 with --strict", async () => {
        const env = { RABBITMQ_HA_PASSWORD: broker.password, RABBITMQ_HA_STATS_URL: proxy.statsUrl };
        const args = ["--amqp-url", proxy.amqpUrl, "--management-url", proxy.managementUrl, "--username", "admin"];
        const relaxed = await runVerifyCli(args, env);
        expect(relaxed.code).toBe(0);
        expect(relaxed.stdout.trimEnd().split("\n").at(-1)).toBe("12 passed, 1 degraded, 0 failed, 5 skipped: OK, DEGRADED");
        expect(relaxed.stdout).not.toContain(proxy.statsPassword);
        expect((await runVerifyCli([...args, "--strict"], env)).code).toBe(1);
      }, 60_000);

      test("a wrong stats password fails the load-balancer checks, not the run's other checks", async () => {
        const statsUrl = proxy.statsUrl.replace(proxy.statsPassword, "wrong");
        const result = await runVerify({ ...through(), statsUrl });
        const refused = `HAProxy stats ${statsUrl.replace(/stats:wrong@/, "")}: user "stats" rejected: wrong username or password`;
        expect(result.checks.filter((check) => check.status === "fail").map(({ name, detail }) => ({ name, detail }))).toEqual([
          { name: "haproxy: vip holder", detail: refused },
          { name: "haproxy: backends", detail: refused },
        ]);
      });
    });
  });
}
