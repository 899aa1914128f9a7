/**
 * Secret values in a state file are sealed, as the Pulumi CLI's passphrase secrets manager
 * seals them: AES-256-GCM under a key derived (scrypt) from PULUMI_CONFIG_PASSPHRASE, or, when
 * no passphrase is set, under a random key kept beside the state in a 0600 file. The state file
 * therefore never holds a password or the cookie in plain text.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export const SEALED_KEY = "@sealed";

export interface SecretBox {
  seal(value: unknown): { [SEALED_KEY]: string };
  open(sealed: { [SEALED_KEY]: string }): unknown;
  /** What the state file records so the same key can be derived again (salt, or the key file). */
  readonly descriptor: string;
}

function boxWith(key: Buffer, descriptor: string): SecretBox {
  return {
    descriptor,
    seal(value) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
      return { [SEALED_KEY]: Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64") };
    },
    open(sealed) {
      const raw = Buffer.from(sealed[SEALED_KEY], "base64");
      const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      try {
        return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8"));
      } catch {
        throw new Error(`cannot open a sealed state value with this key (${descriptor}): wrong PULUMI_CONFIG_PASSPHRASE?`);
      }
    },
  };
}

/**
 * The box for a state file. `saved` is the descriptor an existing state recorded; a new state
 * picks passphrase mode when PULUMI_CONFIG_PASSPHRASE is set, else a key file.
 */
export function secretBoxFor(keyFile: string, saved: string | undefined): SecretBox {
  const passphrase = process.env["PULUMI_CONFIG_PASSPHRASE"];
  const mode = saved?.split(":")[0] ?? (passphrase ? "passphrase" : "keyfile");
  if (mode === "passphrase") {
    if (!passphrase) throw new Error("this state was sealed with PULUMI_CONFIG_PASSPHRASE: set it to read the state");
    const salt = saved?.split(":")[1] ?? randomBytes(16).toString("base64");
    return boxWith(scryptSync(passphrase, Buffer.from(salt, "base64"), 32), `passphrase:${salt}`);
  }
  if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(32).toString("base64"), { mode: 0o600 });
  return boxWith(Buffer.from(readFileSync(keyFile, "utf8").trim(), "base64"), "keyfile");
}
