/**
 * The loader: stack config + topology files -> a validated Model, or every diagnostic at once.
 *
 * Pure TypeScript (no Pulumi): the Pulumi program (infra/config.ts), `npm run validate` and the
 * other CLIs share it. Order: schemas of every input; then every cross-check whose input is
 * well-formed (or could be salvaged); then, with no error so far, the derived topology (retry
 * expansion) is checked again.
 */
import * as path from "node:path";
import type { Diagnostic, Model } from "./types";
import { buildSafety, buildTls, managementEndpoint } from "./build/stack";
import { buildMetrics } from "./build/metrics";
import { buildTopology } from "./build/topology";
import { deriveTopology } from "./derive/index";
import { deriveSettingsPolicies } from "./derive/settingsPolicies";
import { isError, ModelValidationError } from "./diagnostics";
import { carryLocations, Locations } from "./locations";
import { checkDeclaredTopology, checkDerivedTopology, checkStack, type TopologyStack } from "./rules/index";
import type { RuleContext } from "./rules/finding";
import { CONFIG_NAMESPACE } from "./schema/stackConfig";
import { displayName, SourceSet } from "./load/sources";
import { validateStackConfig } from "./load/stackConfig";
import { stackParts } from "./load/stackParts";
import { readTopologyFiles } from "./load/topologyFiles";
import { listStacks, projectName } from "./load/stackFiles";
import { dedupe, sortDiagnostics } from "./load/order";

export { listStacks } from "./load/stackFiles";

export { formatDiagnostic, ModelValidationError } from "./diagnostics";

export interface ModelInput {
  readonly project: string;
  readonly stack: string;
  readonly projectDir: string;
  /** `rabbitmq-ha:*` keys without the prefix. */
  readonly config: Readonly<Record<string, unknown>>;
  /** Relative path used in messages and for positions. Default: Pulumi.<stack>.yaml. */
  readonly stackFile?: string;
}

export interface LoadResult {
  /** Only when there is no error. */
  readonly model: Model | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

export function loadModel(input: ModelInput): LoadResult {
  const stackFile = displayName(input.stackFile ?? `Pulumi.${input.stack}.yaml`);
  const sources = new SourceSet(input.projectDir);
  sources.read(stackFile); // positions only: values come from `input.config`
  const { values, findings } = validateStackConfig(input.config, stackFile);
  const parts = stackParts(input.config, values);
  const topologyConfig = parts.topologyConfig;
  const files = topologyConfig ? readTopologyFiles(topologyConfig.files, stackFile, sources) : undefined;
  findings.push(...(files?.findings ?? []));
  const finish = (model?: Model): LoadResult => {
    const all = [...(files?.syntax ?? []), ...findings.map((finding) => sources.diagnostic(finding))];
    const diagnostics = sortDiagnostics(dedupe(all), stackFile, (topologyConfig?.files ?? []).map(displayName));
    const failed = diagnostics.some(isError);
    return { model: failed || !model ? undefined : { ...model, warnings: diagnostics.filter((d) => !isError(d)) }, diagnostics };
  };

  // Each stack cross-check runs when the keys it reads are well-formed; the topology's once every
  // file is, with the stack as far as it could be salvaged (model/load/stackParts.ts). Without a
  // cluster (its version or nodes broken) the type of a queue declared without one is unknown, so
  // only the files' own problems are reported. Every problem found is reported together.
  const locations = new Locations();
  const context: RuleContext = { stackFile, locations, cite: (where) => sources.cite(where) };
  findings.push(...checkStack(parts, context));
  const cluster = parts.topologyCluster;
  if (!files || files.findings.length > 0 || files.syntax.length > 0 || !topologyConfig || !cluster) return finish();
  const stack: TopologyStack = { cluster, naming: parts.naming, tracing: topologyConfig.tracing, keepQueueArguments: topologyConfig.keepQueueArguments, keepExchangeArguments: topologyConfig.keepExchangeArguments };
  const declared = buildTopology(files.files, cluster, topologyConfig.tracing, locations);
  findings.push(...checkDeclaredTopology(declared, stack, context));
  const { network, loadBalancers, naming } = parts;
  if (findings.some((finding) => finding.severity === "error") || !network || !parts.cluster || !loadBalancers || !naming || !parts.hosts) return finish();
  // Retry expansion first: the retry queues' TTL and dead-lettering are settings like any other.
  const derived = deriveSettingsPolicies(deriveTopology(declared), cluster.version, topologyConfig.keepQueueArguments, topologyConfig.keepExchangeArguments);
  carryLocations(declared, derived, locations);
  findings.push(...checkDerivedTopology(derived, stack, context));
  return finish({
    project: input.project,
    stack: input.stack,
    hosts: parts.hosts,
    network,
    cluster: parts.cluster,
    loadBalancers,
    topology: derived,
    safety: buildSafety(topologyConfig),
    naming,
    tls: buildTls(values.tls),
    managementEndpoint: managementEndpoint(topologyConfig, loadBalancers.virtualIp, buildTls(values.tls)),
    metrics: buildMetrics(parts.metrics),
    warnings: [],
  });
}

/** Reads Pulumi.<stack>.yaml from the project directory and loads it. */
export function loadStack(projectDir: string, stack: string): LoadResult {
  const stackFile = `Pulumi.${stack}.yaml`;
  const sources = new SourceSet(projectDir);
  const read = sources.read(stackFile);
  if (!read.ok) {
    const message = `stack file ${read.reason} (create ${stackFile} in ${path.resolve(projectDir)}, or pick one of: ${listStacks(projectDir).join(", ") || "none found"})`;
    return { model: undefined, diagnostics: [{ severity: "error", file: stackFile, line: 0, column: 0, path: "", message }] };
  }
  if (read.diagnostics.length > 0) return { model: undefined, diagnostics: read.diagnostics };
  const document: unknown = read.source.doc.toJS();
  const config = (document as { config?: unknown } | null)?.config;
  const prefix = `${CONFIG_NAMESPACE}:`;
  const ours = Object.entries(config !== null && typeof config === "object" ? config : {})
    .filter(([key]) => key.startsWith(prefix))
    .map(([key, value]) => [key.slice(prefix.length), value]);
  return loadModel({ project: projectName(projectDir), stack, projectDir, config: Object.fromEntries(ours), stackFile });
}

export function loadStackOrThrow(projectDir: string, stack: string): Model {
  const result = loadStack(projectDir, stack);
  if (!result.model) throw new ModelValidationError(result.diagnostics);
  return result.model;
}
