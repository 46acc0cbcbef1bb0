/** A sleep that `wake()` can cut short (used so stop() does not wait out a poll interval). */
export class Sleeper {
  private timer?: NodeJS.Timeout;
  private resolve?: () => void;

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.resolve = resolve;
      this.timer = setTimeout(resolve, ms);
    });
  }

  wake(): void {
    if (this.timer) clearTimeout(this.timer);
    this.resolve?.();
    this.timer = undefined;
    this.resolve = undefined;
  }
}
