// An inverted index from bigram code to the facts (by index) listing it, for finding pairs of
// quoted numbers that share words (checks/narrative.ts). Open addressing over typed arrays that
// are kept from one form to the next and cleared by bumping a generation number: a Map of small
// arrays allocated ~1,000 objects per form, and hashing was most of the narrative check's time.
// Nothing is cached across forms, only the memory is reused.

const EMPTY = -1;

export class GramIndex {
  private bits = 10;
  /** per slot: the bigram, the generation that wrote it, and its first and last entries. */
  private keys = new Int32Array(1 << this.bits);
  private gens = new Uint32Array(1 << this.bits);
  private heads = new Int32Array(1 << this.bits);
  private tails = new Int32Array(1 << this.bits);
  private used = 0;
  private gen = 1;
  /** per entry: the fact listed and the next entry under the same bigram. */
  private items = new Int32Array(2048);
  private links = new Int32Array(2048);
  private entries = 0;

  /** Empties the index (in constant time). */
  reset(): void {
    this.used = 0;
    this.entries = 0;
    this.gen++;
    if (this.gen === 0xffffffff) {
      this.gens.fill(0);
      this.gen = 1;
    }
  }

  /** The slot of `gram`, made (with no facts listed) if the bigram is new. */
  slot(gram: number): number {
    if ((this.used + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let s = Math.imul(gram, 0x9e3779b1) >>> (32 - this.bits);
    while (this.gens[s] === this.gen) {
      if (this.keys[s] === gram) return s;
      s = (s + 1) & mask;
    }
    this.gens[s] = this.gen;
    this.keys[s] = gram;
    this.heads[s] = EMPTY;
    this.tails[s] = EMPTY;
    this.used++;
    return s;
  }

  /** The first entry listed under a slot, or -1; entries come in the order they were appended. */
  first(slot: number): number {
    return this.heads[slot]!;
  }

  next(entry: number): number {
    return this.links[entry]!;
  }

  item(entry: number): number {
    return this.items[entry]!;
  }

  /** Lists `item` last under `slot`. */
  append(slot: number, item: number): void {
    if (this.entries === this.items.length) {
      this.items = grown(this.items);
      this.links = grown(this.links);
    }
    const e = this.entries++;
    this.items[e] = item;
    this.links[e] = EMPTY;
    const tail = this.tails[slot]!;
    if (tail === EMPTY) this.heads[slot] = e;
    else this.links[tail] = e;
    this.tails[slot] = e;
  }

  /** Doubles the slot table, keeping every bigram and its list. */
  private grow(): void {
    const { keys, gens, heads, tails, gen } = this;
    this.bits++;
    const size = 1 << this.bits;
    this.keys = new Int32Array(size);
    this.gens = new Uint32Array(size);
    this.heads = new Int32Array(size);
    this.tails = new Int32Array(size);
    this.used = 0;
    for (let s = 0; s < keys.length; s++) {
      if (gens[s] !== gen) continue;
      const t = this.slot(keys[s]!);
      this.heads[t] = heads[s]!;
      this.tails[t] = tails[s]!;
    }
  }
}

function grown(a: Int32Array) {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
