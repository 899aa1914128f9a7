/**
 * What a change to each input does, per resource type the program uses: replace the resource
 * (the provider's schema marks it ForceNew), update it in place (the provider's Update handles
 * it), or change the state only (no provider call touches the object). Plus which types the
 * provider replaces delete-before-replace, which inputs are sets (order does not matter), and
 * which are Optional+Computed (leaving them out of the inputs keeps the read-back value).
 *
 * Every entry names the provider source it was read from. Versions: @pulumi/docker 5.2.0 bridges
 * kreuzwerker/terraform-provider-docker (see DOCKER_SOURCE); @pulumi/rabbitmq 3.3.8 bridges
 * cyrilgdn/terraform-provider-rabbitmq v1.8.0; @pulumi/random 4.x bridges
 * hashicorp/terraform-provider-random. Inputs not listed for a type are treated as forcing a
 * replacement (the conservative reading: a real provider could only be gentler).
 */
export type Change = "replace" | "update" | "state";

export interface TypeFacts {
  /** Provider source files the entry follows. */
  readonly source: string;
  /** The provider (not the program) asks for delete-before-replace. */
  readonly deleteBeforeReplace: boolean;
  readonly fields: Readonly<Record<string, Change>>;
  /** What a change to an input not in `fields` does. */
  readonly otherwise: Change;
  /** TypeSet inputs: compared without regard to element order. */
  readonly sets: readonly string[];
  /** Optional+Computed inputs: absent from the inputs means "keep what was read back". */
  readonly computed: readonly string[];
  /** Outputs the provider's schema marks secret (besides inputs that were secret). */
  readonly secretOutputs: readonly string[];
  /** JSON strings compared as JSON (DiffSuppressFunc structure.SuppressJsonDiff). */
  readonly json?: readonly string[];
  /** Schema defaults: a value equal to its default is the same as not set. */
  readonly defaults?: Readonly<Record<string, unknown>>;
}

const DOCKER_SOURCE = "terraform-provider-docker internal/provider/resource_docker_container.go (schema), resource_docker_container_funcs.go (create/read/update/delete); pulumi-docker provider/resources.go (DeleteBeforeReplace)";

export const CHANGE_TABLE: Readonly<Record<string, TypeFacts>> = {
  "docker:index/container:Container": {
    source: DOCKER_SOURCE,
    deleteBeforeReplace: true,
    otherwise: "replace",
    fields: {
      // resourceDockerContainerUpdate calls ContainerUpdate for the restart policy and resources only.
      restart: "update",
      maxRetryCount: "update",
      memory: "update",
      memorySwap: "update",
      cpuShares: "update",
      cpuSet: "update",
      // Not ForceNew and not in Update's list: the new value is stored, the container untouched.
      healthcheck: "state",
      wait: "state",
      waitTimeout: "state",
      destroyGraceSeconds: "state",
      start: "state",
      // Update starts a container whose read-back said it had stopped (funcs 998-1013).
      mustRun: "update",
      removeVolumes: "state",
      containerReadRefreshTimeoutMilliseconds: "state",
    },
    sets: ["labels", "capabilities.adds", "capabilities.drops", "uploads", "hosts", "networksAdvanced", "volumes", "envs"],
    // resource_docker_container.go 1045-1096: durations default "0s", retries 0.
    defaults: {
      "healthcheck.interval": "0s",
      "healthcheck.timeout": "0s",
      "healthcheck.startPeriod": "0s",
      "healthcheck.startInterval": "0s",
      "healthcheck.retries": 0,
      restart: "no",
      mustRun: true,
    },
    computed: ["hostname", "command", "entrypoints", "stopTimeout", "stopSignal", "user", "workingDir", "envs", "ipcMode", "logDriver", "networkMode", "shmSize", "ports", "labels", "healthcheck"],
    secretOutputs: [],
  },
  "docker:index/network:Network": {
    source: "terraform-provider-docker internal/provider/resource_docker_network.go (every argument ForceNew)",
    deleteBeforeReplace: false,
    otherwise: "replace",
    fields: {},
    sets: ["labels", "ipamConfigs"],
    computed: ["driver", "options", "ipamDriver", "scope"],
    secretOutputs: [],
  },
  "docker:index/volume:Volume": {
    source: "terraform-provider-docker internal/provider/resource_docker_volume.go (every argument ForceNew)",
    deleteBeforeReplace: false,
    otherwise: "replace",
    fields: {},
    sets: ["labels"],
    computed: ["driver"],
    secretOutputs: [],
  },
  "docker:index/remoteImage:RemoteImage": {
    source: "terraform-provider-docker internal/provider/resource_docker_remote_image.go (name, build, triggers, pull_triggers ForceNew; keep_locally updatable)",
    deleteBeforeReplace: false,
    otherwise: "replace",
    fields: { keepLocally: "update", forceRemove: "update" },
    sets: [],
    computed: [],
    secretOutputs: [],
  },
  "rabbitmq:index/vHost:VHost": rabbit("resource_vhost.go (name ForceNew; description/tags/limits updatable in newer releases, unused here)", {}),
  // settings is ForceNew only as a list: a nested change plans an update the provider then refuses.
  "rabbitmq:index/exchange:Exchange": rabbit("resource_exchange.go 35-65 (name, vhost ForceNew; settings.* not; no Update)", { settings: "update" }),
  "rabbitmq:index/queue:Queue": { ...rabbit("resource_queue.go 23-77 (name, vhost, settings and every sub-field ForceNew; no Update)", {}), json: ["settings.argumentsJson"] },
  "rabbitmq:index/binding:Binding": { ...rabbit("resource_binding.go 25-76 (every argument ForceNew; no Update)", {}), json: ["argumentsJson"] },
  "rabbitmq:index/policy:Policy": rabbit("resource_policy.go (name, vhost ForceNew; policy updated by UpdatePolicy -> PUT)", { policy: "update" }),
  "rabbitmq:index/operatorPolicy:OperatorPolicy": rabbit("resource_operator_policy.go (name, vhost ForceNew; policy updated by PUT)", { policy: "update" }),
  "rabbitmq:index/user:User": rabbit("resource_user.go (name ForceNew; password and tags updated by UpdateUser -> PUT)", { password: "update", tags: "update" }),
  "rabbitmq:index/permissions:Permissions": rabbit("resource_permissions.go (user, vhost ForceNew; permissions updated by PUT)", { permissions: "update" }),
  "rabbitmq:index/topicPermissions:TopicPermissions": rabbit("resource_topic_permissions.go (user, vhost ForceNew; permissions updated by PUT)", { permissions: "update" }),
  "random:index/randomPassword:RandomPassword": random(["result", "bcryptHash"]),
  "random:index/randomString:RandomString": random([]),
  "tls:index/privateKey:PrivateKey": tlsFacts("resource_private_key.go", ["privateKeyPem", "privateKeyPemPkcs8", "privateKeyOpenssh"]),
  "tls:index/selfSignedCert:SelfSignedCert": tlsFacts("resource_self_signed_cert.go", ["privateKeyPem"]),
  "tls:index/certRequest:CertRequest": tlsFacts("resource_cert_request.go", ["privateKeyPem"]),
  "tls:index/locallySignedCert:LocallySignedCert": tlsFacts("resource_locally_signed_cert.go", ["caPrivateKeyPem"]),
};

function rabbit(file: string, fields: Record<string, Change>): TypeFacts {
  return {
    source: `terraform-provider-rabbitmq v1.8.0 rabbitmq/${file}`,
    deleteBeforeReplace: false,
    otherwise: "replace",
    fields,
    sets: ["tags"],
    computed: [],
    secretOutputs: [],
  };
}

function random(secretOutputs: string[]): TypeFacts {
  return {
    source: "terraform-provider-random internal/provider/resource_password.go, resource_string.go (every argument RequiresReplace)",
    deleteBeforeReplace: false,
    otherwise: "replace",
    fields: {},
    sets: [],
    computed: [],
    secretOutputs,
  };
}

/** hashicorp/terraform-provider-tls: every attribute of these resources is RequiresReplace. */
function tlsFacts(file: string, secretOutputs: string[]): TypeFacts {
  return {
    source: `terraform-provider-tls internal/provider/${file} (every argument RequiresReplace)`,
    deleteBeforeReplace: false,
    otherwise: "replace",
    fields: {},
    sets: ["dnsNames", "ipAddresses", "allowedUses"],
    computed: [],
    secretOutputs,
  };
}

/**
 * Explicit providers (`pulumi:providers:*`): a changed configuration updates the provider in
 * place; resources bound to it keep their state and use the new configuration from then on
 * (pulumi/pulumi pkg/resource/deploy/providers/registry.go: Diff of a provider reports a
 * replacement only when the plugin says so; the docker and rabbitmq bridges do not).
 */
export const PROVIDER_FACTS: TypeFacts = {
  source: "pulumi/pulumi pkg/resource/deploy/providers/registry.go (providers diff their config; no replace here)",
  deleteBeforeReplace: false,
  otherwise: "update",
  fields: {},
  sets: [],
  computed: [],
  secretOutputs: [],
};

/** Dynamic resources diff with their own provider's `diff` (see engine/providers/dynamic.ts). */
export function factsFor(type: string): TypeFacts | undefined {
  if (type.startsWith("pulumi:providers:")) return PROVIDER_FACTS;
  return CHANGE_TABLE[type];
}
