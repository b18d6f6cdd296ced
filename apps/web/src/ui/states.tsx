import type { ReactNode } from 'react';
import { isTitledReason, problemOf, type ApiProblem } from '../api/problems.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { describeProblem } from '../i18n/refusals.ts';

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

/** A fault to report (or a reason this build does not know): its request id is worth quoting to support; a refusal's is not. */
const wantsReference = (problem: ApiProblem) =>
  problem.reason === 'INTERNAL_ERROR' || problem.reason === 'SERVICE_UNAVAILABLE' || !isTitledReason(problem.reason);

/**
 * A failure shown in the page: a title in the reader's language chosen by the error's reason, then
 * what happened, worded from the reason's details (the table, the restaurant, the day and times) and
 * each offending field, never the server's English; a fault's request id for support.
 */
export function ProblemNotice({ error, title, onRetry, onDismiss }: ProblemNoticeProps) {
  const { t, language } = useI18n();
  const problem = problemOf(error);
  const words = describeProblem(problem, language);
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{title ?? (isTitledReason(problem.reason) ? t.problems.titles[problem.reason] : t.problems.refused)}</p>
      <p className="notice__detail">{words.detail}</p>
      {words.issues.map((issue) => (
        <p key={issue} className="notice__detail">
          {issue}
        </p>
      ))}
      {problem.requestId && wantsReference(problem) ? <p className="notice__meta">{t.problems.reference(problem.requestId)}</p> : null}
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
