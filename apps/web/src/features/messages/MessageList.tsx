import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Fragment, useId, useState } from 'react';
import { useTRPC } from '../../api/trpc.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { EmptyState, Loading, ProblemNotice, SuccessNotice } from '../../ui/states.tsx';
import { Breakable } from './Breakable.tsx';
import { MessageAttempts } from './MessageAttempts.tsx';
import type { Message } from './messageTypes.ts';
import { formatInstant } from '../../lib/days.ts';
import { bookingText, destinationOf, eventText, kindText, listInputOf, whenOf, type MessageFilters } from './messageView.ts';

/**
 * How often the list is read again while the page is open: the sender changes statuses within seconds
 * of a booking (a queued message is attempted within 5 s), and the page has no live stream of its own.
 */
const REFRESH_MS = 5_000;

/** The outbox, newest first, a page at a time; each row's attempts on demand, a failed one retried. */
export function MessageList({ filters }: { filters: MessageFilters }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [expanded, setExpanded] = useState<string | undefined>(undefined);
  const [retried, setRetried] = useState<string | undefined>(undefined);
  const list = useInfiniteQuery(
    trpc.message.list.infiniteQueryOptions(listInputOf(filters), {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
      refetchInterval: REFRESH_MS,
    }),
  );
  const retry = useMutation(
    trpc.message.retry.mutationOptions({
      onSuccess: async (message) => {
        setRetried(message.id);
        queryClient.setQueryData(trpc.message.get.queryKey({ id: message.id }), message);
        await queryClient.invalidateQueries(trpc.message.list.pathFilter());
      },
    }),
  );
  const messages = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = filters.status !== undefined || filters.channel !== undefined;

  const body = () => {
    if (list.isPending) return <Loading label={t.messages.loading} />;
    if (list.isError && messages.length === 0) return <ProblemNotice error={list.error} onRetry={() => void list.refetch()} />;
    if (messages.length === 0) {
      return filtered ? (
        <EmptyState title={t.messages.emptyFiltered} />
      ) : (
        <EmptyState title={t.messages.emptyTitle}>
          <p>{t.messages.emptyBody}</p>
          <p>{t.messages.emptySmtp}</p>
        </EmptyState>
      );
    }
    return (
      <table className="data-table messages-table">
        <caption className="visually-hidden">{t.messages.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.messages.columns.message}</th>
            <th scope="col">{t.messages.columns.to}</th>
            <th scope="col">{t.messages.columns.status}</th>
            <th scope="col">{t.messages.columns.error}</th>
            <th scope="col">
              <span className="visually-hidden">{t.messages.columns.actions}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {messages.map((message) => (
            <MessageRow
              key={message.id}
              message={message}
              open={expanded === message.id}
              retrying={retry.isPending && retry.variables?.id === message.id}
              onToggle={() => setExpanded((current) => (current === message.id ? undefined : message.id))}
              onRetry={() => {
                setRetried(undefined);
                retry.mutate({ id: message.id });
              }}
            />
          ))}
        </tbody>
      </table>
    );
  };

  return (
    <section className="panel messages-panel" aria-labelledby={headingId}>
      <div className="panel__header">
        <h2 id={headingId} className="panel__title">
          {t.messages.caption}
        </h2>
        {/* Read again now, not at the next poll: the list and the endpoints (another administrator may have changed them). */}
        <button
          type="button"
          className="button button--small button--ghost"
          onClick={() =>
            void Promise.all([
              queryClient.invalidateQueries(trpc.message.pathFilter()),
              queryClient.invalidateQueries(trpc.webhook.pathFilter()),
            ])
          }
        >
          {t.messages.refresh}
        </button>
      </div>
      {retried ? <SuccessNotice onDismiss={() => setRetried(undefined)}>{t.messages.retried}</SuccessNotice> : null}
      {retry.isError ? <ProblemNotice error={retry.error} onDismiss={() => retry.reset()} /> : null}
      {body()}
      {list.hasNextPage ? (
        <div className="form-actions">
          <button
            type="button"
            className="button button--ghost"
            disabled={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {list.isFetchingNextPage ? t.common.loading : t.messages.showMore}
          </button>
        </div>
      ) : null}
    </section>
  );
}

interface MessageRowProps {
  message: Message;
  open: boolean;
  retrying: boolean;
  onToggle: () => void;
  onRetry: () => void;
}

function MessageRow({ message, open, retrying, onToggle, onRetry }: MessageRowProps) {
  const { t, locale } = useI18n();
  const attemptsId = useId();
  const words = t.messages;
  const kind = kindText(message, words, locale);
  const event = eventText(message.eventType, words);
  const to = destinationOf(message);
  const when = whenOf(message);
  const whenText = words[when.which](formatInstant(when.at, locale));
  const booking = bookingText(message, locale);
  return (
    <Fragment>
      <tr className={message.status === 'dead' ? 'messages-table__row--dead' : undefined}>
        <th scope="row" data-label={words.columns.message} className="messages-table__message">
          <span className="messages-table__kind">{kind}</span>
          <span className="messages-table__meta">
            {words.channels[message.channel]}
            {event ? ` · ${event}` : ''}
          </span>
          {booking ? <span className="messages-table__meta">{booking}</span> : null}
        </th>
        <td data-label={words.columns.to} className="messages-table__to">
          <span className="messages-table__address">
            <Breakable text={to} />
          </span>
        </td>
        <td data-label={words.columns.status} className="messages-table__status">
          <span className={`status message-status message-status--${message.status}`} title={words.statusHint[message.status]}>
            {words.statuses[message.status]}
          </span>
          <span className="messages-table__meta">
            <time dateTime={when.at}>{whenText}</time>
          </span>
          <span className="messages-table__meta">{words.attemptsCount(message.attempts)}</span>
        </td>
        <td
          data-label={words.columns.error}
          // Why a dropped message was not sent is a reason, not a failure.
          className={`messages-table__error${message.status === 'dropped' ? ' messages-table__error--reason' : ''}`}
        >
          {message.status === 'dropped' ? (
            <span>{words.statusHint.dropped}</span>
          ) : message.lastError ? (
            // The SMTP server's or the endpoint's own words, or the sender's: English, said so to screen readers.
            <span lang="en">{message.lastError}</span>
          ) : (
            <span className="messages-table__none">{words.noError}</span>
          )}
        </td>
        <td className="messages-table__actions">
          <div className="row-actions">
            <button
              type="button"
              className="button button--small button--ghost"
              aria-expanded={open}
              aria-controls={open ? attemptsId : undefined}
              onClick={onToggle}
            >
              {words.showAttempts}
              <span className="visually-hidden"> — {words.rowName(kind, to)}</span>
            </button>
            {message.status === 'dead' ? (
              <button
                type="button"
                className="button button--small button--primary"
                aria-disabled={retrying || undefined}
                onClick={() => retrying || onRetry()}
              >
                {retrying ? words.retrying : words.retry}
                <span className="visually-hidden"> — {words.rowName(kind, to)}</span>
              </button>
            ) : null}
          </div>
        </td>
      </tr>
      {open ? (
        <tr className="messages-table__attempts-row">
          <td colSpan={5} id={attemptsId}>
            <MessageAttempts message={message} title={words.attemptsTitle(kind, to)} />
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}
