/**
 * A gate that opens at most once per interval for each key, on the gateway's clock: for log
 * lines that would otherwise repeat on every call (missing AWS credentials). Danger: keys are
 * kept for the gateway's life, so they must come from a small fixed set.
 */

/** Returns `open(key)`: true the first time, then again only after `intervalMs` has passed. */
export function oncePerInterval(intervalMs: number, now: () => number): (key: string) => boolean {
  const lastOpened = new Map<string, number>();
  return (key) => {
    const at = now();
    const last = lastOpened.get(key);
    if (last !== undefined && at - last < intervalMs) return false;
    lastOpened.set(key, at);
    return true;
  };
}
