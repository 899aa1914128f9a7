/**
 * One object per Docker host (images and networks exist per engine), looked up by the host
 * name a node or load balancer names.
 */
export class PerHost<T> {
  private readonly byHost: ReadonlyMap<string, T>;

  constructor(
    private readonly what: string,
    hosts: Iterable<string>,
    create: (host: string) => T,
  ) {
    this.byHost = new Map([...new Set(hosts)].map((host) => [host, create(host)]));
  }

  get(host: string): T {
    const found = this.byHost.get(host);
    if (found === undefined) throw new Error(`no ${this.what} on Docker host "${host}" (known: ${[...this.byHost.keys()].join(", ")})`);
    return found;
  }
}
