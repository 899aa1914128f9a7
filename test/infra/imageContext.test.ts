import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LOADBALANCER_CONTEXT, contextDigest, loadBalancerImageName } from "../../infra/loadbalancer/imageContext";

const dirs: string[] = [];
function context(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rabbitmq-ha-context-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("contextDigest", () => {
  it("is stable for the same files and changes when any file changes", () => {
    const a = contextDigest(context({ Dockerfile: "FROM x", "bin/run.sh": "echo 1" }));
    expect(contextDigest(context({ Dockerfile: "FROM x", "bin/run.sh": "echo 1" }))).toBe(a);
    expect(contextDigest(context({ Dockerfile: "FROM x", "bin/run.sh": "echo 2" }))).not.toBe(a);
    expect(contextDigest(context({ Dockerfile: "FROM x", "bin/run2.sh": "echo 1" }))).not.toBe(a);
  });

  it("digests the shipped load-balancer context", () => {
    expect(contextDigest()).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses a context without a Dockerfile", () => {
    const dir = context({ "run.sh": "" });
    expect(() => contextDigest(dir)).toThrow(`${dir}/Dockerfile is missing: the load-balancer image cannot be built`);
  });
});

describe("loadBalancerImageName", () => {
  it.each([
    ["haproxy:2.8", "rabbitmq-ha-loadbalancer:haproxy-2.8"],
    ["registry.example.com:5000/lb/haproxy:3.0-alpine", "rabbitmq-ha-loadbalancer:registry.example.com-5000-lb-haproxy-3.0-alpine"],
    ["rabbitmq-ha-test/haproxy:2.6", "rabbitmq-ha-loadbalancer:rabbitmq-ha-test-haproxy-2.6"],
  ])("%s -> %s", (base, name) => {
    expect(loadBalancerImageName(base)).toBe(name);
  });

  it("builds from the project's templates/loadbalancer", () => {
    expect(LOADBALANCER_CONTEXT).toBe("templates/loadbalancer");
  });
});
