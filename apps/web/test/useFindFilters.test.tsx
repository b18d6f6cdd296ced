// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { useFindFilters } from '../src/features/find/useFindFilters.ts';

afterEach(cleanup);

const today = '2026-11-25';

/** The hook under a real router started at `entry`, reporting the location it leads to. */
function renderFilters(entry: string) {
  let router: ReturnType<typeof createMemoryRouter> | undefined;
  const wrapper = ({ children }: { children: ReactNode }) => {
    router ??= createMemoryRouter([{ path: '/', element: children }], { initialEntries: [entry] });
    return <RouterProvider router={router} />;
  };
  const rendered = renderHook(() => ({ filters: useFindFilters(today), location: useLocation() }), { wrapper });
  return { ...rendered, history: () => router!.state.historyAction };
}

describe('useFindFilters: the filters live in the URL', () => {
  it('reads them from the address', () => {
    const { result } = renderFilters('/?city=12&min=2');
    expect(result.current.filters.filters).toEqual({ name: '', cityId: 12, date: today, minPlaces: 2 });
  });

  it('writes changes back, replacing the entry rather than piling up history', () => {
    const { result, history } = renderFilters('/?city=12');
    act(() => result.current.filters.update({ name: 'Casa' }));
    expect(result.current.location.search).toBe('?name=Casa&city=12');
    expect(history()).toBe('REPLACE');
    act(() => result.current.filters.update({ date: '2026-12-24', cityId: undefined }));
    expect(result.current.location.search).toBe('?name=Casa&date=2026-12-24');
    expect(result.current.filters.filters.date).toBe('2026-12-24');
  });

  it('applies successive changes made before a render on top of each other', () => {
    const { result } = renderFilters('/');
    act(() => {
      result.current.filters.update({ name: 'La' });
      result.current.filters.update({ minPlaces: 4 });
    });
    expect(result.current.location.search).toBe('?name=La&min=4');
  });

  it('resets to the defaults', () => {
    const { result } = renderFilters('/?name=La&city=3&date=2026-12-24&min=4');
    act(() => result.current.filters.reset());
    expect(result.current.location.search).toBe('');
    expect(result.current.filters.filters).toEqual({ name: '', cityId: undefined, date: today, minPlaces: undefined });
  });
});
