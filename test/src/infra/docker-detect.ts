/**
 * True when testcontainers finds a working container runtime (Docker, Podman, ...) within `timeoutMs`.
 * testcontainers is loaded only here, lazily: it is heavy and useless on machines without a runtime.
 */
export async function containerRuntimeAvailable(timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
    timer.unref();
  });
  const detection = (async () => {
    try {
      const { getContainerRuntimeClient } = await import('testcontainers');
      await getContainerRuntimeClient();
      return true;
    } catch {
      return false;
    }
  })();
  try {
    return await Promise.race([detection, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
