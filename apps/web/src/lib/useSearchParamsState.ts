import { useCallback, useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The query string as page state. React Router hands a functional update the params of the last
 * render, so two changes in one event would lose the first; here each change builds on the last
 * one written. Changes replace the history entry: typing must not fill the back button's history.
 */
export function useSearchParamsState() {
  const [params, setParams] = useSearchParams();
  const latest = useRef(params);
  useEffect(() => {
    latest.current = params;
  }, [params]);

  const change = useCallback(
    (edit: (current: URLSearchParams) => URLSearchParams) => {
      const next = edit(new URLSearchParams(latest.current));
      latest.current = next;
      setParams(next, { replace: true });
    },
    [setParams],
  );
  return [params, change] as const;
}
