/**
 * Publisher confirms through the VIP: a burst of persistent messages into each load queue is
 * confirmed in full, and consuming the queue gives back every confirmed message exactly once.
 */
import { Check, expect } from "./types";
import { adminAmqp } from "../deployment";
import { loadRoutes } from "../load/routes";
import { ConfirmedPublisher } from "../load/publisher";
import { account, drainQueue } from "../load/drain";
import { sleep } from "../log";

const RATE = 1_000;
const SECONDS = 2;

export const publisherConfirms: Check = {
  name: "publisher confirms arrive for every message",
  run: async (deployment) => {
    const details: string[] = [];
    for (const route of loadRoutes(deployment)) {
      const target = adminAmqp(deployment, route.vhost);
      const prefix = `confirms-${Date.now()}`;
      const publisher = new ConfirmedPublisher(target, route, prefix, RATE);
      const started = Date.now();
      publisher.start();
      await sleep(SECONDS * 1000);
      const stats = await publisher.finish(15_000);
      const seconds = (Date.now() - started) / 1000;
      expect(stats.unconfirmed === 0, `${route.queue}: ${stats.unconfirmed} of ${stats.sent} messages never confirmed`);
      const counted = account(publisher.confirmedIds, await drainQueue(target, route.queue, prefix));
      expect(counted.lost === 0, `${route.queue}: ${counted.lost} confirmed messages missing (${counted.lostIds.join(", ")})`);
      details.push(`${route.queue} ${stats.confirmed}/${stats.sent} confirmed (${Math.round(stats.confirmed / seconds)} msg/s), ${counted.duplicated} dup`);
    }
    return details.join("; ");
  },
};
