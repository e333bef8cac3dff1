/** Where a value sits in a JSON text: `text.slice(start, end)` is the value's source. */
export interface ValueSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * Finds the source span of the value of `key` in the top-level object of `json`, without parsing the
 * rest — so a rewritten line keeps every other byte (big numbers, key order, spacing) as it was.
 * Returns undefined when the text is not an object or has no such top-level key.
 */
export function topLevelValueSpan(json: string, key: string): ValueSpan | undefined {
  let i = skipWhitespace(json, 0);
  if (json[i] !== '{') return undefined;
  i = skipWhitespace(json, i + 1);
  while (i < json.length && json[i] === '"') {
    const keyEnd = stringEnd(json, i);
    const name = JSON.parse(json.slice(i, keyEnd)) as string;
    i = skipWhitespace(json, keyEnd);
    if (json[i] !== ':') return undefined;
    const start = skipWhitespace(json, i + 1);
    const end = valueEnd(json, start);
    if (name === key) return { start, end };
    i = skipWhitespace(json, end);
    if (json[i] !== ',') return undefined;
    i = skipWhitespace(json, i + 1);
  }
  return undefined;
}

/** `json` with the top-level string field `key` set to `value`: replaced in place, or inserted first. */
export function withTopLevelString(json: string, key: string, value: string): string {
  const encoded = JSON.stringify(value);
  const span = topLevelValueSpan(json, key);
  if (span !== undefined) return json.slice(0, span.start) + encoded + json.slice(span.end);
  const open = json.indexOf('{');
  if (open < 0) throw new TypeError('not a JSON object');
  const empty = json[skipWhitespace(json, open + 1)] === '}';
  const field = `${JSON.stringify(key)}:${encoded}${empty ? '' : ','}`;
  return json.slice(0, open + 1) + field + json.slice(open + 1);
}

function skipWhitespace(text: string, from: number): number {
  let i = from;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r'))
    i++;
  return i;
}

/** Index just after the string literal starting at `from`. */
function stringEnd(text: string, from: number): number {
  let i = from + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else i++;
  }
  throw new SyntaxError('unterminated string in JSON line');
}

/** Index just after the value starting at `from` (string, number, literal, object or array). */
function valueEnd(text: string, from: number): number {
  if (text[from] === '"') return stringEnd(text, from);
  let depth = 0;
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i = stringEnd(text, i);
      continue;
    }
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth === 0) break;
      depth--;
      if (depth === 0) return i + 1;
    } else if (c === ',' && depth === 0) break;
    i++;
  }
  let end = i;
  while (end > from && /\s/.test(text[end - 1] ?? '')) end--;
  return end;
}
