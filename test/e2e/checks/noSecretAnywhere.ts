/**
 * No private key and no password where anyone can read it (issue 14's "Done when"): not in the
 * files `npm run render` writes, not in the stack state on disk (secrets are sealed there, the
 * outputs included), not in any container's `docker inspect` (env, command, labels, mounts) and
 * not in its logs. The values searched for are the ones the deployment really uses, and with
 * TLS on each node's key file is first shown to hold its key (0400, rabbitmq) so the search
 * cannot pass by looking for the wrong thing.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { Check, expect } from "./types";
import { CONTAINER, type Deployment } from "../deployment";
import { execIn } from "../containers";
import { secretValues } from "./secrets";
import { renderStackFiles } from "../../../render/stackFiles";
import { NODE_KEY_PATH } from "../../../model/tls/spec";
import { E2E_STATE_DIR } from "../layout";

const PRIVATE_KEY = "tls:index/privateKey:PrivateKey";
const LOG_LINES = 5_000;

/** A PEM's body lines (its base64), each long enough to be unmistakable. */
function pemLines(pem: string): string[] {
  return pem.split("\n").filter((line) => line.length >= 40 && !line.startsWith("-----"));
}

/**
 * The lines of a private key PEM that carry private material: all but the last, which for EC
 * keys (SEC1 and PKCS#8 alike) holds only the public point, also found, base64-aligned, in
 * certificates and requests (a first run flagged exactly that as a leak in the state file).
 */
function privateLines(pem: string): string[] {
  return pemLines(pem).slice(0, -1);
}

function privateKeys(deployment: Deployment): Map<string, string> {
  const keys = new Map<string, string>();
  for (const object of deployment.created.filter((o) => o.type === PRIVATE_KEY)) {
    for (const field of ["privateKeyPem", "privateKeyPemPkcs8"]) {
      const pem = object.outputs[field];
      if (typeof pem === "string") privateLines(pem).forEach((line, i) => keys.set(`${object.name}.${field} line ${i + 1}`, line));
    }
  }
  return keys;
}

/** With TLS on: each node's key file is there, 0400 rabbitmq, and is one of the generated keys. */
async function keyFilesDelivered(deployment: Deployment, keyLines: ReadonlySet<string>): Promise<string> {
  if (!deployment.model.tls.enabled) return "TLS off: no key files";
  for (const node of deployment.nodes) {
    const stat = await execIn(deployment.dockerOf(node.container), node.container, ["stat", "-c", "%a %U %u", NODE_KEY_PATH]);
    expect(stat.output.trim() === "400 rabbitmq 999", `${node.hostname}: ${NODE_KEY_PATH} is "${stat.output.trim()}", want "400 rabbitmq 999"`);
    const content = await execIn(deployment.dockerOf(node.container), node.container, ["cat", NODE_KEY_PATH]);
    expect(privateLines(content.output).some((line) => keyLines.has(line)), `${node.hostname}: ${NODE_KEY_PATH} holds none of the generated keys`);
  }
  return `key files 0400 rabbitmq on ${deployment.nodes.length} nodes, each a generated key`;
}

export const noSecretAnywhere: Check = {
  name: "no private key or password in rendered files, the state file, docker inspect or container logs",
  run: async (deployment) => {
    const keys = privateKeys(deployment);
    const secrets = new Map([...secretValues(deployment), ...keys]);
    expect(secrets.size > 0, "found no secrets to look for");
    expect(!deployment.model.tls.enabled || keys.size > 0, "TLS is on but no generated private key is in state");
    const delivered = await keyFilesDelivered(deployment, new Set(keys.values()));

    const places: [string, string][] = renderStackFiles(deployment.model).map((f) => [`rendered ${f.container}:${f.path}`, f.text]);
    places.push(["state file", readFileSync(join(process.cwd(), E2E_STATE_DIR, `${deployment.stack}.json`), "utf8")]);
    for (const container of deployment.created.filter((o) => o.type === CONTAINER)) {
      const handle = deployment.dockerOf(container.id).getContainer(container.id);
      const info = await handle.inspect();
      places.push([`docker inspect ${info.Name}`, JSON.stringify(info)]);
      const logs = await handle.logs({ stdout: true, stderr: true, tail: LOG_LINES });
      places.push([`docker logs ${info.Name}`, logs.toString("utf8")]);
    }
    const leaks: string[] = [];
    for (const [where, text] of places) {
      if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) leaks.push(`a PEM private key in ${where}`);
      for (const [what, value] of secrets) if (text.includes(value)) leaks.push(`${what} in ${where}`);
    }
    expect(leaks.length === 0, `visible: ${[...new Set(leaks)].slice(0, 10).join("; ")}`);
    const digest = createHash("sha256").update([...secrets.values()].join()).digest("hex").slice(0, 8);
    return `${secrets.size} secret values (${keys.size} private-key lines; set ${digest}) absent from ${places.length} places; ${delivered}`;
  },
};
