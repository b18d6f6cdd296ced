import { useId } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import './bookingCalendar.css';
import { DAILY_LIMIT_BOUNDS, MAX_COVERS_BOUNDS, PACING_CHOICES, type LimitsFormValues } from './restaurantLimits.ts';

interface RestaurantLimitsEditorProps {
  values: LimitsFormValues;
  errors: { dailyLimit?: string | undefined; pacing?: string | undefined };
  /** Whether the form books times of day: pacing counts starts, so it needs opening hours. */
  booksTimes: boolean;
  /** The pacing stored now (a new restaurant has none): said to be turned off when the form drops the hours. */
  hasStoredPacing: boolean;
  /** The stored default for a restaurant without its own limit; undefined when it could not be read. */
  defaultDailyLimit: number | undefined;
  onChange: (values: LimitsFormValues) => void;
}

/** The restaurant's own daily limit (empty = the stored default) and its pacing (off, or an interval and its covers). */
export function RestaurantLimitsEditor({
  values,
  errors,
  booksTimes,
  hasStoredPacing,
  defaultDailyLimit,
  onChange,
}: RestaurantLimitsEditorProps) {
  const { t } = useI18n();
  const limits = t.manage.limits;
  const id = useId();
  const change = (changes: Partial<LimitsFormValues>) => onChange({ ...values, ...changes });
  const describedBy = (...ids: (string | false)[]) => ids.filter(Boolean).join(' ') || undefined;
  const limitId = `${id}-daily-limit`;
  const intervalId = `${id}-interval`;
  const coversId = `${id}-covers`;
  const pacingErrorId = `${id}-pacing-error`;
  const pacingOn = values.pacingInterval !== 'off';
  // The server's pacing refusal (no opening hours) is about the pacing as a whole: it marks the choice that is on.
  const pacingError = errors.pacing;
  return (
    <fieldset className="calendar-editor limits-editor">
      <legend className="field__label calendar-editor__title">{limits.title}</legend>
      <div className="field limits-editor__daily">
        <label htmlFor={limitId} className="field__label">
          {limits.dailyLimit}
        </label>
        <input
          id={limitId}
          className="input"
          type="number"
          inputMode="numeric"
          min={DAILY_LIMIT_BOUNDS.min}
          max={DAILY_LIMIT_BOUNDS.max}
          step={1}
          value={values.dailyLimit}
          placeholder={defaultDailyLimit === undefined ? undefined : limits.dailyLimitPlaceholder(defaultDailyLimit)}
          aria-invalid={errors.dailyLimit ? true : undefined}
          aria-describedby={describedBy(`${limitId}-hint`, errors.dailyLimit !== undefined && `${limitId}-error`)}
          onChange={(event) => change({ dailyLimit: event.target.value })}
        />
        <p id={`${limitId}-hint`} className="field__hint">
          {limits.dailyLimitHint(defaultDailyLimit)}
        </p>
        {errors.dailyLimit ? (
          <p id={`${limitId}-error`} className="field__error">
            {errors.dailyLimit}
          </p>
        ) : null}
      </div>
      <fieldset className="calendar-section">
        <legend className="field__label">{limits.pacing}</legend>
        {booksTimes ? (
          <>
            <p className="field__hint">{limits.pacingHint}</p>
            <div className="booking-window">
              <div className="field">
                <label htmlFor={intervalId} className="field__label">
                  {limits.interval}
                </label>
                <select
                  id={intervalId}
                  className="input"
                  value={values.pacingInterval}
                  aria-invalid={pacingError && !pacingOn ? true : undefined}
                  aria-describedby={describedBy(pacingError !== undefined && pacingErrorId)}
                  onChange={(event) => {
                    const chosen = PACING_CHOICES.find((minutes) => String(minutes) === event.target.value);
                    change({ pacingInterval: chosen ?? 'off' });
                  }}
                >
                  <option value="off">{limits.pacingOff}</option>
                  {PACING_CHOICES.map((minutes) => (
                    <option key={minutes} value={minutes}>
                      {limits.pacingOption(minutes)}
                    </option>
                  ))}
                </select>
              </div>
              {pacingOn ? (
                <div className="field">
                  <label htmlFor={coversId} className="field__label">
                    {limits.maxCovers}
                  </label>
                  <input
                    id={coversId}
                    className="input booking-window__input"
                    type="number"
                    inputMode="numeric"
                    min={MAX_COVERS_BOUNDS.min}
                    max={MAX_COVERS_BOUNDS.max}
                    step={1}
                    value={values.pacingMaxCovers}
                    aria-invalid={pacingError ? true : undefined}
                    aria-describedby={describedBy(`${coversId}-hint`, pacingError !== undefined && pacingErrorId)}
                    onChange={(event) => change({ pacingMaxCovers: event.target.value })}
                  />
                  <p id={`${coversId}-hint`} className="field__hint">
                    {limits.maxCoversHint}
                  </p>
                </div>
              ) : null}
            </div>
          </>
        ) : (
          <p className="field__hint">
            {limits.needsHours}
            {hasStoredPacing ? ` ${limits.turnedOff}` : ''}
          </p>
        )}
        {pacingError ? (
          <p id={pacingErrorId} className="field__error">
            {pacingError}
          </p>
        ) : null}
      </fieldset>
    </fieldset>
  );
}
