// @vitest-environment jsdom
import { DEFAULT_TABLE_LABELS } from '@tablebook/api/shared';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FloorMap } from '../src/features/day/FloorMap.tsx';
import { floorRows } from '../src/features/day/floorRows.ts';
import { I18nProvider } from '../src/i18n/I18nProvider.tsx';
import { namedBy } from './support/names.ts';

afterEach(cleanup);

describe('floor rows', () => {
  it('lays the default fifteen tables out as rows A to D', () => {
    expect(floorRows(DEFAULT_TABLE_LABELS)).toEqual([
      { row: 'A', labels: ['A0', 'A1', 'A2', 'A3'] },
      { row: 'B', labels: ['B0', 'B1', 'B2', 'B3'] },
      { row: 'C', labels: ['C0', 'C1', 'C2', 'C3'] },
      { row: 'D', labels: ['D0', 'D1', 'D2'] },
    ]);
  });

  it('draws any list of labels, in natural order', () => {
    expect(floorRows(['T2', 'T10', 'T1', '7', 'b1'])).toEqual([
      { row: '', labels: ['7'] },
      { row: 'B', labels: ['b1'] },
      { row: 'T', labels: ['T1', 'T2', 'T10'] },
    ]);
  });
});

describe('the floor map', () => {
  const picked: string[] = [];
  const layout = DEFAULT_TABLE_LABELS.map((label) => ({ label, seats: label === 'B2' ? 6 : 4 }));
  const renderMap = (props: { taken?: string[]; pendingLabel?: string; readOnly?: boolean; closedAs?: 'closed' | 'full' }) =>
    render(
      <I18nProvider initial="en">
        <FloorMap
          tables={layout}
          closedAs={props.closedAs ?? 'closed'}
          taken={new Set(props.taken ?? [])}
          pendingLabel={props.pendingLabel}
          readOnly={props.readOnly ?? false}
          onPick={(label) => picked.push(label)}
        />
      </I18nProvider>,
    );

  it('shows every table, taken ones as taken, and offers only the free ones', () => {
    picked.length = 0;
    renderMap({ taken: ['A1', 'C3'] });
    const floor = screen.getByRole('group', { name: 'Floor plan' });
    expect(within(floor).getAllByRole('button')).toHaveLength(15);
    const taken = screen.getByRole('button', { name: namedBy('A1', '4 seats', 'Taken') });
    expect(taken.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(taken);
    fireEvent.click(screen.getByRole('button', { name: namedBy('B2', '6 seats', 'Free'), description: 'Book this table' }));
    expect(picked).toEqual(['B2']);
    expect(screen.getByRole('group', { name: 'Row D' })).toBeTruthy();
  });

  it('marks the table being booked as busy and does not offer it twice', () => {
    picked.length = 0;
    renderMap({ pendingLabel: 'D0' });
    const pending = screen.getByRole('button', { name: namedBy('D0', '4 seats', 'Booking…') });
    expect(pending.getAttribute('aria-busy')).toBe('true');
    fireEvent.click(pending);
    expect(picked).toEqual([]);
  });

  it('offers nothing on a past day', () => {
    picked.length = 0;
    renderMap({ readOnly: true, taken: ['A0'] });
    fireEvent.click(screen.getByRole('button', { name: namedBy('A2', '4 seats', 'Closed'), description: 'This day has passed' }));
    expect(picked).toEqual([]);
    expect(screen.getByRole('button', { name: namedBy('A0', '4 seats', 'Taken') })).toBeTruthy();
  });

  it('offers nothing on a full day, and says why on every table', () => {
    picked.length = 0;
    renderMap({ readOnly: true, closedAs: 'full', taken: ['A0'] });
    const table = screen.getByRole('button', { name: namedBy('A2', '4 seats', 'Full'), description: 'No more bookings that day' });
    expect(table.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(table);
    expect(picked).toEqual([]);
  });

  it("draws the restaurant's own layout with its seats", () => {
    render(
      <I18nProvider initial="en">
        <FloorMap
          tables={[
            { label: 'T1', seats: 2 },
            { label: 'T2', seats: 1 },
          ]}
          taken={new Set()}
          onPick={() => undefined}
        />
      </I18nProvider>,
    );
    // The name is the tile's visible text (WCAG 2.5.3), what the state means its description.
    const free = screen.getByRole('button', { name: namedBy('T1', '2 seats', 'Free'), description: 'Book this table' });
    expect(free.textContent?.replaceAll(', ', ' ')).toBe('T1 2 seats Free');
    expect(free.hasAttribute('aria-label')).toBe(false);
    expect(screen.getByRole('button', { name: namedBy('T2', '1 seat', 'Free') })).toBeTruthy();
  });
});
