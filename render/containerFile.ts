/**
 * A file placed into a container before it starts (a docker.Container `uploads` entry), kept
 * apart from Pulumi so the same list feeds the components and `npm run render`.
 *
 * Content is either plain text or a function of the secrets `S`: the component evaluates that
 * function inside an Output, so the file stays secret; `npm run render` evaluates it with
 * placeholders. A file therefore never mixes a secret into plain text by accident.
 */
export interface PlainContent {
  readonly kind: "plain";
  readonly text: string;
}

export interface SecretContent<S> {
  readonly kind: "secret";
  readonly render: (secrets: S) => string;
}

export type FileContent<S> = PlainContent | SecretContent<S>;

export interface ContainerFile<S> {
  /** Absolute path inside the container. */
  readonly path: string;
  /** Numeric ids: names would be resolved on the machine running Pulumi, not in the image. */
  readonly owner: string;
  readonly group: string;
  /** Octal mode, e.g. "0400". */
  readonly permissions: string;
  readonly content: FileContent<S>;
}

/** What `npm run render` writes instead of a secret value. */
export const SECRET_PLACEHOLDER = "[secret]";

export function plain(text: string): PlainContent {
  return { kind: "plain", text };
}

export function secret<S>(render: (secrets: S) => string): SecretContent<S> {
  return { kind: "secret", render };
}

/** The file's text for the given secrets (placeholders included). */
export function contentOf<S>(file: ContainerFile<S>, secrets: S): string {
  return file.content.kind === "plain" ? file.content.text : file.content.render(secrets);
}
