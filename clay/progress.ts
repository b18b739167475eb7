/**
 * Progress of `reevo-clay send`: a bar on a terminal; without one (a CI log, a file, a pipe), a
 * line every few seconds with the rows done, the rate and the time left.
 */
import { SingleBar } from 'cli-progress';

export interface ProgressCounts {
  /** Rows that reached the out or the skipped file. */
  readonly done: number;
  readonly failed: number;
  /** Rows an earlier run did (`--resume`): not counted in the rate. */
  readonly resumed: number;
}

export class Progress {
  private counts: ProgressCounts = { done: 0, failed: 0, resumed: 0 };
  private readonly startedAt: number;
  private readonly timer?: NodeJS.Timeout;
  private readonly bar?: SingleBar;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WritableStream & { isTTY?: boolean },
    private readonly now: () => number,
    everyMs = 5000,
  ) {
    this.startedAt = now();
    if (stream.isTTY) {
      this.bar = new SingleBar({
        stream,
        format: 'Sending {bar} {value}/{total} rows | {failed} failed | ETA {eta_formatted}',
        hideCursor: true,
        clearOnComplete: false,
      });
      this.bar.start(total, 0, { failed: 0 });
    } else {
      this.timer = setInterval(() => this.stream.write(`${this.line()}\n`), everyMs);
      this.timer.unref();
    }
  }

  update(counts: ProgressCounts): void {
    this.counts = counts;
    this.bar?.update(counts.done + counts.failed + counts.resumed, { failed: counts.failed });
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.bar?.stop();
  }

  /** `1,200 of 5,000 rows (1,150 done, 50 failed), 4.8 rows/s, about 13 min left`. */
  line(): string {
    const { done, failed, resumed } = this.counts;
    const finished = done + failed;
    const seconds = Math.max(0.001, (this.now() - this.startedAt) / 1000);
    const rate = finished / seconds;
    const left = this.total - finished - resumed;
    const eta = rate > 0 ? `about ${duration(left / rate)} left` : 'time left not known yet';
    const n = (value: number) => value.toLocaleString('en-US');
    return `reevo-clay send: ${n(finished + resumed)} of ${n(this.total)} rows (${n(done)} done, ${n(failed)} failed${resumed ? `, ${n(resumed)} done earlier` : ''}), ${rate.toFixed(1)} rows/s, ${eta}`;
  }
}

function duration(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
