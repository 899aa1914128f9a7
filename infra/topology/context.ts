/**
 * What every builder needs: the child-name prefix, the options each child gets (parent and the
 * explicit provider), the safety flags, and the resources declared so far, looked up by
 * vhost + name. A reference to an object this topology does not declare (the default vhost
 * "/", amq.* exchanges) stays a plain name; validation has already checked it exists.
 */
import type * as pulumi from "@pulumi/pulumi";
import type * as rabbitmq from "@pulumi/rabbitmq";
import type { SafetySpec } from "../../model/types";

export interface ChildOptions {
  readonly parent: pulumi.Resource;
  readonly provider: pulumi.ProviderResource;
}

export interface BuildContext {
  readonly prefix: string;
  readonly opts: ChildOptions;
  readonly safety: SafetySpec;
  readonly declared: DeclaredResources;
}

export class DeclaredResources {
  readonly vhosts = new Map<string, rabbitmq.VHost>();
  readonly exchanges = new Map<string, rabbitmq.Exchange>();
  readonly queues = new Map<string, rabbitmq.Queue>();
  /** Policies and operator policies by vhost: queues of that vhost are declared after them. */
  readonly policies = new Map<string, pulumi.Resource[]>();

  static key(vhost: string, name: string): string {
    return JSON.stringify([vhost, name]);
  }

  /** The vhost's name as an output of its resource (so children depend on it), else the name. */
  vhostName(vhost: string): pulumi.Input<string> {
    return this.vhosts.get(vhost)?.name ?? vhost;
  }

  exchange(vhost: string, name: string): rabbitmq.Exchange | undefined {
    return this.exchanges.get(DeclaredResources.key(vhost, name));
  }

  policiesOf(vhost: string): pulumi.Resource[] {
    return this.policies.get(vhost) ?? [];
  }

  queue(vhost: string, name: string): rabbitmq.Queue | undefined {
    return this.queues.get(DeclaredResources.key(vhost, name));
  }
}

/** Queues and vhosts hold messages: `pulumi up` must not delete them silently. */
export function safetyOptions(safety: SafetySpec): pulumi.CustomResourceOptions {
  return { protect: safety.protectQueues, retainOnDelete: safety.retainQueuesOnDelete };
}
