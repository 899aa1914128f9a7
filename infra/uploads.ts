import type * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import type { ContainerFile } from "../render/containerFile";

/**
 * Rendered files as docker.Container `uploads` (placed before the container starts). A file
 * whose content depends on a secret becomes a secret Output of its own, so plain files stay
 * readable in previews and the manifest while secret ones never show.
 */
export function uploadsOf<S>(files: readonly ContainerFile<S>[], secrets: pulumi.Output<S>): docker.types.input.ContainerUpload[] {
  return files.map((f) => {
    const content = f.content;
    return {
      file: f.path,
      owner: f.owner,
      group: f.group,
      permissions: f.permissions,
      content: content.kind === "plain" ? content.text : pulumi.secret(secrets.apply((s) => content.render(s))),
    };
  });
}
