import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { problemOf } from '../../api/problems.ts';
import { useTRPC } from '../../api/trpc.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { describeIssue } from '../../i18n/refusals.ts';
import { ProblemNotice, SuccessNotice } from '../../ui/states.tsx';
import { TextField } from '../../ui/TextField.tsx';
import {
  dailyLimitsErrorsFromServer,
  dailyLimitsValuesOf,
  validateDailyLimits,
  type DailyLimitsErrors,
  type DailyLimitsValues,
  type SettingsField,
  type StoredDailyLimits,
} from './dailyLimitsForm.ts';

/** The two stored limits, checked with the API's schema and saved with only what changed. */
export function DailyLimitsForm({ stored }: { stored: StoredDailyLimits }) {
  const { t, language } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<DailyLimitsValues>(() => dailyLimitsValuesOf(stored));
  /** After the first attempt, inputs are checked as they change, so a fixed error disappears at once. */
  const [attempted, setAttempted] = useState(false);
  /** The server's word on an input, kept until that input changes; and on none in particular. */
  const [serverErrors, setServerErrors] = useState<{ fields: DailyLimitsErrors; general: string[] }>({ fields: {}, general: [] });
  const [notice, setNotice] = useState<string | null>(null);
  /** Bumped when a save is refused, to move focus to the first input to fix (never while typing). */
  const [focusRequest, setFocusRequest] = useState(0);

  const update = useMutation(
    trpc.settings.update.mutationOptions({
      onSuccess: async (saved) => {
        queryClient.setQueryData(trpc.settings.get.queryKey(), saved);
        setValues(dailyLimitsValuesOf(saved));
        setAttempted(false);
        setNotice(t.settings.saved);
        // What restaurants and days can still take follows from the limits.
        await Promise.all([
          queryClient.invalidateQueries(trpc.restaurant.list.pathFilter()),
          queryClient.invalidateQueries(trpc.guest.pathFilter()),
        ]);
      },
      onError: (error) => {
        setServerErrors(
          dailyLimitsErrorsFromServer(problemOf(error).issues, (issue, withField) => describeIssue(issue, language, { withField })),
        );
        setFocusRequest((count) => count + 1);
      },
    }),
  );
  const failure = update.error ? problemOf(update.error) : undefined;
  // Input problems with a place are shown beside their inputs; anything else above the form.
  const showFailureNotice = failure !== undefined && !(failure.reason === 'INVALID_INPUT' && failure.issues.length > 0);

  // Checked on every render rather than stored, so the messages follow a change of language too.
  const validation = attempted ? validateDailyLimits(values, stored, t.settings) : undefined;
  const errors: DailyLimitsErrors = { ...serverErrors.fields, ...(validation && !validation.ok ? validation.errors : {}) };

  useEffect(() => {
    if (focusRequest === 0) return;
    const frame = requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    return () => cancelAnimationFrame(frame);
  }, [focusRequest]);

  const change = (field: SettingsField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setNotice(null);
    setServerErrors((current) => ({ fields: { ...current.fields, [field]: undefined }, general: current.general }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (update.isPending) return;
    setNotice(null);
    setServerErrors({ fields: {}, general: [] });
    update.reset();
    setAttempted(true);
    const result = validateDailyLimits(values, stored, t.settings);
    if (!result.ok) {
      setFocusRequest((count) => count + 1);
      return;
    }
    if (result.input === null) {
      setNotice(t.settings.unchanged);
      return;
    }
    update.mutate(result.input);
  };

  return (
    <form ref={formRef} className="stack" noValidate onSubmit={submit}>
      {notice ? <SuccessNotice onDismiss={() => setNotice(null)}>{notice}</SuccessNotice> : null}
      {showFailureNotice ? <ProblemNotice error={update.error} title={t.settings.checkForm} /> : null}
      {serverErrors.general.length > 0 ? (
        <div className="notice notice--error" role="alert">
          <p className="notice__title">{t.settings.checkForm}</p>
          {serverErrors.general.map((message) => (
            <p key={message} className="notice__detail">
              {message}
            </p>
          ))}
        </div>
      ) : null}
      <TextField
        label={t.settings.globalDailyLimit}
        name="globalDailyLimit"
        inputMode="numeric"
        value={values.globalDailyLimit}
        error={errors.globalDailyLimit}
        hint={t.settings.globalDailyLimitHint}
        onChange={(value) => change('globalDailyLimit', value)}
      />
      <TextField
        label={t.settings.restaurantDailyLimit}
        name="restaurantDailyLimit"
        inputMode="numeric"
        value={values.restaurantDailyLimit}
        error={errors.restaurantDailyLimit}
        hint={t.settings.restaurantDailyLimitHint}
        onChange={(value) => change('restaurantDailyLimit', value)}
      />
      <p className="notice notice--info">{t.settings.loweringNote}</p>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {update.isPending ? t.settings.saving : t.settings.save}
        </button>
      </div>
    </form>
  );
}
