/**
 * Does a load balancer's HAProxy hand a new AMQP client to a broker? Asked inside the container
 * (the VIP and the container addresses may not be reachable from where the program runs, as on
 * Docker Desktop): send the AMQP 0-9-1 protocol header to 127.0.0.1:5672 and expect a broker's
 * connection.start. HAProxy accepts the TCP connection even with every backend down, so only
 * this answer shows it has a healthy backend.
 */
import { AMQP_PORT } from "../../render/rabbitmqConf";
import { execIn } from "../docker";
import type { LoadBalancerTarget } from "./target";

/**
 * True when the first 11 bytes (hex, as `od -An -tx1` prints them) are a method frame on channel
 * 0 carrying connection.start: type 1, channel 0, a 4-byte size, class 10, method 10.
 */
export function isConnectionStart(odHex: string): boolean {
  const bytes = odHex.trim().split(/\s+/);
  return bytes.length >= 11 && bytes[0] === "01" && bytes[1] === "00" && bytes[2] === "00" && bytes.slice(7, 11).join("") === "000a000a";
}

const HANDSHAKE_SCRIPT = `exec 3<> /dev/tcp/127.0.0.1/${AMQP_PORT} || exit 1
printf 'AMQP\\x00\\x00\\x09\\x01' >&3
head -c 11 <&3 | od -An -tx1`;

/** True when a broker answered through this container's HAProxy within 2 s. */
export async function answersAmqp(lb: LoadBalancerTarget): Promise<boolean> {
  const { exitCode, output } = await execIn(lb.docker, lb.container, ["timeout", "2", "bash", "-c", HANDSHAKE_SCRIPT]);
  return exitCode === 0 && isConnectionStart(output);
}
