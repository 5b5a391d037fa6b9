/**
 * The first number in a value that is NaN or ±Infinity, with its path
 * ("teams.1.mean.57"), or null when every number is finite.
 *
 * Generic on purpose: it walks any plain data (objects, arrays, Maps, Sets),
 * so the same check can be pointed at a round analysis today and at a
 * compare scene or a room state tomorrow with one line.
 */
export function findNonFinite(value: unknown, path = '', seen: WeakSet<object> = new WeakSet()): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${path || '(root)'} = ${value}`;
  if (typeof value === 'bigint' || value === null || typeof value !== 'object') return null;
  if (seen.has(value)) return null;
  seen.add(value);
  const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (value instanceof Map) {
    for (const [key, item] of value) {
      const found = findNonFinite(item, at(String(key)), seen);
      if (found) return found;
    }
    return null;
  }
  if (value instanceof Set) {
    let i = 0;
    for (const item of value) {
      const found = findNonFinite(item, at(i++), seen);
      if (found) return found;
    }
    return null;
  }
  if (ArrayBuffer.isView(value)) {
    const items = value as unknown as ArrayLike<unknown>;
    for (let i = 0; i < items.length; i++) {
      const found = findNonFinite(items[i], at(i), seen);
      if (found) return found;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    const found = findNonFinite((value as Record<string, unknown>)[key], at(key), seen);
    if (found) return found;
  }
  return null;
}
