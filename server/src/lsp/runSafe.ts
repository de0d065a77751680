import { CancellationToken, LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';

/**
 * Wraps a request handler: a cancelled request answers "cancelled", and an exception is logged with
 * the request name and answered with the fallback, so one bad request never takes the server down.
 */
export function runSafe<T>(
  connection: Connection,
  name: string,
  token: CancellationToken,
  fallback: T,
  work: () => T | Promise<T>,
): Promise<T | ResponseError<void>> {
  return new Promise((resolve) => {
    setImmediate(async () => {
      if (token.isCancellationRequested) return resolve(cancelled());
      try {
        const result = await work();
        resolve(token.isCancellationRequested ? cancelled() : result);
      } catch (e) {
        const err = e as Error;
        connection.console.error(`${name} failed: ${err?.stack ?? err}`);
        resolve(fallback);
      }
    });
  });
}

const cancelled = () => new ResponseError<void>(LSPErrorCodes.RequestCancelled, 'Request cancelled');
