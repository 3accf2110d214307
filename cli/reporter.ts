import cliProgress from 'cli-progress';

/** What every stage reports while it works; the stage modules stay free of printing. */
export interface ProgressEvent {
  stage?: string;
  done?: number;
  total?: number;
  message?: string;
  file?: string;
}

export interface Reporter {
  step(title: string): void;
  progress(event: ProgressEvent): void;
  info(message: string): void;
  finish(): void;
}

/**
 * A bar on a terminal; on a pipe (CI, logs) a line every tenth of the way, so a long job
 * still shows it is alive without flooding the log.
 */
export function createReporter(stream: NodeJS.WriteStream = process.stderr): Reporter {
  const interactive = Boolean(stream.isTTY) && !process.env.CI;
  let bar: cliProgress.SingleBar | null = null;
  let lastDecile = -1;
  let currentTitle = '';

  const stopBar = (): void => {
    bar?.stop();
    bar = null;
  };

  return {
    step(title) {
      stopBar();
      currentTitle = title;
      lastDecile = -1;
      stream.write(`› ${title}\n`);
    },
    progress(event) {
      const label = event.message ?? event.file ?? event.stage ?? '';
      if (event.total === undefined || event.done === undefined) {
        if (label && !interactive) stream.write(`  ${label}\n`);
        else if (label && bar === null) stream.write(`  ${label}\n`);
        return;
      }
      if (interactive) {
        if (bar === null) {
          bar = new cliProgress.SingleBar(
            {
              stream,
              format: '  {bar} {percentage}% | {value}/{total} | {label}',
              hideCursor: true,
              clearOnComplete: false,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(event.total, event.done, { label });
        }
        bar.setTotal(event.total);
        bar.update(event.done, { label: label.slice(-60) });
        return;
      }
      const decile = event.total === 0 ? 10 : Math.floor((event.done / event.total) * 10);
      if (decile > lastDecile) {
        lastDecile = decile;
        stream.write(`  ${currentTitle}: ${event.done}/${event.total}${label ? ` (${label})` : ''}\n`);
      }
    },
    info(message) {
      stopBar();
      stream.write(`  ${message}\n`);
    },
    finish() {
      stopBar();
    },
  };
}
