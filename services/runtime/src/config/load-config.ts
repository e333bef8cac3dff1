import type { z } from 'zod';
import { PushstreamError } from '../errors/pushstream-error.js';

/**
 * Validates the environment against a service's zod schema and returns the typed result, or throws a
 * CONFIG_INVALID error whose message names every bad variable and what was expected of it, so a
 * misconfigured pod fails at start with one readable line per problem.
 */
export function loadConfig<Schema extends z.ZodType>(
  schema: Schema,
  env: Readonly<Record<string, string | undefined>>,
): z.output<Schema> {
  const result = schema.safeParse(withoutEmptyValues(env));
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    // The first path element is the environment variable; deeper ones (list items) are not names people set.
    const variable = issue.path.length > 0 ? String(issue.path[0]) : '(config)';
    const received =
      issue.code === 'invalid_type' && issue.message.includes('undefined') ? 'is not set' : issue.message;
    return `${variable}: ${received}`;
  });
  throw new PushstreamError('CONFIG_INVALID', `Invalid configuration:\n  ${problems.join('\n  ')}`, {
    details: {
      variables: [...new Set(result.error.issues.map((issue) => String(issue.path[0] ?? '(config)')))].join(
        ',',
      ),
    },
  });
}

/** Kubernetes and shells often set a variable to the empty string to mean "unset". */
function withoutEmptyValues(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && value !== '') out[name] = value;
  }
  return out;
}
