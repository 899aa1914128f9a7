import * as pulumi from "@pulumi/pulumi";
import * as rabbitmq from "@pulumi/rabbitmq";

export interface ProviderSettings {
  readonly managementEndpoint: string;
  readonly adminUser: string;
  readonly adminPassword: pulumi.Input<string>;
  readonly dependsOn: pulumi.ResourceOptions["dependsOn"];
  /** With rabbitmq-ha:tls on: the stack CA as a file (infra/tls/caFile.ts) and as PEM. */
  readonly tls?: { readonly caFile: pulumi.Input<string>; readonly caCertificate: pulumi.Input<string> };
}

/**
 * The explicit provider every topology object is created through. It connects lazily, on the
 * first object, so it depends on the healthy containers (nodes and load balancers): nothing is
 * declared on a broker that is not up. The password is secret at birth (the provider's schema
 * does not mark it).
 */
export function createTopologyProvider(name: string, s: ProviderSettings, parent: pulumi.Resource): rabbitmq.Provider {
  return new rabbitmq.Provider(
    `${name}-provider`,
    { endpoint: s.managementEndpoint, username: s.adminUser, password: pulumi.secret(s.adminPassword), ...(s.tls ? { cacertFile: s.tls.caFile } : {}) },
    { parent, dependsOn: s.dependsOn },
  );
}
