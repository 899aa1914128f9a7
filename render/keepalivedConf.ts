import type { LoadBalancerPairSpec, LoadBalancerSpec } from "../model/types";
import { seconds } from "./format";
import { STATS_PORT } from "./haproxyCfg";
import { AMQP_PORT } from "./rabbitmqConf";
import { renderTemplate } from "./template";

/** The load-balancer image's track script (templates/loadbalancer): a TCP check of HAProxy's 127.0.0.1:PORT (AMQP, or AMQPS with TLS only). */
export const CHECK_SCRIPT_PATH = "/etc/keepalived/check_haproxy.sh";
/** The image's script that exits 0 when no peer's HAProxy answers HTTP (a stalled or dead peer). */
export const PEER_SILENT_SCRIPT_PATH = "/etc/keepalived/peer_silent.sh";
/**
 * Priority an instance adds while its peer is silent (without preemption only): the largest
 * keepalived allows, so the effective priority reaches its ceiling of 254 (keepalived.conf(5):
 * "the effective priority will be limited to the range [1,254]").
 */
export const PEER_SILENT_WEIGHT = 253;
/** Unprivileged user the image creates to run the track script. */
export const SCRIPT_USER = "keepalived_script";
/** Interface of the container's only network (the default bridge is disconnected). */
export const VIP_INTERFACE = "eth0";

function advertInterval(pair: LoadBalancerPairSpec): string {
  if (pair.vrrpVersion === 2 && (pair.advertIntervalMs < 1000 || pair.advertIntervalMs % 1000 !== 0)) {
    throw new Error(`advertInterval ${pair.advertIntervalMs} ms needs VRRP version 3 (allowed with version 2: whole seconds, at least 1 s)`);
  }
  return seconds(pair.advertIntervalMs);
}

/** keepalived.conf for one instance of the pair. Holds no secret (VRRP `auth_pass` is weak and VRRPv3 has none). */
export function renderKeepalivedConf(pair: LoadBalancerPairSpec, instance: LoadBalancerSpec, checkPort: number = AMQP_PORT): string {
  const peers = pair.instances.filter((i) => i.name !== instance.name).map((i) => i.address);
  if (peers.length === 0) throw new Error(`load balancer ${instance.name} has no VRRP peer (allowed: a pair of instances)`);
  if (!pair.preempt && instance.priority >= 254) {
    throw new Error(
      `load balancer ${instance.name} priority ${instance.priority} with preempt false: a stalled holder at 254 would tie with the instance that replaced it (allowed: 1-253)`,
    );
  }
  return renderTemplate("keepalived.conf", {
    name: instance.name,
    stateFromStack: instance.state,
    // nopreempt works only from state BACKUP: both then start as BACKUP and the higher
    // priority wins the first election; a returning former MASTER stays BACKUP.
    state: pair.preempt ? instance.state : "BACKUP",
    preempt: pair.preempt,
    priority: instance.priority,
    vrrpVersion: pair.vrrpVersion,
    virtualRouterId: pair.virtualRouterId,
    advertInt: advertInterval(pair),
    address: instance.address,
    peers,
    virtualIp: pair.virtualIp,
    // Host networking: the machine's LAN interface named in rabbitmq-ha:hosts.
    interface: instance.interface ?? VIP_INTERFACE,
    // The AMQP port HAProxy listens on for clients on 127.0.0.1: 5671 when TLS closed 5672.
    checkScript: `${CHECK_SCRIPT_PATH} ${checkPort}`,
    peerSilentScript: PEER_SILENT_SCRIPT_PATH,
    peerSilentWeight: PEER_SILENT_WEIGHT,
    statsPort: STATS_PORT,
    scriptUser: SCRIPT_USER,
  });
}
