/** `rabbitmq-ha:hosts`: the Docker engines containers are placed on. */
import { z } from "zod";
import { ipv4, size } from "./fields";

export const DEFAULT_DOCKER_URL = "unix:///var/run/docker.sock";
export const DEFAULT_HOST_NAME = "local";

export const hostSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, {
        error: (issue) => `${JSON.stringify(issue.input)} is not a host name (lowercase letters, digits, hyphens; starts with a letter)`,
      })
      .meta({ description: "Key nodes and load balancers refer to with `host:`. Required, unique. Renaming it replaces the containers placed on it." }),
    url: z
      .string()
      .regex(/^(unix|tcp|ssh):\/\/\S+$/, {
        error: (issue) => `${JSON.stringify(issue.input)} is not a Docker endpoint (unix://PATH, tcp://HOST:PORT or ssh://USER@HOST)`,
      })
      .default(DEFAULT_DOCKER_URL)
      .meta({ description: `Docker endpoint. Default: ${DEFAULT_DOCKER_URL}. Changing it moves (replaces) every container on the host.` }),
    memory: size().optional().meta({
      description: "Memory of the machine, e.g. 16GiB. Optional: when given, validation warns if the containers placed here ask for more (their memory limits added up). Changes nothing deployed.",
    }),
    address: ipv4()
      .optional()
      .meta({
        description:
          "The machine's address on the LAN its peers and clients share. Required when the stack has more than one host (its containers then use the host's network: a node's or load balancer's `address` is its host's address). Replaces the host's containers.",
      }),
    interface: z
      .string()
      .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.@-]{0,14}$/, {
        error: (issue) => `${JSON.stringify(issue.input)} is not a network interface name (letters, digits, _ . @ -; at most 15 characters)`,
      })
      .optional()
      .meta({ description: "The machine's LAN interface Keepalived puts the virtual IP on, e.g. eth0 or ens18. Required on a host of a load balancer when the stack has more than one host. Replaces its load balancer." }),
    certPath: z
      .string()
      .min(1)
      .optional()
      .meta({ description: "Directory holding ca.pem, cert.pem and key.pem for a tcp:// endpoint with TLS (the Docker client's --tlsverify files). Default: none (plain tcp:// is refused with more than one host). Only with tcp://." }),
  })
  .meta({ description: "A Docker engine." });

export const hostsSchema = z
  .array(hostSchema)
  .min(1)
  .meta({
    description: `Docker engines. Optional; default: one host named "${DEFAULT_HOST_NAME}" at ${DEFAULT_DOCKER_URL}. The first host is the default \`host\` of nodes and load balancers.`,
  });

export type HostsInput = z.input<typeof hostsSchema>;
