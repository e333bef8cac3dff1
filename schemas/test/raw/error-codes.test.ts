import { describe, expect, it } from 'vitest';
import { formatPath } from '../../src/raw/format-issues.js';
import { RAW_ERROR_CODES } from '../../src/raw/parse-result.js';
import { isErrorCode } from '../../src/errors/error-codes.js';

describe('raw-input error codes', () => {
  it('belong to the closed list', () => {
    for (const code of RAW_ERROR_CODES) expect(isErrorCode(code), code).toBe(true);
  });
});

describe('error paths', () => {
  it.each([
    [[], ''],
    [['body', 'push_id'], 'body.push_id'],
    [['batch', 3, 'event'], 'batch[3].event'],
    [['device', 'identifiers', 'com.urbanairship.idfa'], 'device.identifiers["com.urbanairship.idfa"]'],
    [['properties', 'first name'], 'properties["first name"]'],
    [[0, 'type'], '[0].type'],
  ])('%j renders as %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});
