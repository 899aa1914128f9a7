/**
 * A fault breaks part of the deployment and restores it; the scenario runner keeps confirmed
 * publishing going meanwhile and checks healing and message accounting afterwards.
 */
import type { Deployment } from "../deployment";

export interface Fault {
  /** Short id, used in message ids and the summary. */
  readonly id: string;
  readonly name: string;
  /** Breaks and restores; returns a one-line account of what happened; throws if it went wrong. */
  readonly inject: (deployment: Deployment) => Promise<string>;
  /** Judged: the longest time a new AMQP connection through the VIP failed stays under this. */
  readonly maxOutageSeconds?: number;
  /** Judged: the fault broke the publishers' connections, and they reconnected. */
  readonly expectReconnect?: boolean;
}
