/**
 * Diagnostics as users read them: `file:line:col  path.to.field  what is wrong (what is allowed)`,
 * and the error the Pulumi program throws listing all of them.
 */
import type { Diagnostic } from "./types";

/** One line; warnings say so, errors are the plain format. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const path = diagnostic.path === "" ? "(file)" : diagnostic.path;
  const message = diagnostic.severity === "warning" ? `warning: ${diagnostic.message}` : diagnostic.message;
  return `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}  ${path}  ${message}`;
}

export const isError = (diagnostic: Diagnostic): boolean => diagnostic.severity === "error";

export class ModelValidationError extends Error {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    const errors = diagnostics.filter(isError);
    super(
      [`rabbitmq-ha: the configuration has ${errors.length} error${errors.length === 1 ? "" : "s"}; nothing was declared:`, ...errors.map(formatDiagnostic)].join(
        "\n",
      ),
    );
    this.name = "ModelValidationError";
    this.diagnostics = diagnostics;
  }
}
