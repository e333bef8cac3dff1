/** `18100.4` → `18,100`; small values keep one decimal (`0.8`). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const digits = Math.abs(value) < 10 && !Number.isInteger(value) ? 1 : 0;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** Bytes in binary units: `512 B`, `1.5 KiB`, `183 MiB`, `23.5 GiB`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const text = unit === 0 || value >= 100 ? Math.round(value).toString() : value.toFixed(1);
  return `${text} ${units[unit] ?? 'B'}`;
}

/** `0.514` → `51 %`. */
export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)} %`;
}

/** `{ p50: 16, p95: 40.2, p99: 56 }` → `16 / 40 / 56 ms`. */
export function formatLatency(latency: { p50: number; p95: number; p99: number }): string {
  return `${formatNumber(latency.p50)} / ${formatNumber(latency.p95)} / ${formatNumber(latency.p99)} ms`;
}

/** `553.2` → `9 min 13 s`; under a minute `42 s`. */
export function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  return minutes === 0 ? `${whole} s` : `${minutes} min ${whole % 60} s`;
}
