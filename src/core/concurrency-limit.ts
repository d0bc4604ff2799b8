/**
 * Runs at most `max` tasks at once; the rest wait in order. A list of thousands of buckets then
 * asks for their regions a few at a time instead of opening thousands of requests together.
 */
export function concurrencyLimit(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  let head = 0;
  const release = () => {
    active -= 1;
    if (head < waiting.length) {
      const next = waiting[head] as () => void;
      waiting[head] = () => {};
      head += 1;
      if (head > 1024 && head * 2 > waiting.length) {
        waiting.splice(0, head);
        head = 0;
      }
      next();
    }
  };
  return <T>(task: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      const start = () => {
        active += 1;
        task().then(resolve, reject).finally(release);
      };
      if (active < max) start();
      else waiting.push(start);
    });
}
