import { useId } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useSearchParamsState } from '../../lib/useSearchParamsState.ts';
import { MessageList } from './MessageList.tsx';
import { MESSAGE_CHANNELS, MESSAGE_STATUSES } from './messageTypes.ts';
import { messageFiltersFrom, type MessageFilters } from './messageView.ts';
import { WebhooksPanel } from './WebhooksPanel.tsx';
import './messages.css';

/**
 * The administrator's view of the outbox (issue 17): every e-mail to a guest and every webhook delivery,
 * newest first, with its status, attempts and last error; a failed (dead) one can be retried. Below it
 * the webhook endpoints, which can be added, given a new secret or deleted. The filters live in the
 * address, so a link to "the failed webhooks" works.
 */
export function MessagesPage() {
  const { t } = useI18n();
  useDocumentTitle(t.messages.title, t.app.name);
  const [params, changeParams] = useSearchParamsState();
  const filters = messageFiltersFrom(params);
  const update = (changes: Partial<Record<keyof MessageFilters, string>>) =>
    changeParams((current) => {
      for (const [name, value] of Object.entries(changes)) {
        if (value) current.set(name, value);
        else current.delete(name);
      }
      return current;
    });
  return (
    <>
      <header className="page-header">
        <h1 className="page-title">{t.messages.title}</h1>
        <p className="page-intro">{t.messages.intro}</p>
      </header>
      <MessageFiltersForm filters={filters} onChange={update} />
      <MessageList filters={filters} />
      <WebhooksPanel />
    </>
  );
}

function MessageFiltersForm({
  filters,
  onChange,
}: {
  filters: MessageFilters;
  onChange: (changes: Partial<Record<keyof MessageFilters, string>>) => void;
}) {
  const { t } = useI18n();
  const statusId = useId();
  const channelId = useId();
  return (
    <form className="filters filters--compact" aria-label={t.messages.filtersLabel} onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor={statusId} className="field__label">
          {t.messages.status}
        </label>
        <select
          id={statusId}
          className="input"
          value={filters.status ?? ''}
          aria-describedby={filters.status ? `${statusId}-hint` : undefined}
          onChange={(event) => onChange({ status: event.target.value })}
        >
          <option value="">{t.messages.allStatuses}</option>
          {MESSAGE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t.messages.statuses[status]}
            </option>
          ))}
        </select>
        {filters.status ? (
          <p id={`${statusId}-hint`} className="field__hint">
            {t.messages.statusHint[filters.status]}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={channelId} className="field__label">
          {t.messages.channel}
        </label>
        <select
          id={channelId}
          className="input"
          value={filters.channel ?? ''}
          onChange={(event) => onChange({ channel: event.target.value })}
        >
          <option value="">{t.messages.allChannels}</option>
          {MESSAGE_CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {t.messages.channels[channel]}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
