/**
 * When to restart a language server that stopped unexpectedly. The first crash is restarted (a one-off
 * fault, a killed process); a second one within `windowMs` of the first is not: a server that crashes
 * again soon will most likely crash again on the same input (a 300 MB code list once took it down after
 * 69 s, every time, and the client's default of "4 restarts in 3 minutes" never gave up on so slow a
 * loop). The user fixes the cause and restarts it by command, which starts counting afresh.
 * Pure (no VS Code API), so it is unit-tested.
 */
export class RestartPolicy {
  private lastCrash: number | undefined;

  constructor(private readonly windowMs = 10 * 60_000) {}

  /** The server stopped unexpectedly at `now` (ms): restart it? */
  shouldRestart(now: number): boolean {
    const again = this.lastCrash !== undefined && now - this.lastCrash < this.windowMs;
    this.lastCrash = now;
    return !again;
  }

  /** A restart the user asked for: the next crash is restarted again. */
  reset(): void {
    this.lastCrash = undefined;
  }
}

/** What the user reads when the server is not restarted. */
export const NOT_RESTARTED =
  'The 835 language server stopped twice within 10 minutes and was not restarted, so that it does not crash again on the same input. ' +
  'Its output says why; check the era835 settings (era835.codeLists.path), then run "ERA: Restart Language Server".';
