/**
 * What a load balancer's Keepalived believes: its VRRP state and the master whose adverts it
 * hears. Read from Keepalived's own data dump (SIGUSR1 writes /tmp/keepalived.data; seen with
 * keepalived 2.2.7: a BACKUP lists `Master router = <address>` of the master it hears, a MASTER
 * lists none), so nothing has to be added to keepalived.conf (a notify script would need a
 * writable place for its unprivileged script user).
 */
import { execIn } from "../docker";
import type { LoadBalancerTarget } from "./target";

export interface VrrpView {
  /** MASTER, BACKUP, FAULT, ... as Keepalived names it. */
  readonly state: string;
  /** The master a BACKUP hears (undefined on a MASTER, or before a BACKUP heard any advert). */
  readonly masterRouter: string | undefined;
}

/** The first VRRP instance's state and master in a keepalived.data dump; undefined if it has none. */
export function parseVrrpDump(dump: string): VrrpView | undefined {
  // Instance fields are indented by three spaces; interface sections also have a `State =` line
  // (`UP, RUNNING`), so only the VRRP states count.
  const state = /^ {3}State = (INIT|BACKUP|MASTER|FAULT|STOP)\s*$/m.exec(dump)?.[1];
  if (state === undefined) return undefined;
  const masterRouter = /^ {3}Master router = ([0-9.]+)\s*$/m.exec(dump)?.[1];
  return { state, masterRouter };
}

const DUMP = "/tmp/keepalived.data";
// SIGUSR1 to the parent keepalived (the oldest process of that name); the VRRP child writes the
// file. `Master down timer` follows the state and master lines, so once it is there they are.
const DUMP_SCRIPT = `rm -f ${DUMP}; pid=$(pgrep -o -x keepalived) || exit 3; kill -USR1 "$pid" || exit 3
for _ in $(seq 40); do grep -q 'Master down timer' ${DUMP} 2> /dev/null && break; sleep 0.05; done
cat ${DUMP}`;

/** The container's Keepalived view, or undefined when Keepalived does not run or did not answer. */
export async function vrrpView(lb: LoadBalancerTarget): Promise<VrrpView | undefined> {
  const { exitCode, output } = await execIn(lb.docker, lb.container, ["bash", "-c", DUMP_SCRIPT]);
  return exitCode === 0 ? parseVrrpDump(output) : undefined;
}
