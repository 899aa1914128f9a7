/**
 * One explicit Docker provider per Docker host of the model. A container's host is a property of
 * the node or load balancer (its `host` name), so components look providers up by that name
 * instead of relying on the default provider.
 */
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import type { DockerHost } from "../model/types";
import { PerHost } from "./perHost";

export interface DockerHostsArgs {
  readonly hosts: readonly DockerHost[];
}

export class DockerHosts extends pulumi.ComponentResource {
  /** Host names in model order. */
  public readonly names: readonly string[];
  private readonly providers: PerHost<docker.Provider>;
  private readonly urls: ReadonlyMap<string, string | undefined>;

  constructor(name: string, args: DockerHostsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("rabbitmq-ha:docker:DockerHosts", name, {}, opts);
    this.names = args.hosts.map((h) => h.name);
    const urls = new Map(args.hosts.map((h) => [h.name, h.url]));
    this.urls = urls;
    const certPaths = new Map(args.hosts.map((h) => [h.name, h.certPath]));
    this.providers = new PerHost("Docker provider", this.names, (host) => {
      const certPath = certPaths.get(host);
      // certPath: ca.pem, cert.pem, key.pem of a tcp:// endpoint with TLS (the provider's own argument).
      return new docker.Provider(`${name}-${host}`, { host: urls.get(host), ...(certPath ? { certPath } : {}) }, { parent: this });
    });
    this.registerOutputs({ names: this.names });
  }

  /** The endpoint the host's provider gets (for operations on the running deployment, ops/docker.ts). */
  urlOf(host: string): string | undefined {
    return this.urls.get(host);
  }

  /** The provider of a host named in the model; unknown names are a programming error. */
  providerFor(host: string): docker.Provider {
    return this.providers.get(host);
  }
}
