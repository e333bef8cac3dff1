import { PushstreamError } from '@pushstream/runtime';

/** The error a wait ends with when the sink is stopping (retriable: the record is processed again later). */
export function stoppingError(): PushstreamError {
  return new PushstreamError('SHUTDOWN_IN_PROGRESS', 'the sink is stopping; the record is left uncommitted');
}

/** Waits `ms`, or rejects with SHUTDOWN_IN_PROGRESS as soon as `signal` aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(stoppingError());
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(stoppingError());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
