/** Progress lines with the seconds since the suite started, so a slow step shows where it is. */
const started = Date.now();

export function progress(message: string): void {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  process.stdout.write(`[e2e ${seconds}s] ${message}\n`);
}

export function elapsedSince(startMs: number): number {
  return Math.round((Date.now() - startMs) / 100) / 10;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
