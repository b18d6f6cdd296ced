import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTRPC } from '../../api/trpc.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatInstant } from '../../lib/days.ts';
import { Loading, ProblemNotice } from '../../ui/states.tsx';
import type { Message } from './messageTypes.ts';
import { attemptResult } from './messageView.ts';

/** Every attempt to send one message, first to last (`message.get`'s attemptLog): when, the outcome, the error. */
export function MessageAttempts({ message, title }: { message: Message; title: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const words = t.messages;
  // Read again when the row's attempts or status change (the list is polled), not on a timer of its own.
  const detail = useQuery(trpc.message.get.queryOptions({ id: message.id }));
  const { refetch } = detail;
  const shown = detail.data ? `${detail.data.status} ${detail.data.attempts}` : undefined;
  const listed = `${message.status} ${message.attempts}`;
  useEffect(() => {
    if (shown !== undefined && shown !== listed) void refetch();
  }, [shown, listed, refetch]);
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ProblemNotice error={detail.error} onRetry={() => void detail.refetch()} />;
  const attempts = detail.data.attemptLog;
  return (
    <div className="message-attempts">
      <p className="message-attempts__title">{words.attemptsCaption}</p>
      {attempts.length === 0 ? (
        <p className="messages-table__none">{words.noAttempts}</p>
      ) : (
        <ol className="message-attempts__list" aria-label={title}>
          {attempts.map((attempt) => (
            <li key={attempt.attempt} className="message-attempts__item">
              <span className="message-attempts__number">{attempt.attempt}</span>
              <time dateTime={attempt.startedAt}>{formatInstant(attempt.startedAt, locale)}</time>
              <span className={attempt.ok ? 'message-attempts__ok' : 'message-attempts__failed'}>
                {attemptResult(attempt, message.channel, words)}
              </span>
              {attempt.error ? (
                <span className="message-attempts__error" lang="en">
                  {attempt.error}
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
