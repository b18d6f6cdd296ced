import { useEffect, useReducer, useRef } from 'react';
import { initialLiveState, liveReducer, type LiveSignal, type LiveState } from './liveState.ts';

/**
 * Follows a subscription's status (from `useSubscription`) into the phases the live pill shows.
 * `stream` names what is followed (the restaurant and day): switching to another one is a fresh
 * start, not a reconnection.
 */
export function useLiveState(status: LiveSignal, stream: string): LiveState {
  const [state, dispatch] = useReducer(liveReducer, initialLiveState);
  const followed = useRef(stream);
  useEffect(() => {
    // Another stream: start afresh, then take its status (even one equal to the last stream's).
    if (followed.current !== stream) {
      followed.current = stream;
      dispatch('reset');
    }
    dispatch(status);
  }, [status, stream]);
  return state;
}
