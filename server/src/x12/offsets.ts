/**
 * The one growable typed array of the code base: offsets for millions of segments or lines without an
 * object each. A plain record rather than a class, so a hot loop can keep `data` and `length` in local
 * variables and push without a method call (the tokenizer does). Int32Array for absolute offsets;
 * Uint16Array for element offsets within a segment until one is too long (`widen`).
 */
export interface Offsets<A extends Int32Array | Uint16Array = Int32Array> {
  data: A;
  length: number;
}

/** Offsets relative to a segment's start: 16 bits until a segment is longer than 65,535 characters. */
export type RelOffsets = Offsets<Uint16Array | Int32Array>;

/** An empty buffer with room for `capacity` offsets (at least 16). */
export const offsets = (capacity: number): Offsets => ({ data: new Int32Array(Math.max(16, capacity)), length: 0 });

/** A buffer of the same kind with half as much room again. */
export function grow<A extends Int32Array | Uint16Array>(o: Offsets<A>): A {
  const bigger = new (o.data.constructor as new (n: number) => A)(Math.max(16, Math.ceil(o.data.length * 1.5)));
  bigger.set(o.data.subarray(0, o.length));
  o.data = bigger;
  return bigger;
}

export function push(o: Offsets, value: number): void {
  if (o.length === o.data.length) grow(o);
  o.data[o.length++] = value;
}

/** Switches to 32-bit offsets: a segment is longer than 65,535 characters (a wrong terminator, or a huge note). */
export function widen(o: RelOffsets): Int32Array {
  const wide = new Int32Array(o.data.length);
  wide.set(o.data.subarray(0, o.length));
  o.data = wide;
  return wide;
}

/** The filled part; copied only when a quarter or more of the buffer would be wasted. */
export function trimmed<A extends Int32Array | Uint16Array>(o: Offsets<A>): A {
  return (o.length * 4 < o.data.length * 3 ? o.data.slice(0, o.length) : o.data.subarray(0, o.length)) as A;
}
