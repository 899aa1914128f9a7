/**
 * Host-loss faults of a multi-host stack (issue 13): a whole machine of the seed's plan goes
 * away: the one whose load balancer holds the VIP (so the VIP must move and the clients it
 * carried reconnect), or the disc node's (the VIP must stay; the RAM nodes serve on). Each machine is a
 * network namespace with its own Docker engine (hosts/namespaces.ts): its link going down is the
 * machine falling off the LAN, its engine stopping is the machine's Docker going down (every
 * container on it stopped), and both come back by themselves: the link by `ip link set up`, the
 * containers by their restart policy when the engine starts again. Nothing is started by hand.
 */
import type { Deployment, LbHandle } from "../deployment";
import type { Fault } from "./fault";
import { holds, otherLb, vipHolders, waitForSingleHolder } from "./vip";
import { membershipProblems } from "../checks/cluster";
import { stateOf, waitFor } from "../containers";
import { sleep } from "../log";
import { setLink, startEngine, stopEngine } from "../hosts/namespaces";
import { startAgain } from "./nodeFaults";

/** How long the machine is off the LAN (the 20 s). */
const LINK_DOWN_MS = 20_000;
/** How long the stopped engine stays down once its containers are gone. */
const ENGINE_DOWN_MS = 10_000;
const MOVE_TIMEOUT_MS = 20_000;
const REJOIN_TIMEOUT_MS = 120_000;
/**
 * A lost machine costs new clients the VIP move (about 3 adverts of 200 ms) plus HAProxy marking
 * the lost node down or redispatching to another (1 s checks, `retries 2`, `option redispatch`).
 */
const HOST_MAX_OUTAGE_SECONDS = 5;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)}s`;

type PickMachine = (deployment: Deployment, holder: LbHandle) => Promise<string>;
const holdersMachine: PickMachine = async (_deployment, holder) => holder.spec.host;

/** The VIP holder (exactly one), the machine to lose, the other load balancer, and whether the holder goes with the machine. */
async function machineToLose(deployment: Deployment, pick: PickMachine): Promise<{ holder: LbHandle; machine: string; other: LbHandle; holderLost: boolean }> {
  const holder = await waitForSingleHolder(deployment, MOVE_TIMEOUT_MS);
  const machine = await pick(deployment, holder);
  const other = otherLb(deployment, holder);
  const holderLost = holder.spec.host === machine;
  if (holderLost && other.spec.host === machine) throw new Error(`both load balancers run on ${machine}: losing it is not survivable`);
  return { holder, machine, other, holderLost };
}

/** Milliseconds until `lb` holds the VIP (the machine cut off may still hold it too, unreachable). */
async function waitForVipOn(deployment: Deployment, lb: LbHandle, since: number): Promise<number> {
  await waitFor(`${lb.name} to hold the VIP`, MOVE_TIMEOUT_MS, async () => (await holds(deployment, lb)) === true, 100);
  return Date.now() - since;
}

/** After the machine is back: one holder, still one 3 s later (no flapping). */
async function settledHolder(deployment: Deployment): Promise<string> {
  await waitForSingleHolder(deployment, MOVE_TIMEOUT_MS);
  await sleep(3_000);
  const holders = await vipHolders(deployment);
  if (holders.length !== 1) throw new Error(`${holders.length} load balancers hold the VIP at the end: ${holders.map((h) => h.name).join(", ")}`);
  return holders[0]?.name ?? "";
}

/** Milliseconds until every node is a running member again. */
async function waitRejoined(deployment: Deployment, since: number): Promise<number> {
  let last: string[] = [];
  await waitFor("every node to be a running member again", REJOIN_TIMEOUT_MS, async () => {
    last = await membershipProblems(deployment).catch((error: Error) => [error.message]);
    return last.length === 0;
  }, 1_000).catch(() => {
    throw new Error(`not rejoined after ${REJOIN_TIMEOUT_MS / 1000}s: ${last.join("; ")}`);
  });
  return Date.now() - since;
}

/**
 * A machine's engine stopped (its containers stop with it), started again 10 s later; its
 * containers must come back by their restart policy alone. The VIP must move when its holder
 * was on that machine and stay where it is otherwise.
 */
function engineStopFault(id: string, name: string, cutsClients: boolean, pickMachine: PickMachine): Fault {
  return {
    id,
    name,
    maxOutageSeconds: HOST_MAX_OUTAGE_SECONDS,
    expectReconnect: cutsClients,
    inject: async (deployment) => {
      const { holder, machine, other, holderLost } = await machineToLose(deployment, pickMachine);
      const containers = [...nodesOn(deployment, machine).map((n) => n.container), ...deployment.lbs.filter((lb) => lb.spec.host === machine).map((lb) => lb.container)];
      const engine = deployment.dockerOf(containers[0] ?? "");
      const stopping = Date.now();
      const moved = holderLost ? waitForVipOn(deployment, other, stopping) : undefined;
      moved?.catch(() => undefined); // awaited below; a failure before that must not go unhandled
      await stopEngine(machine);
      const stoppedMs = Date.now() - stopping;
      // The machine really lost its engine (a missing pid file would make the stop a no-op).
      if (await engine.ping().then(() => true, () => false)) throw new Error(`${machine}'s engine still answers after being stopped`);
      const vip = moved ? `VIP ${holder.name} -> ${other.name} ${seconds(await moved)} after the stop began` : await stayedOn(deployment, holder);
      await sleep(ENGINE_DOWN_MS);
      const starting = Date.now();
      await startEngine(machine);
      // Back by their restart policy only: nothing here starts a container.
      await waitFor(`${containers.join(", ")} to run again by their restart policy`, 60_000, async () => {
        const states = await Promise.all(containers.map((c) => stateOf(deployment.dockerOf(c), c).catch(() => ({ running: false }))));
        return states.every((s) => s.running);
      });
      const hangs = (await Promise.all(nodesOn(deployment, machine).map((node) => startAgain(deployment, node)))).join("");
      const rejoined = await waitRejoined(deployment, starting);
      const holderAtEnd = await settledHolder(deployment);
      return `${machine}'s engine stopped in ${seconds(stoppedMs)} (${containers.join(", ")} with it): ${vip}; engine started, its containers back by their restart policy, every node a running member ${seconds(rejoined)} after the start${hangs}; only ${holderAtEnd} holds the VIP`;
    },
  };
}

/** With the machine's engine down: the holder on another machine still holds the VIP, alone. */
async function stayedOn(deployment: Deployment, holder: LbHandle): Promise<string> {
  const holders = await vipHolders(deployment);
  if (holders.length !== 1 || holders[0]?.name !== holder.name) throw new Error(`the VIP holder ${holder.name} was not on the lost machine, yet the holders are now: ${holders.map((h) => h.name).join(", ") || "none"}`);
  return `VIP stayed on ${holder.name}`;
}

const nodesOn = (deployment: Deployment, machine: string) => deployment.nodes.filter((n) => deployment.model.cluster.nodes.find((s) => s.hostname === n.hostname)?.host === machine);

export const HOST_FAULTS: readonly Fault[] = [
  {
    id: "host-link-down",
    name: `the VIP holder's machine loses its LAN link for ${LINK_DOWN_MS / 1000} s`,
    maxOutageSeconds: HOST_MAX_OUTAGE_SECONDS,
    expectReconnect: true,
    inject: async (deployment) => {
      const { holder, machine, other } = await machineToLose(deployment, holdersMachine);
      const cut = Date.now();
      setLink(machine, "down");
      let movedMs: number;
      const seenDown = new Set<string>();
      try {
        movedMs = await waitForVipOn(deployment, other, cut);
        // What the rest of the cluster makes of the cut (observed, not judged: Erlang notices a
        // silent peer only after net_ticktime, 60 s by default, so a 20 s cut may go unseen).
        while (Date.now() - cut < LINK_DOWN_MS) {
          const remaining = Math.max(0, LINK_DOWN_MS - (Date.now() - cut));
          const problems = await Promise.race([membershipProblems(deployment).catch((): string[] => []), sleep(remaining).then((): string[] => [])]);
          for (const problem of problems) seenDown.add(problem);
          await sleep(1_000);
        }
      } finally {
        setLink(machine, "up");
      }
      const back = Date.now();
      const rejoined = await waitRejoined(deployment, back);
      const holderAtEnd = await settledHolder(deployment);
      const nodes = nodesOn(deployment, machine).map((n) => n.hostname).join(", ");
      const seen = seenDown.size === 0 ? "the rest of the cluster saw every node running throughout" : `the rest of the cluster saw: ${[...seenDown].join("; ")}`;
      return `${machine} (${holder.name}, ${nodes}) off the LAN ${seconds(back - cut)}: VIP ${holder.name} -> ${other.name} ${seconds(movedMs)} after the cut, ${seen}; link up: every node a running member ${seconds(rejoined)} later; only ${holderAtEnd} holds the VIP`;
    },
  },
  engineStopFault("host-engine-stop", "the VIP holder's machine loses its Docker engine (stopped, then started)", true, holdersMachine),
  // The disc node serves no clients in the seed's plan: nobody's connection goes with it.
  engineStopFault("disc-host-engine-stop", "the disc node's machine loses its Docker engine (stopped, then started)", false, async (deployment) => {
    const disc = deployment.model.cluster.nodes.find((n) => n.type === "disc");
    if (!disc) throw new Error("the stack has no disc node");
    return disc.host;
  }),
];
