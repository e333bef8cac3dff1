/** True when the Confluent-compatible API at `ccompatUrl` lists subjects (HTTP 200). */
export async function registryIsReady(ccompatUrl: string): Promise<boolean> {
  const response = await fetch(`${ccompatUrl}/subjects`, { signal: AbortSignal.timeout(5_000) });
  await response.body?.cancel();
  return response.status === 200;
}

/**
 * The Apicurio version behind a ccompat URL, from Apicurio's own `/apis/registry/v3/system/info`; undefined
 * when the registry is not Apicurio (e.g. Confluent) or does not say.
 */
export async function apicurioVersion(ccompatUrl: string): Promise<string | undefined> {
  const root = ccompatUrl.replace(/\/apis\/ccompat\/v\d+$/, '');
  if (root === ccompatUrl) return undefined;
  try {
    const response = await fetch(`${root}/apis/registry/v3/system/info`, {
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) return undefined;
    const info: unknown = await response.json();
    if (typeof info === 'object' && info !== null && 'version' in info && typeof info.version === 'string')
      return info.version;
  } catch {
    // Not Apicurio, or not reachable: the caller reports the registry as external.
  }
  return undefined;
}
