/**
 * The App's log with every message made visible (`\n`, `\u001b` written as escapes): its
 * lines carry text from plans and pull requests (titles, labels, paths, branch names), and
 * with a pretty log format a raw newline or escape sequence in one of them would print a
 * forged line or repaint the operator's terminal.
 */
import type { Logger } from "../github/types.ts";
import { visible } from "../model/visible-text.ts";

export function visibleLog(log: Logger): Logger {
  return {
    debug: (msg) => log.debug(visible(msg)),
    info: (msg) => log.info(visible(msg)),
    warn: (msg) => log.warn(visible(msg)),
    error: (msg) => log.error(visible(msg)),
  };
}
