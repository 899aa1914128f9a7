/** The message of what `run` throws, so a test can assert the whole of it (toThrow matches substrings). */
export function thrownMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  throw new Error("expected a throw, got none");
}
