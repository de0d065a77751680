/** A growable Int32Array: offsets for millions of segments without one object each. */
export class IntBuffer {
  private data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /** The filled part, trimmed (a copy only when the buffer is mostly empty). */
  toArray(): Int32Array {
    return this.length * 2 < this.data.length ? this.data.slice(0, this.length) : this.data.subarray(0, this.length);
  }
}
