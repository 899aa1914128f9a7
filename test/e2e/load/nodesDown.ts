/**
 * How many of the cluster's node containers are down at once: polled every 200 ms during an
 * action, a node counts as down when its container is missing, stopped, or not healthy.
 */
import type { Deployment } from "../deployment";
import { sleep } from "../log";

const EVERY_MS = 200;

export class NodesDownMonitor {
  private running = true;
  private most = 0;
  private readonly loop: Promise<void>;

  constructor(private readonly deployment: Deployment) {
    this.loop = this.run();
  }

  async stop(): Promise<number> {
    this.running = false;
    await this.loop;
    return this.most;
  }

  private async run(): Promise<void> {
    while (this.running) {
      const down = await Promise.all(this.deployment.nodes.map((node) => this.isDown(node.container)));
      this.most = Math.max(this.most, down.filter(Boolean).length);
      await sleep(EVERY_MS);
    }
  }

  private async isDown(container: string): Promise<boolean> {
    try {
      const info = await this.deployment.docker.getContainer(container).inspect();
      return !info.State.Running || (info.State.Health !== undefined && info.State.Health.Status !== "healthy");
    } catch {
      return true;
    }
  }
}
