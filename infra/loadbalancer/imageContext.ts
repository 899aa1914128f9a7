import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * The load-balancer image's build context, relative to the project directory: Pulumi runs the
 * program there, and a relative path keeps state identical across machines (an absolute one
 * would differ per checkout and force a rebuild).
 */
export const LOADBALANCER_CONTEXT = "templates/loadbalancer";

/** The project directory: the parent of infra/. */
const PROJECT_DIR = path.resolve(__dirname, "..", "..");

/**
 * A digest of every file in the build context. Used as the image's `triggers`: the provider
 * does not look inside the context, so without it an edited entrypoint would never be rebuilt.
 */
export function contextDigest(dir: string = LOADBALANCER_CONTEXT): string {
  const root = path.resolve(PROJECT_DIR, dir);
  if (!fs.existsSync(path.join(root, "Dockerfile"))) throw new Error(`${dir}/Dockerfile is missing: the load-balancer image cannot be built`);
  const hash = createHash("sha256");
  for (const file of filesUnder(root)) {
    hash.update(`${file}\0`);
    hash.update(fs.readFileSync(path.join(root, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

function filesUnder(root: string, dir = root): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(root, path.join(dir, e.name)) : [path.relative(root, path.join(dir, e.name))]))
    .sort();
}

/** A Docker tag for the image built on `haproxyImage` (haproxy:2.8 -> rabbitmq-ha-loadbalancer:haproxy-2.8). */
export function loadBalancerImageName(haproxyImage: string): string {
  const tag = haproxyImage.replace(/[^A-Za-z0-9_.-]+/g, "-").replace(/^[.-]+/, "").slice(0, 128);
  return `rabbitmq-ha-loadbalancer:${tag}`;
}
