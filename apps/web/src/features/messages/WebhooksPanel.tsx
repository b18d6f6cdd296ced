import type { IssueDetail } from '@tablebook/api/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { problemOf } from '../../api/problems.ts';
import { useTRPC } from '../../api/trpc.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { describeIssue } from '../../i18n/refusals.ts';
import { formatInstant } from '../../lib/days.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { EmptyState, Loading, ProblemNotice, SuccessNotice } from '../../ui/states.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { Breakable } from './Breakable.tsx';
import { WEBHOOK_EVENT_TYPES, type Webhook, type WebhookWithSecret } from './messageTypes.ts';
import { eventNameOf, eventText } from './messageView.ts';
import { newWebhookForm, validateWebhookForm, webhookErrorsFromServer, type WebhookFormValues } from './webhookForm.ts';

/** A question asked before an endpoint is deleted or its secret replaced. */
type Pending = { action: 'delete' | 'rotate'; webhook: Webhook } | undefined;

/**
 * The webhook endpoints: each with its events, added, given a new secret or deleted. A secret is shown
 * once, when the endpoint is made or its secret rotated (the list never carries it), to copy then.
 */
export function WebhooksPanel() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const headingId = useId();
  const words = t.messages.webhooks;
  const endpoints = useQuery(trpc.webhook.list.queryOptions());
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<WebhookWithSecret | undefined>(undefined);
  const [pending, setPending] = useState<Pending>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.webhook.pathFilter()),
      // A deleted endpoint takes its queued deliveries with it.
      queryClient.invalidateQueries(trpc.message.pathFilter()),
    ]);
  const remove = useMutation(
    trpc.webhook.delete.mutationOptions({
      onSuccess: async (_deleted, { id }) => {
        const gone = endpoints.data?.find((webhook) => webhook.id === id);
        setPending(undefined);
        setSecret((shown) => (shown?.id === id ? undefined : shown));
        setNotice(gone ? words.deleted(gone.url) : undefined);
        await refresh();
      },
    }),
  );
  const rotate = useMutation(
    trpc.webhook.rotateSecret.mutationOptions({
      onSuccess: async (rotated) => {
        setPending(undefined);
        setNotice(undefined);
        setSecret(rotated);
        await refresh();
      },
    }),
  );
  const failure = remove.error ?? rotate.error;

  const body = () => {
    if (endpoints.isPending) return <Loading label={words.loading} />;
    if (endpoints.isError) return <ProblemNotice error={endpoints.error} onRetry={() => void endpoints.refetch()} />;
    if (endpoints.data.length === 0) return adding ? null : <EmptyState title={words.empty} />;
    return (
      <table className="data-table webhooks-table">
        <caption className="visually-hidden">{words.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{words.columns.url}</th>
            <th scope="col">{words.columns.events}</th>
            <th scope="col">{words.columns.created}</th>
            <th scope="col">
              <span className="visually-hidden">{words.columns.actions}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {endpoints.data.map((webhook) => (
            <WebhookRow
              key={webhook.id}
              webhook={webhook}
              onDelete={() => setPending({ action: 'delete', webhook })}
              onRotate={() => setPending({ action: 'rotate', webhook })}
            />
          ))}
        </tbody>
      </table>
    );
  };

  const busy = remove.isPending || rotate.isPending;
  return (
    <section className="panel webhooks-panel" aria-labelledby={headingId}>
      <div className="panel__header">
        <h2 id={headingId} className="panel__title">
          {words.title}
        </h2>
        {adding ? null : (
          <button
            type="button"
            className="button button--primary button--small"
            onClick={() => {
              setNotice(undefined);
              setAdding(true);
            }}
          >
            {words.add}
          </button>
        )}
      </div>
      <p className="page-intro webhooks-panel__intro">{words.intro}</p>
      {secret ? <SecretNotice webhook={secret} onDone={() => setSecret(undefined)} /> : null}
      {notice ? <SuccessNotice onDismiss={() => setNotice(undefined)}>{notice}</SuccessNotice> : null}
      {failure ? (
        <ProblemNotice
          error={failure}
          onDismiss={() => {
            remove.reset();
            rotate.reset();
          }}
        />
      ) : null}
      {adding ? (
        <WebhookForm
          onCreated={async (created) => {
            setAdding(false);
            setSecret(created);
            await refresh();
          }}
          onCancel={() => setAdding(false)}
        />
      ) : null}
      {body()}
      {pending ? (
        <ConfirmDialog
          open
          title={pending.action === 'delete' ? words.deleteTitle(pending.webhook.url) : words.rotateTitle(pending.webhook.url)}
          confirmLabel={pending.action === 'delete' ? words.deleteAction : words.rotateAction}
          cancelLabel={t.common.back}
          tone={pending.action === 'delete' ? 'danger' : 'default'}
          busy={busy}
          onConfirm={() => {
            remove.reset();
            rotate.reset();
            if (pending.action === 'delete') remove.mutate({ id: pending.webhook.id });
            else rotate.mutate({ id: pending.webhook.id });
          }}
          onCancel={() => setPending(undefined)}
        >
          <p>{pending.action === 'delete' ? words.deleteBody : words.rotateBody}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

function WebhookRow({ webhook, onDelete, onRotate }: { webhook: Webhook; onDelete: () => void; onRotate: () => void }) {
  const { t, locale } = useI18n();
  const words = t.messages.webhooks;
  const all = webhook.events.includes('*');
  return (
    <tr>
      <th scope="row" data-label={words.columns.url} className="webhooks-table__url">
        <span className="messages-table__address">
          <Breakable text={webhook.url} />
        </span>
      </th>
      <td data-label={words.columns.events}>
        {all ? (
          words.allEvents
        ) : (
          <ul className="webhooks-table__events">
            {webhook.events.map((event) => (
              <li key={event}>
                {eventText(event, t.messages)} <code>{event}</code>
              </li>
            ))}
          </ul>
        )}
      </td>
      <td data-label={words.columns.created} className="webhooks-table__created">
        <time dateTime={webhook.createdAt}>{formatInstant(webhook.createdAt, locale)}</time>
      </td>
      <td className="webhooks-table__actions">
        <div className="row-actions">
          <button type="button" className="button button--small button--ghost" onClick={onRotate}>
            {words.rotate}
            <span className="visually-hidden"> — {webhook.url}</span>
          </button>
          <button type="button" className="button button--small button--danger-ghost" onClick={onDelete}>
            {words.delete}
            <span className="visually-hidden"> — {webhook.url}</span>
          </button>
        </div>
      </td>
    </tr>
  );
}

/** The secret of an endpoint just made or rotated: shown this once, to copy. */
function SecretNotice({ webhook, onDone }: { webhook: WebhookWithSecret; onDone: () => void }) {
  const { t } = useI18n();
  const words = t.messages.webhooks;
  const secretRef = useRef<HTMLElement>(null);
  const titleRef = useRef<HTMLParagraphElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    // Where the keyboard and the screen reader go next: the secret, not the button that made it.
    titleRef.current?.focus();
  }, []);
  const copy = () => {
    const select = () => secretRef.current && window.getSelection()?.selectAllChildren(secretRef.current);
    if (!navigator.clipboard) {
      select();
      return;
    }
    navigator.clipboard.writeText(webhook.secret).then(() => setCopied(true), select);
  };
  return (
    <div className="notice notice--info webhook-secret" role="status">
      <p ref={titleRef} className="notice__title" tabIndex={-1}>
        {words.secretTitle(webhook.url)}
      </p>
      <p className="notice__detail">{words.secretOnce}</p>
      <code ref={secretRef} className="webhook-secret__value" data-testid="webhook-secret">
        {webhook.secret}
      </code>
      <div className="notice__actions">
        <button type="button" className="button button--small" onClick={copy}>
          {words.copySecret}
        </button>
        {copied ? <span className="webhook-secret__copied">{words.copied}</span> : null}
        <button type="button" className="button button--small button--ghost" onClick={onDone}>
          {words.hideSecret}
        </button>
      </div>
    </div>
  );
}

function WebhookForm({ onCreated, onCancel }: { onCreated: (created: WebhookWithSecret) => void; onCancel: () => void }) {
  const { t, language } = useI18n();
  const trpc = useTRPC();
  const words = t.messages.webhooks;
  const formRef = useRef<HTMLFormElement>(null);
  const headingId = useId();
  const eventsId = useId();
  const [values, setValues] = useState<WebhookFormValues>(newWebhookForm);
  const [attempted, setAttempted] = useState(false);
  const [serverIssues, setServerIssues] = useState<readonly IssueDetail[]>([]);
  const [focusRequest, setFocusRequest] = useState(0);
  const create = useMutation(
    trpc.webhook.create.mutationOptions({
      onSuccess: onCreated,
      onError: (error) => {
        setServerIssues(problemOf(error).issues);
        setFocusRequest((count) => count + 1);
      },
    }),
  );
  const server = webhookErrorsFromServer(serverIssues, (issue, withField) => describeIssue(issue, language, { withField }));
  const validation = attempted ? validateWebhookForm(values, words.validation) : undefined;
  const errors = { ...server.fields, ...(validation && !validation.ok ? validation.errors : {}) };
  const failure = create.error ? problemOf(create.error) : undefined;
  const showFailure = failure !== undefined && !(failure.reason === 'INVALID_INPUT' && failure.issues.length > 0);

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input')?.focus();
  }, []);
  useEffect(() => {
    if (focusRequest === 0) return;
    const frame = requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    return () => cancelAnimationFrame(frame);
  }, [focusRequest]);

  const change = (changes: Partial<WebhookFormValues>) => {
    setValues((current) => ({ ...current, ...changes }));
    const cleared = Object.keys(changes).map((key) => (key === 'everyEvent' ? 'events' : key));
    setServerIssues((current) => current.filter((issue) => !cleared.includes(issue.path.split('.')[0] ?? '')));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    setServerIssues([]);
    create.reset();
    setAttempted(true);
    const result = validateWebhookForm(values, words.validation);
    if (!result.ok) {
      setFocusRequest((count) => count + 1);
      return;
    }
    create.mutate(result.input);
  };

  return (
    <form ref={formRef} className="webhook-form stack" aria-labelledby={headingId} noValidate onSubmit={submit}>
      <h3 id={headingId} className="webhook-form__title">
        {words.addTitle}
      </h3>
      {showFailure ? <ProblemNotice error={create.error} title={words.failed} /> : null}
      {server.general.length > 0 ? (
        <div className="notice notice--error" role="alert">
          <p className="notice__title">{words.failed}</p>
          {server.general.map((message) => (
            <p key={message} className="notice__detail">
              {message}
            </p>
          ))}
        </div>
      ) : null}
      <TextField
        label={words.url}
        name="url"
        type="url"
        inputMode="text"
        autoComplete="url"
        placeholder="https://"
        value={values.url}
        error={errors.url}
        hint={words.urlHint}
        onChange={(url) => change({ url })}
      />
      <fieldset className="webhook-form__events" aria-describedby={errors.events ? `${eventsId}-error` : undefined}>
        <legend className="field__label">{words.eventsLegend}</legend>
        <label className="choice">
          <input type="radio" name={`${eventsId}-which`} checked={values.everyEvent} onChange={() => change({ everyEvent: true })} />
          <span>{words.everyEvent}</span>
        </label>
        <label className="choice">
          <input type="radio" name={`${eventsId}-which`} checked={!values.everyEvent} onChange={() => change({ everyEvent: false })} />
          <span>{words.chosenEvents}</span>
        </label>
        {values.everyEvent ? null : (
          <div className="webhook-form__choices">
            {WEBHOOK_EVENT_TYPES.map((event) => (
              <label key={event} className="choice">
                <input
                  type="checkbox"
                  checked={values.events.includes(event)}
                  aria-invalid={errors.events ? true : undefined}
                  onChange={(change_) =>
                    change({
                      events: change_.target.checked ? [...values.events, event] : values.events.filter((chosen) => chosen !== event),
                    })
                  }
                />
                <span>
                  {words.events[eventNameOf(event)]} <code>{event}</code>
                </span>
              </label>
            ))}
          </div>
        )}
        {errors.events ? (
          <p id={`${eventsId}-error`} className="field__error">
            {errors.events}
          </p>
        ) : null}
      </fieldset>
      <div className="form-actions">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {words.cancel}
        </button>
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? words.creating : words.create}
        </button>
      </div>
    </form>
  );
}
