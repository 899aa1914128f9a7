import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { renderToDir } from "../../cli/lib/renderToDir";
import { RABBITMQ_CONF_PATH } from "../../render/nodeFiles";
import { projectDir, stableSecrets } from "../infra/program";

const dirs: string[] = [];
function outDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rabbitmq-ha-render-out-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

interface ManifestEntry {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

describe("renderToDir", () => {
  it("writes each container's files and a manifest of every resource, with no secret in any of them", async () => {
    const out = outDir();
    const summary = await renderToDir({ projectDir, stack: "dev", outDir: out, newResource: stableSecrets });
    expect(summary.files).toEqual(
      expect.arrayContaining([
        "rabbit-disc1/etc/rabbitmq/conf.d/50-rabbitmq-ha.conf",
        "rabbit-ram2/etc/rabbitmq/conf.d/50-rabbitmq-ha.conf",
        "lb1/usr/local/etc/haproxy/haproxy.cfg",
        "lb2/etc/keepalived/keepalived.conf",
        "manifest.json",
      ]),
    );
    for (const file of summary.files) expect(fs.readFileSync(path.join(out, file), "utf8"), file).not.toMatch(/SENTINEL/);
    expect(fs.readFileSync(path.join(out, "lb1/usr/local/etc/haproxy/haproxy.cfg"), "utf8")).toContain(`hdr Authorization "[secret]"`);
    expect(fs.readFileSync(path.join(out, "rabbit-disc1/var/lib/rabbitmq/.erlang.cookie"), "utf8")).toBe("[secret]");

    const manifest = JSON.parse(fs.readFileSync(path.join(out, "manifest.json"), "utf8")) as ManifestEntry[];
    expect(manifest).toHaveLength(summary.resources);
    for (const entry of manifest) expect(Object.keys(entry)).toEqual(["type", "name", "inputs"]);
    expect(manifest.some((e) => e.type === "rabbitmq:index/queue:Queue")).toBe(true);
    expect(manifest.find((e) => e.name === "topology-provider")?.inputs["password"]).toBe("[secret]");
  });

  it("writes the very rabbitmq.conf the program uploads", async () => {
    const out = outDir();
    await renderToDir({ projectDir, stack: "modern", outDir: out });
    const manifest = JSON.parse(fs.readFileSync(path.join(out, "manifest.json"), "utf8")) as ManifestEntry[];
    const container = manifest.find((e) => e.name === "cluster-rabbit-2-container")!;
    const uploaded = (container.inputs["uploads"] as { file: string; content: string }[]).find((u) => u.file === RABBITMQ_CONF_PATH)!;
    expect(fs.readFileSync(path.join(out, "rabbit-2", RABBITMQ_CONF_PATH), "utf8")).toBe(uploaded.content);
  });
});

describe("npm run render", () => {
  const cli = (...args: string[]) => spawnSync(path.join(projectDir, "node_modules", ".bin", "tsx"), ["cli/render.ts", ...args], { cwd: projectDir, encoding: "utf8" });

  it("renders a stack and lists what it wrote", () => {
    const out = outDir();
    const run = cli("--stack", "modern", "--out", out);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`${path.join(out, "lb1/usr/local/etc/haproxy/haproxy.cfg")}\n`);
    expect(run.stdout).toMatch(/stack modern: 17 files, \d+ resources in the manifest\n$/);
  });

  it("exits 1 naming the problem when the stack does not exist", () => {
    const run = cli("--stack", "nope", "--out", outDir());
    expect(run.status).toBe(1);
    const [headline, diagnostic] = run.stderr.split("\n");
    expect(headline).toBe("rabbitmq-ha: the configuration has 1 error; nothing was declared:");
    expect(diagnostic).toMatch(/^Pulumi\.nope\.yaml:0:0 .*create Pulumi\.nope\.yaml in /);
  });

  it("exits 2 with the usage when --out is missing", () => {
    const run = cli("--stack", "dev");
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("render: --stack and --out are required\nusage: npm run render -- --stack <name> --out <directory> [--dir <project directory>]\n");
  });
});
