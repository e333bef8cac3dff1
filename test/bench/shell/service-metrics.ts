import { parsePrometheusText, type MetricSample, type ServiceProcess } from '@pushstream/test-kit';

/** One /metrics scrape of a service; undefined while it does not answer. */
export async function scrapeService(instance: ServiceProcess): Promise<MetricSample[] | undefined> {
  try {
    const response = await fetch(`${instance.opsUrl}/metrics`, { signal: AbortSignal.timeout(2000) });
    if (!response.ok) return undefined;
    return parsePrometheusText(await response.text());
  } catch {
    return undefined;
  }
}

/** Waits until the service's /readyz answers 200; fails with its log tail when it exits or times out. */
export async function waitUntilReady(instance: ServiceProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!instance.running)
      throw new Error(
        `${instance.spec.name} exited (${instance.exitReason() ?? '?'}) before it was ready:\n${instance.tail(15)}`,
      );
    const ready = await fetch(`${instance.opsUrl}/readyz`, { signal: AbortSignal.timeout(1000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    if (Date.now() > deadline)
      throw new Error(`${instance.spec.name} not ready within ${timeoutMs} ms:\n${instance.tail(15)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
