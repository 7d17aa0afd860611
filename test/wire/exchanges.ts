/** Counts the HTTP exchanges the servers of this process receive (a batch counts once). */
import * as http from 'node:http';

export interface ExchangeCounter {
  /** Exchanges received since the counter started. */
  readonly count: number;
  /** Stops counting (puts node's own Server.prototype.emit back). */
  stop(): void;
}

export function countExchanges(): ExchangeCounter {
  const realEmit = http.Server.prototype.emit;
  let count = 0;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') count++;
    return Reflect.apply(realEmit, this, [event, ...args]) as boolean;
  } as typeof realEmit;
  return {
    get count() {
      return count;
    },
    stop: () => {
      http.Server.prototype.emit = realEmit;
    },
  };
}
