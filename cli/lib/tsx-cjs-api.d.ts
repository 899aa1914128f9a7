/**
 * Types for tsx's CommonJS API. tsx declares them behind package.json "exports", which this
 * project's `moduleResolution: node` does not read; the runtime resolves it normally.
 */
declare module "tsx/cjs/api" {
  /** Installs tsx's require hook for .ts files; returns the function that removes it. */
  export function register(): () => void;
}
