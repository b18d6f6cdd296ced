import type { ReactNode } from 'react';
import { isTitledReason, problemOf } from '../api/problems.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** A polite "loading" line; screen readers hear it once, sighted users see a spinner. */
export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="state state--loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t.common.loading}
    </p>
  );
}

/** Nothing to show, which is an answer, not a failure. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state--empty" role="status">
      <p className="state__title">{title}</p>
      {children ? <div className="state__body">{children}</div> : null}
    </div>
  );
}

interface ProblemNoticeProps {
  error: unknown;
  /** Overrides the title chosen from the error's reason. */
  title?: string;
  onRetry?: () => void;
  onDismiss?: () => void;
}

/**
 * A failure shown in the page: a title in the reader's language chosen by the error's reason, then the
 * server's precise message (it names the table, restaurant and day), and its request id for support.
 */
export function ProblemNotice({ error, title, onRetry, onDismiss }: ProblemNoticeProps) {
  const { t } = useI18n();
  const problem = problemOf(error);
  const detail = problem.reason === 'NETWORK' ? t.problems.networkDetail : problem.message;
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{title ?? (isTitledReason(problem.reason) ? t.problems.titles[problem.reason] : t.problems.refused)}</p>
      <p className="notice__detail">{detail}</p>
      {problem.requestId ? <p className="notice__meta">{t.problems.reference(problem.requestId)}</p> : null}
      {onRetry || onDismiss ? (
        <div className="notice__actions">
          {onRetry ? (
            <button type="button" className="button button--small" onClick={onRetry}>
              {t.common.retry}
            </button>
          ) : null}
          {onDismiss ? (
            <button type="button" className="button button--small button--ghost" onClick={onDismiss}>
              {t.common.dismiss}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** Good news after an action, announced politely. */
export function SuccessNotice({ children, onDismiss }: { children: ReactNode; onDismiss?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="notice notice--success" role="status">
      <p className="notice__title">{children}</p>
      {onDismiss ? (
        <button type="button" className="notice__close" aria-label={t.common.dismiss} onClick={onDismiss}>
          ×
        </button>
      ) : null}
    </div>
  );
}
