import fc from 'fast-check';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = readonly (string | number)[];

/** Every path to a value inside `value` (the root excluded). */
export function pathsOf(value: Json, prefix: Path = []): Path[] {
  if (Array.isArray(value))
    return value.flatMap((item, index) => [[...prefix, index], ...pathsOf(item, [...prefix, index])]);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [
      [...prefix, key],
      ...pathsOf(item, [...prefix, key]),
    ]);
  }
  return [];
}

function containerAt(root: Json, path: Path): Json {
  let current = root;
  for (const key of path) current = (current as Record<string | number, Json>)[key] as Json;
  return current;
}

function withChange(
  root: Json,
  path: Path,
  change: (parent: Record<string | number, Json>, key: string | number) => void,
): Json {
  const copy = structuredClone(root);
  const parent = containerAt(copy, path.slice(0, -1)) as Record<string | number, Json>;
  const key = path.at(-1);
  if (key !== undefined) change(parent, key);
  return copy;
}

function typeOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/**
 * Mutations of a valid JSON text: drop a field, give a field a value of another type, inject random JSON at a
 * field or as a new key, or cut the text short.
 */
export function mutatedText(text: string): fc.Arbitrary<string> {
  const base = JSON.parse(text) as Json;
  const paths = pathsOf(base);
  const objectPaths: Path[] = [[], ...paths.filter((path) => typeOf(containerAt(base, path)) === 'object')];
  const anyJson = fc.jsonValue() as fc.Arbitrary<Json>;
  const mutations: fc.Arbitrary<string>[] = [
    fc.nat({ max: text.length }).map((end) => text.slice(0, end)),
    fc.constantFrom(...objectPaths).chain((path) =>
      fc.tuple(fc.string(), anyJson).map(([key, value]) => {
        const copy = structuredClone(base);
        const target = containerAt(copy, path);
        if (typeOf(target) === 'object') (target as Record<string, Json>)[key] = value;
        return JSON.stringify(copy);
      }),
    ),
  ];
  if (paths.length > 0) {
    const somePath = fc.constantFrom(...paths);
    mutations.push(
      somePath.map((path) =>
        JSON.stringify(
          withChange(base, path, (parent, key) => {
            if (Array.isArray(parent)) parent.splice(Number(key), 1);
            else Reflect.deleteProperty(parent, key);
          }),
        ),
      ),
      fc.tuple(somePath, anyJson).map(([path, value]) => {
        const original = containerAt(base, path);
        const replacement = typeOf(value) === typeOf(original) ? [value] : value;
        return JSON.stringify(withChange(base, path, (parent, key) => (parent[key] = replacement)));
      }),
    );
  }
  return fc.oneof(...mutations);
}
