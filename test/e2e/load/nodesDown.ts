/**
 * How many of the cluster's node containers are down at once: polled every 200 ms during an
 * action, a node counts as down when its container is missing, stopped, or not healthy. The
 * number of polls is returned too: a monitor that never polled measured nothing.
 */
import type { Deployment } from "../deployment";
import { sleep } from "../log";

const EVERY_MS = 200;

export class NodesDownMonitor {
  private running = true;
  private most = 0;
  private samples = 0;
  private readonly loop: Promise<void>;

  constructor(private readonly deployment: Deployment) {
    this.loop = this.run();
  }

  async stop(): Promise<{ mostDown: number; samples: number }> {
    this.running = false;
    await this.loop;
    return { mostDown: this.most, samples: this.samples };
  }

  private async run(): Promise<void> {
    while (this.running) {
      const down = await Promise.all(this.deployment.nodes.map((node) => this.isDown(node.container)));
      this.most = Math.max(this.most, down.filter(Boolean).length);
      this.samples++;
      await sleep(EVERY_MS);
    }
  }

  private async isDown(container: string): Promise<boolean> {
    try {
      const info = await this.deployment.dockerOf(container).getContainer(container).inspect();
      return !info.State.Running || (info.State.Health !== undefined && info.State.Health.Status !== "healthy");
    } catch {
      return true;
    }
  }
}
