/**
 * The rabbitmq provider takes its CA as a file path (`cacertFile`: terraform-provider-rabbitmq
 * v1.8.0 rabbitmq/provider.go reads it into the client's RootCAs), so the stack CA is written to
 * `.rabbitmq-ha/<stack>-ca.pem` beside the project (git-ignored; a CA certificate is public).
 * The path is the same on every run, so the provider's configuration never changes by itself.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";

export const CA_FILE_DIR = ".rabbitmq-ha";

export function caFileFor(stack: string, caCertificate: pulumi.Output<string>): pulumi.Output<string> {
  return caCertificate.apply((pem) => {
    const file = path.resolve(CA_FILE_DIR, `${stack}-ca.pem`);
    // `npm run render` runs the program under fake resources, whose certificates have no PEM.
    if (typeof pem !== "string" || pem === "") return file;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, pem, { mode: 0o644 });
    return file;
  });
}
