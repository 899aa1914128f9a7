/**
 * A stand-in for a new release of the RabbitMQ image: the current image with one more label,
 * built locally (no registry here) under a new tag, so it has a new image id.
 */
import type Docker from "dockerode";
import tar from "tar-stream";

export async function rebuiltImage(docker: Docker, image: string): Promise<string> {
  const tag = `${image}-rebuilt`;
  const dockerfile = `FROM ${image}\nLABEL rabbitmq-ha.test.rebuilt="${Date.now()}"\n`;
  const pack = tar.pack();
  pack.entry({ name: "Dockerfile" }, dockerfile);
  pack.finalize();
  const stream = await docker.buildImage(pack as unknown as NodeJS.ReadableStream, { t: tag, pull: false, rm: true } as Docker.ImageBuildOptions);
  const output = await new Promise<{ error?: string }[]>((done, fail) => docker.modem.followProgress(stream, (error, result) => (error ? fail(error) : done(result as never))));
  const failure = output.find((line) => line.error);
  if (failure) throw new Error(`building ${tag}: ${failure.error}`);
  return tag;
}
