// Made at the first count, not at load: the first Intl object of a process costs ~20 ms (ICU),
// which a plain `s3share-tui s3://b/k` would pay for nothing.
let grouping: Intl.NumberFormat | undefined;
const count = (n: number) => (grouping ??= new Intl.NumberFormat('en')).format(n);

/**
 * Stderr for a run that checks links: error lines, and on a terminal a count of the checks
 * done, redrawn once a second on one line and erased before anything else is written there.
 */
export class Progress {
  private checked = 0;
  private queued = 0;
  private shown = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly stderr: NodeJS.WritableStream & { isTTY?: boolean }) {}

  /** Starts the once-a-second count (only on a terminal). */
  start(): void {
    if (!this.stderr.isTTY || this.timer) return;
    this.timer = setInterval(() => this.draw(), 1000);
    this.timer.unref();
  }

  queue(links: number): void {
    this.queued += links;
  }

  done(): void {
    this.checked += 1;
  }

  /** A whole line (with its line end) on stderr, never mixed into the count. */
  line(text: string): void {
    this.erase();
    this.stderr.write(text);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.erase();
  }

  private draw(): void {
    this.stderr.write(`\r\u001b[Ks3share-tui: checked ${count(this.checked)} of ${count(this.queued)} links…`);
    this.shown = true;
  }

  private erase(): void {
    if (!this.shown) return;
    this.stderr.write('\r\u001b[K');
    this.shown = false;
  }
}
