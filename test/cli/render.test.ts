import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { RECORD_FILE } from "../../cli/lib/renderOwnership";
import { renderToDir } from "../../cli/lib/renderToDir";
import { RABBITMQ_CONF_PATH } from "../../render/nodeFiles";
import { stableSecrets } from "../infra/program";
import { exampleProject, removeFixtureProjects } from "./lib/fixtureProject";
import { runCli } from "./lib/runCli";

// The frozen example project (test/cli/fixtures/example) with the program: never the shipped config.
const projectDir = exampleProject({ program: true });
afterAll(removeFixtureProjects);

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
  provider?: string;
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
    // The only secret in haproxy.cfg is the stats page's: the file is masked whole; no RabbitMQ credential is in it.
    const haproxy = fs.readFileSync(path.join(out, "lb1/usr/local/etc/haproxy/haproxy.cfg"), "utf8");
    expect(haproxy).not.toContain("Authorization");
    expect(haproxy).toContain("stats auth 'stats:[secret]'");
    expect(fs.readFileSync(path.join(out, "rabbit-disc1/var/lib/rabbitmq/.erlang.cookie"), "utf8")).toBe("[secret]");

    const manifest = JSON.parse(fs.readFileSync(path.join(out, "manifest.json"), "utf8")) as ManifestEntry[];
    expect(manifest).toHaveLength(summary.resources);
    for (const entry of manifest) expect(Object.keys(entry)).toEqual(entry.provider ? ["type", "name", "provider", "inputs"] : ["type", "name", "inputs"]);
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

describe("render into a folder used before", () => {
  it("removes what the previous render wrote (a node that is gone) and keeps the user's files", async () => {
    const out = outDir();
    await renderToDir({ projectDir, stack: "modern", outDir: out });
    fs.writeFileSync(path.join(out, "notes.txt"), "mine");
    const second = await renderToDir({ projectDir, stack: "dev", outDir: out });
    expect(fs.existsSync(path.join(out, "rabbit-2"))).toBe(false);
    expect(fs.readFileSync(path.join(out, "notes.txt"), "utf8")).toBe("mine");
    expect(JSON.parse(fs.readFileSync(path.join(out, RECORD_FILE), "utf8"))).toEqual({ files: second.files });
  });

  it("refuses a non-empty folder a render did not write, and touches nothing in it", async () => {
    const out = outDir();
    fs.writeFileSync(path.join(out, "thesis.tex"), "years of work");
    await expect(renderToDir({ projectDir, stack: "dev", outDir: out })).rejects.toThrow(
      `--out ${out} is not empty and is not a previous render's output (no ${RECORD_FILE}); pick an empty or new folder`,
    );
    expect(fs.readdirSync(out)).toEqual(["thesis.tex"]);
  });
});

describe("npm run render", { timeout: 120_000 }, () => {
  const cli = (...args: string[]) => runCli("render", [...args, "--dir", projectDir]);

  it("renders a stack and lists what it wrote; warnings on stderr in validate's format", async () => {
    const out = outDir();
    const run = await cli("--stack", "Pulumi.dev.yaml", "--out", out);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${path.join(out, "lb1/usr/local/etc/haproxy/haproxy.cfg")}\n`);
    expect(run.stdout).toContain(`${path.join(out, "prometheus.yml")}\n`);
    expect(run.stdout).toMatch(/stack dev: 21 files, \d+ resources in the manifest\n$/);
    expect(run.stderr.split("\n").filter(Boolean)).toEqual([
      expect.stringMatching(/^Pulumi\.dev\.yaml:22:15 {2}config\.rabbitmq-ha:cluster\.nodes\[1\]\.type {2}warning: /),
      expect.stringMatching(/^Pulumi\.dev\.yaml:25:15 {2}config\.rabbitmq-ha:cluster\.nodes\[2\]\.type {2}warning: /),
    ]);
  });

  it("refuses a used folder in one line, exit 2", async () => {
    const out = outDir();
    fs.writeFileSync(path.join(out, "x"), "");
    expect(await cli("--stack", "dev", "--out", out)).toEqual({
      code: 2,
      stdout: "",
      stderr: `render: --out ${out} is not empty and is not a previous render's output (no ${RECORD_FILE}); pick an empty or new folder\n`,
    });
  });

  it("exits 2 with one line when --out is missing", async () => {
    expect(await cli("--stack", "dev")).toEqual({ code: 2, stdout: "", stderr: "render: --out is required (the folder to write into)\n" });
  });
});
