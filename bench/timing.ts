import { cpu, now } from "./report";

/** Wall and CPU milliseconds of each timed repetition of one measured region. */
export class Timings {
  readonly wall: number[] = [];
  readonly cpu: number[] = [];
  private wall0 = 0;
  private cpu0 = 0;

  start(): void {
    this.cpu0 = cpu();
    this.wall0 = now();
  }

  /** Ends the region; keeps it unless it was a warm-up repetition. */
  stop(keep: boolean): void {
    const wall = now() - this.wall0;
    const used = cpu() - this.cpu0;
    if (!keep) return;
    this.wall.push(wall);
    this.cpu.push(used);
  }
}
