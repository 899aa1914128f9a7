/**
 * Samples which load-balancer container holds the VIP during an action (see vipTimeline.ts for
 * how the samples are judged). One `docker exec` per container runs a bash loop that prints
 * `<epoch seconds.micro> <1|0>` every SAMPLE_MS (`ip -o -4 addr show to <vip>` is non-empty on
 * the holder): one exec instead of one per sample, so the Docker engine is asked once per
 * container, and the timestamps come from inside the container, unaffected by output buffering
 * on the way out. A container being recreated has no running loop: its stream ends (recorded
 * as a not-holding sample) and the loop is started again once the container runs.
 */
import { PassThrough } from "node:stream";
import { createInterface } from "node:readline";
import type Docker from "dockerode";
import type { Deployment } from "../deployment";
import { sleep } from "../log";
import type { VipSample } from "./vipTimeline";

export const SAMPLE_MS = 100;
/** The loop ends by itself after this long (the suite stops it earlier; see stop()). */
const LOOP_SECONDS = 1_800;
const RETRY_MS = 100;

/** The in-container loop; it also ends when `stopFile` exists (written by stop()). */
export function samplerScript(vip: string, stopFile: string): string {
  return [
    `end=$((EPOCHSECONDS + ${LOOP_SECONDS}))`,
    `while [ "$EPOCHSECONDS" -lt "$end" ] && [ ! -e ${stopFile} ]; do`,
    `  if [ -n "$(ip -o -4 addr show to ${vip}/32)" ]; then h=1; else h=0; fi`,
    `  echo "$EPOCHREALTIME $h"`,
    `  sleep ${SAMPLE_MS / 1000}`,
    "done",
  ].join("\n");
}

/** One line of the loop's output as a sample, or undefined for anything else. */
export function parseSampleLine(container: string, line: string): VipSample | undefined {
  const match = /^(\d+)[.,](\d+) ([01])$/.exec(line.trim());
  if (!match) return undefined;
  return { atMs: Math.floor(Number(`${match[1]}.${match[2]}`) * 1000), container, holds: match[3] === "1" };
}

export class VipMonitor {
  private running = true;
  private readonly samples: VipSample[] = [];
  private readonly streams = new Set<NodeJS.ReadWriteStream>();
  private readonly stopFile = `/tmp/e2e-vip-monitor-${process.pid}-${Date.now().toString(36)}.stop`;
  private lastError = "";
  private readonly loops: Promise<void>[];

  constructor(private readonly deployment: Deployment) {
    this.loops = deployment.lbs.map((lb) => this.watch(lb.container));
  }

  /** Stops sampling (and the loops inside the containers); the samples taken, and the last error if any. */
  async stop(): Promise<{ samples: VipSample[]; lastError: string }> {
    this.running = false;
    await Promise.all(this.deployment.lbs.map((lb) => this.touchStopFile(lb.container)));
    for (const stream of this.streams) (stream as unknown as { destroy: () => void }).destroy();
    await Promise.all(this.loops);
    return { samples: [...this.samples], lastError: this.lastError };
  }

  private async watch(container: string): Promise<void> {
    const docker = this.deployment.dockerOf(container);
    while (this.running) {
      try {
        await this.follow(docker, container);
      } catch (error) {
        this.lastError = `${container}: ${(error as Error).message}`;
      }
      if (this.running) await sleep(RETRY_MS);
    }
  }

  /** Runs the loop in `container` until its stream ends; then the container holds nothing. */
  private async follow(docker: Docker, container: string): Promise<void> {
    const exec = await docker.getContainer(container).exec({ Cmd: ["bash", "-c", samplerScript(this.deployment.vip, this.stopFile)], AttachStdout: true, AttachStderr: true });
    const stream = await exec.start({ hijack: true, stdin: false });
    this.streams.add(stream);
    const out = new PassThrough();
    docker.modem.demuxStream(stream, out, out);
    const ended = new Promise<void>((resolve) => {
      stream.on("end", resolve);
      stream.on("close", resolve);
      stream.on("error", resolve);
    });
    const lines = createInterface({ input: out });
    lines.on("line", (line) => {
      const sample = parseSampleLine(container, line);
      if (sample) this.samples.push(sample);
      else this.lastError = `${container}: ${line.slice(0, 200)}`;
    });
    await ended;
    out.end();
    this.streams.delete(stream);
    if (this.running) this.samples.push({ atMs: Date.now(), container, holds: false });
  }

  private async touchStopFile(container: string): Promise<void> {
    try {
      const exec = await this.deployment.dockerOf(container).getContainer(container).exec({ Cmd: ["touch", this.stopFile] });
      await exec.start({ Detach: true });
    } catch {
      // Not running: its loop died with it.
    }
  }
}
