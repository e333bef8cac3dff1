/**
 * Calls `onGone` once the process `parentPid` is no longer this process's parent — it exited and the
 * process was re-parented (to init or a subreaper). Linux has no portable "die with parent" for Node, so
 * this polls `process.ppid`, which Node reads live. Returns a function that stops watching.
 */
export function watchParent(
  parentPid: number,
  onGone: () => void,
  options: { intervalMs?: number; currentParent?: () => number } = {},
): () => void {
  const currentParent = options.currentParent ?? (() => process.ppid);
  const timer = setInterval(() => {
    if (currentParent() === parentPid) return;
    clearInterval(timer);
    onGone();
  }, options.intervalMs ?? 1000);
  timer.unref();
  return () => clearInterval(timer);
}
