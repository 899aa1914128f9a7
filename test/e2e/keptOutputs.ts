/**
 * A deployment kept running (`npm run e2e -- --keep`) is only useful if its user can reach it:
 * the stack outputs (AMQP and management URLs with the generated admin password) go to a file
 * only its owner can read, never to the terminal.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Deployment } from "./deployment";
import { progress } from "./log";

export function writeKeptOutputs(projectDir: string, deployment: Deployment): string {
  const dir = path.join(projectDir, ".e2e-outputs");
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${deployment.stack}.json`);
  fs.writeFileSync(file, `${JSON.stringify(deployment.outputs, null, 2)}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  progress(`kept ${deployment.stack}: VIP ${deployment.vip}; stack outputs (with credentials) in ${path.relative(projectDir, file)} (mode 0600)`);
  return file;
}
