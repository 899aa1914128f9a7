/** `rabbitmq-ha:loadBalancers`: two HAProxy instances sharing a Keepalived virtual IP. */
import { z } from "zod";
import { VRRP_STATES } from "../types";
import { duration, hostname, ipv4, port } from "./fields";
import { loadBalancerResourcesSchema } from "./resources";

/** Upper bound of maxConnections: 2 x (9000 + 100 non-AMQP) file descriptors stay below 20000. */
export const MAX_CONNECTIONS_LIMIT = 9000;

export const publishSchema = z
  .strictObject({
    bindAddress: ipv4().default("0.0.0.0").meta({ description: "Host address the ports are published on. Default: 0.0.0.0. Replaces the load balancer." }),
    amqp: port().optional().meta({ description: "Host port for AMQP (5672 inside). Default: not published. Replaces the load balancer." }),
    management: port().optional().meta({ description: "Host port for the management UI/API (15672 inside). Default: not published. Replaces the load balancer." }),
    stats: port().optional().meta({ description: "Host port for the HAProxy stats page. Default: not published. Replaces the load balancer." }),
  })
  .meta({ description: "Publish this load balancer's listeners on its Docker host (Docker Desktop, remote hosts). Replaces the container." });

export const loadBalancerSchema = z
  .strictObject({
    name: hostname().meta({ description: "Container name suffix and hostname, e.g. lb1. Required, unique. Replaces the load balancer." }),
    address: ipv4().meta({ description: "Fixed IPv4 address on the cluster network. Required, unique. Replaces the load balancer." }),
    state: z.enum(VRRP_STATES).meta({ description: "Initial VRRP state. Required; exactly one MASTER. Replaces the load balancer." }),
    priority: z.number().int().min(1).max(254).meta({
      description: "VRRP priority 1-254. Required; the MASTER's must be strictly the highest. Replaces the load balancer.",
    }),
    host: z.string().optional().meta({ description: "Name of an entry in `hosts`. Default: the first host. Replaces the load balancer." }),
    publish: publishSchema.optional(),
  })
  .meta({ description: "One HAProxy + Keepalived pair member." });

export const loadBalancersSchema = z
  .strictObject({
    haproxyImage: z.string().min(1).optional().meta({
      description: "HAProxy base image; Keepalived is layered on it. Default: haproxy:2.8 for 3.x clusters, haproxy:3.0 for 4.x. Replaces both load balancers.",
    }),
    image: z.string().min(1).optional().meta({
      description:
        "A prebuilt load-balancer image (templates/loadbalancer built on your HAProxy image, pushed to a registry every load-balancer host reaches or loaded on each), used as it is: nothing is built. For hosts without access to Debian's mirror, or so every host runs the very same build. Not with haproxyImage (the base of the image the program builds). Default: none (the program builds the image on each load-balancer host). Replaces both load balancers.",
    }),
    virtualIp: ipv4().meta({ description: "The virtual IP clients connect to: inside the subnet, nobody else's address. Required. Replaces both load balancers." }),
    virtualRouterId: z.number().int().min(1).max(255).default(51).meta({
      description: "VRRP virtual_router_id 1-255, unique per network segment. Default: 51. Replaces both load balancers.",
    }),
    advertInterval: duration().default("1s").meta({
      description: "VRRP advert_int, e.g. 1s or 200ms (sub-second needs vrrpVersion 3). Default: 1s. Replaces both load balancers.",
    }),
    vrrpVersion: z.literal([2, 3]).default(3).meta({ description: "VRRP version 2 or 3. Default: 3 (sub-second adverts). Replaces both load balancers." }),
    preempt: z.boolean().default(false).meta({
      description: "A returning MASTER takes the VIP back (resets every client a second time). Default: false. Replaces both load balancers.",
    }),
    amqpTimeout: duration().default("3h").meta({ description: "HAProxy client/server timeout for AMQP sessions. Default: 3h. Replaces both load balancers." }),
    checkInterval: duration().default("2s").meta({ description: "HAProxy health check interval. Default: 2s. Replaces both load balancers." }),
    maxConnections: z.number().int().min(1).max(MAX_CONNECTIONS_LIMIT).default(4000).meta({
      description: `Concurrent AMQP connections each HAProxy accepts (its \`maxconn\`); more wait in the listen queue. 1-${MAX_CONNECTIONS_LIMIT}: HAProxy runs unprivileged and needs about two file descriptors per connection within the container's open-file limit (20000 on some engines). Default: 4000. Replaces both load balancers.`,
    }),
    resources: loadBalancerResourcesSchema,
    instances: z.array(loadBalancerSchema).meta({ description: "Exactly two load balancers, one MASTER and one BACKUP. Required. Adding or removing one replaces the pair." }),
  })
  .superRefine((pair, ctx) => {
    if (pair.image !== undefined && pair.haproxyImage !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["image"],
        message: "image and haproxyImage exclude each other: haproxyImage is the base of the image the program builds, image a prebuilt one used as it is (allowed: one of them)",
      });
    }
  })
  .meta({ description: "The load-balancer pair and its virtual IP. Required." });

export type LoadBalancersInput = z.input<typeof loadBalancersSchema>;
