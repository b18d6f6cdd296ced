import { useEffect, useReducer } from 'react';
import { initialLiveState, liveReducer, type LiveSignal, type LiveState } from './liveState.ts';

/**
 * Follows a subscription's status (from `useSubscription`) into the phases the live pill shows.
 * `stream` names what is followed (the restaurant and day): switching to another one is a fresh
 * start, not a reconnection.
 */
export function useLiveState(status: LiveSignal, stream: string): LiveState {
  const [state, dispatch] = useReducer(liveReducer, initialLiveState);
  useEffect(() => dispatch('reset'), [stream]);
  useEffect(() => dispatch(status), [status, stream]);
  return state;
}
