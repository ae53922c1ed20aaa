import 'server-only';

/**
 * A short-lived shared answer per key, with concurrent callers coalesced onto one in-flight call: fifty
 * open tabs polling the same list cost AWS about one DescribeExportTasks call per TTL. A failed call is not
 * cached, so the next poll asks again. `invalidate` drops answers after a create or a cancel.
 */
type Entry<T> = { at: number; value?: T; pending?: Promise<T> };

export class SharedAnswers<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 500,
  ) {}

  async get(key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const entry = this.entries.get(key);
    if (entry?.value !== undefined && now - entry.at < this.ttlMs) return entry.value;
    if (entry?.pending) return entry.pending;
    const generation = this.generation;
    const pending = load().then(
      (value) => {
        // An invalidation while this call was in flight makes its answer possibly stale: do not keep it.
        if (generation === this.generation) this.entries.set(key, { at: Date.now(), value });
        else this.entries.delete(key);
        return value;
      },
      (err: unknown) => {
        this.entries.delete(key);
        throw err;
      },
    );
    this.entries.set(key, { ...(entry ?? { at: 0 }), pending });
    this.evict();
    return pending;
  }

  invalidate(prefix = ''): void {
    this.generation++;
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  private evict(): void {
    if (this.entries.size <= this.maxEntries) return;
    const oldest = [...this.entries.entries()]
      .filter(([, e]) => !e.pending)
      .sort((a, b) => a[1].at - b[1].at);
    for (const [key] of oldest.slice(0, this.entries.size - this.maxEntries)) this.entries.delete(key);
  }
}
