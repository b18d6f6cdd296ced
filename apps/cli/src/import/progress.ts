export interface Progress {
  advance(): void;
  finish(): void;
}

const REDRAW_EVERY_MS = 100;

/**
 * "Importing: 120/1000 rows" on stderr. On a terminal the line is redrawn in place (at most every
 * 100 ms); elsewhere (--progress into a log) a line is written at each tenth, so logs stay short.
 */
export function createProgress(total: number, writeStderr: (text: string) => void, terminal: boolean): Progress {
  let done = 0;
  let drawnAt = 0;
  let lastTenth = 0;
  const text = () => `Importing: ${done}/${total} rows`;
  return {
    advance() {
      done++;
      if (terminal) {
        const now = Date.now();
        if (now - drawnAt >= REDRAW_EVERY_MS) {
          drawnAt = now;
          writeStderr(`\r${text()}`);
        }
      } else {
        const tenth = Math.floor((done * 10) / total);
        if (tenth > lastTenth) {
          lastTenth = tenth;
          writeStderr(`${text()}\n`);
        }
      }
    },
    finish() {
      // On a terminal, clear the line so the report starts clean.
      if (terminal) writeStderr('\r\x1b[2K');
    },
  };
}

export const noProgress: Progress = { advance() {}, finish() {} };
