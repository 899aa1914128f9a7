/**
 * docker.Container `uploads`: each one a one-file tar archive PUT to /containers/{id}/archive at
 * "/" before the container starts, as terraform-provider-docker does it. Mode 0644, 0744 when
 * `executable`, or `permissions` (octal) when given; `owner`/`group` become the tar entry's
 * uid/gid, which the engine applies when it extracts (names resolved on this host, as the
 * provider resolves them on the machine running Pulumi).
 */
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import type Docker from "dockerode";
import tar from "tar-stream";
import { Inputs, InputError, optBool, optString, reqString } from "../inputs";

export interface UploadEntry {
  readonly file: string;
  readonly content: Buffer;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
}

export function uploadEntry(upload: Inputs, where: string): UploadEntry {
  const sources = ["content", "contentBase64", "source"].filter((key) => optString(upload, key, where) !== undefined);
  if (sources.length !== 1) {
    throw new InputError(`${where}: exactly one of content, contentBase64 or source must be set (got ${sources.length})`);
  }
  const content =
    sources[0] === "content"
      ? Buffer.from(reqString(upload, "content", where), "utf8")
      : sources[0] === "contentBase64"
        ? Buffer.from(reqString(upload, "contentBase64", where), "base64")
        : readFileSync(reqString(upload, "source", where));
  const permissions = optString(upload, "permissions", where);
  const mode = permissions !== undefined ? parseOctal(permissions, where) : optBool(upload, "executable", where) ? 0o744 : 0o644;
  return {
    file: reqString(upload, "file", where),
    content,
    mode,
    uid: resolveId(optString(upload, "owner", where), "passwd", where),
    gid: resolveId(optString(upload, "group", where), "group", where),
  };
}

function parseOctal(text: string, where: string): number {
  if (!/^0?[0-7]{3,4}$/.test(text)) throw new InputError(`${where}: permissions "${text}" is not an octal mode like 0400`);
  return Number.parseInt(text, 8);
}

/** Numeric ids are used as they are; names go through this host's user or group database. */
function resolveId(value: string | undefined, database: "passwd" | "group", where: string): number {
  if (value === undefined) return 0;
  if (/^\d+$/.test(value)) return Number(value);
  try {
    const line = execFileSync("getent", [database, value], { encoding: "utf8" });
    return Number(line.split(":")[2]);
  } catch {
    throw new InputError(`${where}: ${database === "passwd" ? "owner" : "group"} "${value}" is unknown on this host`);
  }
}

export function tarOf(entry: UploadEntry): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pack.on("end", () => resolve(Buffer.concat(chunks)));
    pack.on("error", reject);
  });
  pack.entry({ name: entry.file, mode: entry.mode, uid: entry.uid, gid: entry.gid, size: entry.content.length }, entry.content);
  pack.finalize();
  return done;
}

export async function uploadAll(container: Docker.Container, uploads: readonly unknown[], where: string): Promise<number> {
  for (const [i, raw] of uploads.entries()) {
    const entry = uploadEntry(raw as Inputs, `${where} uploads[${i}]`);
    await container.putArchive(await tarOf(entry), { path: "/" });
  }
  return uploads.length;
}
