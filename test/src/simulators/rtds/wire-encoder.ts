import { PassThrough, type Transform } from 'node:stream';
import { constants, createDeflate, createGzip } from 'node:zlib';

/** The `Content-Encoding` of a stream response. */
export type WireEncoding = 'gzip' | 'deflate' | 'identity';

/** How the simulator picks the encoding: from `Accept-Encoding`, or always one (as RTDS examples show gzip). */
export type EncodingMode = 'negotiate' | WireEncoding;

/** The encoding for a request: gzip if accepted, else deflate if accepted, else identity. */
export function chooseEncoding(acceptEncoding: string | undefined, mode: EncodingMode): WireEncoding {
  if (mode !== 'negotiate') return mode;
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params
      .map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1])
      .find((value) => value !== undefined);
    if (name !== '') accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const weight = (name: string): number => accepted.get(name) ?? accepted.get('*') ?? 0;
  if (weight('gzip') > 0) return 'gzip';
  if (weight('deflate') > 0) return 'deflate';
  return 'identity';
}

/** Compresses a response body; `flush` pushes everything written so far onto the wire. */
export interface WireEncoder {
  readonly encoding: WireEncoding;
  readonly stream: Transform;
  flush(): Promise<void>;
}

/** An encoder for `encoding` (`level` is the zlib compression level). */
export function createWireEncoder(encoding: WireEncoding, level: number): WireEncoder {
  if (encoding === 'identity') {
    return { encoding, stream: new PassThrough(), flush: () => Promise.resolve() };
  }
  const stream = encoding === 'gzip' ? createGzip({ level }) : createDeflate({ level });
  return {
    encoding,
    stream,
    flush: () =>
      new Promise<void>((resolve) => {
        if (stream.destroyed || stream.writableEnded) resolve();
        // A sync flush ends the current deflate block so a live client can decode every line sent so far.
        else stream.flush(constants.Z_SYNC_FLUSH, () => resolve());
      }),
  };
}
