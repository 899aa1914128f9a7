import type { Model } from "../model/types";
import { type ContainerFile, SECRET_PLACEHOLDER, contentOf } from "./containerFile";
import { loadBalancerFiles } from "./loadBalancerFiles";
import { nodeFiles } from "./nodeFiles";

/** One file as `npm run render` shows it: which container, where in it, and its text. */
export interface RenderedFile {
  /** The container's hostname (node or load balancer name). */
  readonly container: string;
  /** Absolute path inside the container. */
  readonly path: string;
  readonly secret: boolean;
  readonly text: string;
}

const PLACEHOLDER_SECRETS = {
  erlangCookie: SECRET_PLACEHOLDER,
  adminPassword: SECRET_PLACEHOLDER,
  statsPassword: SECRET_PLACEHOLDER,
  caCertificate: SECRET_PLACEHOLDER,
  tls: { privateKey: SECRET_PLACEHOLDER, certificate: SECRET_PLACEHOLDER, ca: SECRET_PLACEHOLDER },
} as const;

function rendered<S>(container: string, files: readonly ContainerFile<S>[], secrets: S): RenderedFile[] {
  return files.map((f) => ({ container, path: f.path, secret: f.content.kind === "secret", text: contentOf(f, secrets) }));
}

/**
 * Every file the deployment places into its containers, with each secret shown as "[secret]":
 * the same renderers the components use, so what you read is what `pulumi up` uploads.
 */
export function renderStackFiles(model: Model): RenderedFile[] {
  const { cluster, loadBalancers: pair, stack, tls } = model;
  return [
    ...cluster.nodes.flatMap((node) => rendered(node.hostname, nodeFiles(cluster, node, stack, tls), PLACEHOLDER_SECRETS)),
    ...pair.instances.flatMap((lb) => rendered(lb.name, loadBalancerFiles(pair, lb, cluster, stack, tls), PLACEHOLDER_SECRETS)),
  ];
}
