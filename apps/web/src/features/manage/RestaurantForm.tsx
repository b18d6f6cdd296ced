import { DEFAULT_TABLE_LABELS, type IssueDetail, type RestaurantOutput } from '@tablebook/api/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { problemOf } from '../../api/problems.ts';
import { useTRPC } from '../../api/trpc.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { describeIssue, describeLayoutBookings } from '../../i18n/refusals.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ProblemNotice } from '../../ui/states.tsx';
import { RestaurantPhoto } from '../../ui/RestaurantPhoto.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { CityPicker } from '../cities/CityPicker.tsx';
import { BookingCalendarEditor } from './BookingCalendarEditor.tsx';
import { CALENDAR_FIELDS, newCalendarValues, noCalendarErrors, withoutUnchangedCalendar, type CalendarErrors } from './bookingCalendar.ts';
import {
  emptyRestaurantForm,
  fieldErrorsFromServer,
  formValuesOf,
  validateRestaurantForm,
  type FieldErrors,
  type RestaurantFormValues,
  type RestaurantInput,
} from './restaurantForm.ts';
import { RestaurantLimitsEditor } from './RestaurantLimitsEditor.tsx';
import { LIMIT_FIELDS, newLimitsValues, withoutUnchangedLimits } from './restaurantLimits.ts';
import { DEFAULT_SEATS, rowsOf } from './tableLayout.ts';
import { TableLayoutEditor } from './TableLayoutEditor.tsx';
import { useZoneChangeCheck } from './useZoneChangeCheck.ts';

/** Refusals said beside what they are about (the layout, the hours), never also above the form. */
const PLACED_REFUSALS: readonly string[] = ['TABLE_HAS_RESERVATIONS', 'HAS_FUTURE_RESERVATIONS'];

/** A new restaurant starts from the API's default floor, to edit before saving. */
const newRestaurantForm = (): RestaurantFormValues => ({
  ...emptyRestaurantForm,
  tables: rowsOf(DEFAULT_TABLE_LABELS.map((label) => ({ label, seats: DEFAULT_SEATS }))),
  calendar: newCalendarValues(),
  limits: newLimitsValues(),
});

interface RestaurantFormProps {
  /** The restaurant to edit; none to create one. */
  restaurant?: RestaurantOutput | undefined;
  onSaved: (saved: RestaurantOutput) => void;
  onCancel: () => void;
}

/** Create or edit a restaurant, checked with the API's own schema before it is sent. */
export function RestaurantForm({ restaurant, onSaved, onCancel }: RestaurantFormProps) {
  const { t, language } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<RestaurantFormValues>(() => (restaurant ? formValuesOf(restaurant) : newRestaurantForm()));
  /**
   * The server's word on fields the schema let through (an unknown city, a table future bookings need),
   * kept until the field changes; worded on every render, so a change of language rewords it too.
   */
  const [serverIssues, setServerIssues] = useState<readonly IssueDetail[]>([]);
  const { fields: serverErrors, general: generalErrors } = fieldErrorsFromServer(serverIssues, (issue, withField) =>
    describeIssue(issue, language, { withField }),
  );
  /** The bookings the layout would leave without their table (TABLE_HAS_RESERVATIONS), listed beside it. */
  const layoutBookings = describeLayoutBookings(serverIssues, language);
  /** After the first attempt, fields are checked as they change, so a fixed error disappears at once. */
  const [attempted, setAttempted] = useState(false);
  /** Bumped when a save is refused, to move focus to the first field to fix (never while typing). */
  const [focusRequest, setFocusRequest] = useState(0);
  /** The server's refusal of the calendar (HAS_FUTURE_RESERVATIONS): shown beside the hours until the calendar changes. */
  const [calendarRefusal, setCalendarRefusal] = useState<unknown>(undefined);
  /** The stored default daily limit, shown where the restaurant's own is left empty (none when it cannot be read). */
  const settings = useQuery(trpc.settings.get.queryOptions());

  const afterSave = async (saved: RestaurantOutput) => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.restaurant.list.pathFilter()),
      queryClient.invalidateQueries(trpc.restaurant.byId.queryFilter({ id: saved.id })),
      // The guest pages show the layout too.
      queryClient.invalidateQueries(trpc.guest.pathFilter()),
    ]);
    onSaved(saved);
  };
  const create = useMutation(trpc.restaurant.create.mutationOptions({ onSuccess: afterSave }));
  const update = useMutation(trpc.restaurant.update.mutationOptions({ onSuccess: afterSave }));
  const failure = create.error ?? update.error;
  const failureProblem = failure ? problemOf(failure) : undefined;
  // Field-level input problems are shown beside their fields; anything else (network, not found) above the form.
  const showFailureNotice =
    failureProblem !== undefined &&
    !(failureProblem.reason === 'INVALID_INPUT' && failureProblem.issues.length > 0) &&
    // A table that future reservations need, or hours they fall outside: said where it is fixed.
    !PLACED_REFUSALS.includes(failureProblem.reason);

  // Checked on every render rather than stored, so the messages follow a change of language too.
  const validation = attempted ? validateRestaurantForm(values, t.manage.validation) : undefined;
  const errors: FieldErrors = { ...serverErrors, ...(validation && !validation.ok ? validation.errors : {}) };
  const tableErrors = validation && !validation.ok ? (validation.tableErrors ?? {}) : {};
  const calendarErrors: CalendarErrors =
    validation && !validation.ok ? (validation.calendarErrors ?? noCalendarErrors()) : noCalendarErrors();
  // The server's word on a calendar field (a zone the server does not know, say) is shown with that part of the calendar.
  for (const field of CALENDAR_FIELDS) calendarErrors[field] ??= serverErrors[field];

  useEffect(() => {
    if (focusRequest === 0) return;
    // Next frame: the refusal's notice, drawn from the mutation's own state, may land a render later.
    const frame = requestAnimationFrame(() => {
      const form = formRef.current;
      const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
      if (invalid) {
        // Centred, with its label and error around it, rather than just into view at an edge.
        invalid.scrollIntoView?.({ block: 'center' });
        invalid.focus({ preventScroll: true });
        return;
      }
      // A refusal about no one input (reservations outside new hours, a table they need): its message,
      // in view and focused, so the keyboard and the screen reader start where the problem is.
      const message = form?.querySelector<HTMLElement>('[data-refusal], [role="alert"]');
      if (!message) return;
      if (!message.hasAttribute('tabindex')) message.setAttribute('tabindex', '-1');
      message.scrollIntoView?.({ block: 'center' });
      message.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [focusRequest]);

  const change = <K extends keyof RestaurantFormValues>(field: K, value: RestaurantFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (field === 'calendar') setCalendarRefusal(undefined);
    // The calendar's server errors sit on its own fields (hours, timeZone...): any calendar change clears them,
    // and the pacing's too (it is refused for want of hours); the limits' sit on dailyLimit and pacing.
    const cleared: readonly string[] = field === 'calendar' ? [...CALENDAR_FIELDS, 'pacing'] : field === 'limits' ? LIMIT_FIELDS : [field];
    setServerIssues((current) => current.filter((issue) => !cleared.includes(issue.path.split('.')[0] ?? '')));
  };

  const send = (input: RestaurantInput) => {
    const onError = (error: unknown) => {
      const problem = problemOf(error);
      if (problem.reason === 'HAS_FUTURE_RESERVATIONS') {
        // One message, beside the hours: its issues would only repeat it.
        setCalendarRefusal(error);
      } else {
        setServerIssues(problem.issues);
      }
      setFocusRequest((count) => count + 1);
    };
    if (restaurant) update.mutate({ id: restaurant.id, ...input }, { onError });
    else create.mutate(input, { onError });
  };

  /** A new zone with bookings to come is confirmed first. */
  const zoneCheck = useZoneChangeCheck(send);
  const saving = create.isPending || update.isPending || zoneCheck.checking;

  /**
   * An edit sends only the calendar fields and limits that changed (a PUT without the others keeps
   * them); a create leaves out the limits it does not set.
   */
  const save = (input: RestaurantInput) => {
    const limited = withoutUnchangedLimits(input, restaurant);
    if (!restaurant) send(limited);
    else void zoneCheck.check(withoutUnchangedCalendar(limited, restaurant), restaurant);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setServerIssues([]);
    setCalendarRefusal(undefined);
    setAttempted(true);
    const result = validateRestaurantForm(values, t.manage.validation);
    if (!result.ok) {
      setFocusRequest((count) => count + 1);
      return;
    }
    save(result.input);
  };

  const photoPreviewable = /^https?:\/\/\S+$/i.test(values.photoUrl.trim());

  return (
    <>
      <form ref={formRef} className="restaurant-form" aria-labelledby={headingId} noValidate onSubmit={submit}>
        {/* Focused when the form opens (ManagePage). */}
        <h2 id={headingId} className="panel__title" tabIndex={-1}>
          {restaurant ? t.manage.editTitle(restaurant.name) : t.manage.createTitle}
        </h2>
        {showFailureNotice ? (
          <div data-refusal tabIndex={-1}>
            <ProblemNotice error={failure} />
          </div>
        ) : null}
        {generalErrors.length > 0 ? (
          <div className="notice notice--error" role="alert">
            <p className="notice__title">{t.manage.checkForm}</p>
            {generalErrors.map((message) => (
              <p key={message} className="notice__detail">
                {message}
              </p>
            ))}
          </div>
        ) : null}
        <div className="restaurant-form__grid">
          <TextField
            label={t.manage.fields.name}
            name="name"
            value={values.name}
            error={errors.name}
            autoComplete="organization"
            onChange={(value) => change('name', value)}
          />
          <TextField
            label={t.manage.fields.address}
            name="address"
            value={values.address}
            error={errors.address}
            autoComplete="street-address"
            onChange={(value) => change('address', value)}
          />
          <div className="field restaurant-form__city">
            <CityPicker
              label={t.manage.fields.city}
              value={values.cityId}
              invalid={errors.cityId !== undefined}
              {...(errors.cityId ? { errorId: `${headingId}-city-error` } : {})}
              onChange={(cityId) => change('cityId', cityId)}
            />
            {errors.cityId ? (
              <p id={`${headingId}-city-error`} className="field__error">
                {errors.cityId}
              </p>
            ) : null}
          </div>
          <TextField
            label={t.manage.fields.description}
            name="description"
            value={values.description}
            error={errors.description}
            multiline
            onChange={(value) => change('description', value)}
          />
          <div className="restaurant-form__photo">
            <TextField
              label={t.manage.fields.photoUrl}
              name="photoUrl"
              type="url"
              value={values.photoUrl}
              error={errors.photoUrl}
              hint={t.manage.photoHint}
              placeholder="https://"
              onChange={(value) => change('photoUrl', value)}
            />
            {photoPreviewable ? (
              <RestaurantPhoto
                url={values.photoUrl.trim()}
                name={values.name || t.manage.photoPreview}
                className="restaurant-form__preview"
              />
            ) : null}
          </div>
        </div>
        {values.tables ? (
          <TableLayoutEditor
            rows={values.tables}
            rowErrors={tableErrors}
            error={errors.tables}
            bookings={layoutBookings}
            onChange={(tables) => change('tables', tables)}
          />
        ) : null}
        {values.calendar ? (
          <BookingCalendarEditor
            values={values.calendar}
            errors={calendarErrors}
            storedZone={restaurant?.timeZone}
            refusal={
              calendarRefusal ? (
                <div className="calendar-editor__refusal" data-refusal tabIndex={-1}>
                  <ProblemNotice error={calendarRefusal} />
                </div>
              ) : null
            }
            onChange={(calendar) => change('calendar', calendar)}
          />
        ) : null}
        {values.limits ? (
          <RestaurantLimitsEditor
            values={values.limits}
            errors={{ dailyLimit: errors.dailyLimit, pacing: errors.pacing }}
            booksTimes={values.calendar?.booksTimes ?? true}
            hasStoredPacing={Boolean(restaurant?.pacing)}
            defaultDailyLimit={settings.data?.restaurantDailyLimit}
            onChange={(limits) => change('limits', limits)}
          />
        ) : null}
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={onCancel}>
            {t.common.cancel}
          </button>
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? t.manage.saving : restaurant ? t.manage.save : t.manage.create}
          </button>
        </div>
      </form>
      {zoneCheck.pending ? (
        <ConfirmDialog
          open
          title={t.manage.zoneChange.title(zoneCheck.pending.input.timeZone.replaceAll('_', ' '))}
          confirmLabel={t.manage.zoneChange.confirm}
          cancelLabel={t.common.back}
          onConfirm={zoneCheck.confirm}
          onCancel={zoneCheck.cancel}
        >
          <p>{t.manage.zoneChange.body(zoneCheck.pending.upcoming, zoneCheck.pending.input.timeZone.replaceAll('_', ' '))}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
