/** `rabbitmq-ha:hosts`: the Docker engines containers are placed on. */
import { z } from "zod";
import { size } from "./fields";

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
  })
  .meta({ description: "A Docker engine." });

export const hostsSchema = z
  .array(hostSchema)
  .min(1)
  .meta({
    description: `Docker engines. Optional; default: one host named "${DEFAULT_HOST_NAME}" at ${DEFAULT_DOCKER_URL}. The first host is the default \`host\` of nodes and load balancers.`,
  });

export type HostsInput = z.input<typeof hostsSchema>;
