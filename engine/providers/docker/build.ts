/**
 * `docker build` of a context directory through the engine API (classic builder: this engine
 * has no buildx). A FROM image already on the engine is used as it is, never pulled.
 */
import { readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type Docker from "dockerode";

export interface BuildRequest {
  readonly context: string;
  readonly dockerfile: string;
  readonly tags: readonly string[];
  readonly buildArgs: Record<string, string>;
  readonly labels: Record<string, string>;
  readonly target: string | undefined;
}

export async function buildImage(docker: Docker, request: BuildRequest, where: string): Promise<string> {
  const context = resolve(request.context);
  const stream = await docker.buildImage(
    { context, src: filesUnder(context) },
    {
      t: request.tags[0],
      dockerfile: request.dockerfile,
      buildargs: request.buildArgs,
      labels: request.labels,
      ...(request.target ? { target: request.target } : {}),
      pull: false,
      rm: true,
    } as Docker.ImageBuildOptions,
  );
  const output = await new Promise<{ error?: string; stream?: string }[]>((done, fail) =>
    docker.modem.followProgress(stream, (error, result) => (error ? fail(error) : done(result as never))),
  );
  const failure = output.find((line) => line.error);
  if (failure) {
    const tail = output.map((line) => line.stream ?? "").join("").trim().split("\n").slice(-10).join("\n");
    throw new Error(`${where}: docker build of ${request.context} failed: ${failure.error}\n${tail}`);
  }
  for (const extra of request.tags.slice(1)) {
    const [repo, tag] = splitTag(extra);
    await docker.getImage(request.tags[0] ?? "").tag({ repo, tag });
  }
  return (await docker.getImage(request.tags[0] ?? "").inspect()).Id;
}

function splitTag(reference: string): [string, string] {
  const colon = reference.lastIndexOf(":");
  return colon > reference.lastIndexOf("/") ? [reference.slice(0, colon), reference.slice(colon + 1)] : [reference, "latest"];
}

/** Every file under the context, relative to it (what `docker build` sends without a .dockerignore). */
function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(root, path) : [relative(root, path)];
  });
}
