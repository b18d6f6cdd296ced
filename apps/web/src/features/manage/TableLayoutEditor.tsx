import { useId } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { LayoutBookingsWords } from '../../i18n/refusals.ts';
import { addRow, changeRow, MAX_SEATS, removeRow, type TableRow, type TableRowErrors } from './tableLayout.ts';

interface TableLayoutEditorProps {
  rows: TableRow[];
  /** Per row index. */
  rowErrors: Record<number, TableRowErrors>;
  /** About the layout as a whole: too few or too many tables. */
  error: string | undefined;
  /** The server's TABLE_HAS_RESERVATIONS: the bookings that need a table this layout drops or shrinks. */
  bookings?: LayoutBookingsWords | undefined;
  onChange: (rows: TableRow[]) => void;
}

/** The restaurant's tables: one row of label and seats each, added and removed here. */
export function TableLayoutEditor({ rows, rowErrors, error, bookings, onChange }: TableLayoutEditorProps) {
  const { t } = useI18n();
  const id = useId();
  const errorId = `${id}-error`;
  const bookingsId = `${id}-bookings`;
  const describedBy = [error ? errorId : undefined, bookings ? bookingsId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="layout-editor" aria-describedby={describedBy}>
      <legend className="field__label">{t.manage.layout.title}</legend>
      <p className="field__hint">{t.manage.layout.hint}</p>
      {error ? (
        <p id={errorId} className="field__error layout-editor__error" role="alert">
          {error}
        </p>
      ) : null}
      {bookings ? (
        // A lead with the way out, then one line per booking: not sentences glued with semicolons.
        <div id={bookingsId} className="field__error layout-editor__error" role="alert">
          <p>{bookings.lead}</p>
          <ul className="layout-editor__bookings">
            {bookings.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <ol className="layout-editor__rows">
        {rows.map((row, index) => {
          const errors = rowErrors[index] ?? {};
          const labelId = `${id}-${row.key}-label`;
          const seatsId = `${id}-${row.key}-seats`;
          return (
            <li key={row.key} className="layout-editor__row">
              <div className="field">
                <label htmlFor={labelId} className="field__label">
                  {t.manage.layout.labelShort}
                </label>
                <input
                  id={labelId}
                  aria-label={t.manage.layout.label(index + 1)}
                  className="input input--short"
                  value={row.label}
                  maxLength={4}
                  autoCapitalize="characters"
                  aria-invalid={errors.label ? true : undefined}
                  aria-describedby={errors.label ? `${labelId}-error` : undefined}
                  onChange={(event) => onChange(changeRow(rows, row.key, { label: event.target.value }))}
                />
                {errors.label ? (
                  <p id={`${labelId}-error`} className="field__error">
                    {errors.label}
                  </p>
                ) : null}
              </div>
              <div className="field">
                <label htmlFor={seatsId} className="field__label">
                  {t.manage.layout.seatsShort}
                </label>
                <input
                  id={seatsId}
                  aria-label={t.manage.layout.seats(index + 1)}
                  className="input input--short"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={MAX_SEATS}
                  value={row.seats}
                  aria-invalid={errors.seats ? true : undefined}
                  aria-describedby={errors.seats ? `${seatsId}-error` : undefined}
                  onChange={(event) => onChange(changeRow(rows, row.key, { seats: event.target.value }))}
                />
                {errors.seats ? (
                  <p id={`${seatsId}-error`} className="field__error">
                    {errors.seats}
                  </p>
                ) : null}
              </div>
              <button
                type="button"
                className="button button--small button--danger-ghost layout-editor__remove"
                onClick={() => onChange(removeRow(rows, row.key))}
              >
                {t.manage.layout.remove}
                <span className="visually-hidden"> {row.label || t.manage.layout.label(index + 1)}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button button--small" onClick={() => onChange(addRow(rows))}>
        {t.manage.layout.add}
      </button>
    </fieldset>
  );
}
