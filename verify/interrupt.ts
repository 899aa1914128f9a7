/**
 * Ctrl-C and `kill` must not leave the probe's temporary vhost and user behind. The first
 * SIGINT or SIGTERM aborts the run (runVerify stops the running check and goes straight to its
 * cleanup); the caller then exits 128 + the signal's number, as a shell reports a process the
 * signal killed. A second signal exits at once, cleanup or not.
 */
export const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;
export type HandledSignal = keyof typeof SIGNAL_EXIT;

export interface Interruption {
  /** Aborted (reason: the signal's name) on the first signal. */
  readonly signal: AbortSignal;
  /** 130 after SIGINT, 143 after SIGTERM, undefined while no signal came. */
  exitCode(): number | undefined;
  /** Removes the handlers. */
  dispose(): void;
}

export function abortOnSignals(exit: (code: number) => never = process.exit): Interruption {
  const controller = new AbortController();
  let received: HandledSignal | undefined;
  const handlers = (Object.keys(SIGNAL_EXIT) as HandledSignal[]).map((name) => {
    const handler = () => {
      if (received !== undefined) exit(SIGNAL_EXIT[name]);
      received = name;
      controller.abort(name);
    };
    process.on(name, handler);
    return [name, handler] as const;
  });
  return {
    signal: controller.signal,
    exitCode: () => (received === undefined ? undefined : SIGNAL_EXIT[received]),
    dispose: () => {
      for (const [name, handler] of handlers) process.off(name, handler);
    },
  };
}
