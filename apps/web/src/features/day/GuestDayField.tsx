import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { CalendarDay } from '../../lib/days.ts';
import { DayField } from '../../ui/DayField.tsx';

interface GuestDayFieldProps {
  value: CalendarDay;
  /** Today in the restaurant's zone: the earliest day offered. */
  today: CalendarDay;
  onChange: (day: CalendarDay) => void;
}

/**
 * The day a guest picks on a restaurant's day page, with the previous and next day beside it. Both
 * day pages (whole days and times) use this one field, so neither offers a day that has passed
 * there: the picker's `min` and a disabled "Previous day" at the restaurant's today.
 */
export function GuestDayField({ value, today, onChange }: GuestDayFieldProps) {
  const { t } = useI18n();
  return <DayField label={t.common.date} value={value} min={today} stepper onChange={onChange} />;
}
