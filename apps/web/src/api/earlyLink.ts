import type { TRPCLink } from '@trpc/client';
import type { AnyRouter } from '@trpc/server';
import { observable, type Unsubscribable } from '@trpc/server/observable';
import { takeEarlyAnswer } from './earlyCalls.ts';

/**
 * Answers a query from the call index.html's inline script started for it (earlyCalls.ts), waiting
 * for it if it is still under way; any other call, and one whose early call failed, goes on to the
 * server as usual. The API has no transformer, so the early JSON is the data as the batch link
 * would hand it on.
 */
export function earlyAnswersLink<TRouter extends AnyRouter>(options: { maxAgeMs: number }): TRPCLink<TRouter> {
  return () =>
    ({ op, next }) => {
      const early = op.type === 'query' ? takeEarlyAnswer(op.path, op.input, options.maxAgeMs) : undefined;
      if (!early) return next(op);
      return observable((observer) => {
        let stopped = false;
        let fromServer: Unsubscribable | undefined;
        void early.then((answer) => {
          if (stopped) return;
          if (!answer) {
            fromServer = next(op).subscribe(observer);
            return;
          }
          observer.next({ result: { type: 'data', data: answer.data } });
          observer.complete();
        });
        return () => {
          stopped = true;
          fromServer?.unsubscribe();
        };
      });
    };
}
