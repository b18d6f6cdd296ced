/**
 * The state of a live connection as people see it: connecting the first time, live, reconnecting
 * after a drop (the stream resumes where it left off), or down when the server refused it.
 */
type LivePhase = 'connecting' | 'live' | 'reconnecting' | 'down';

export interface LiveState {
  phase: LivePhase;
  /** Live at least once, so a new connection attempt is a reconnection. */
  wasLive: boolean;
  /** Live again after a drop: worth saying so, once. */
  recovered: boolean;
}

/** What the subscription reports: tRPC's subscription status, or data arriving; 'reset' when it follows another stream (a new day). */
export type LiveSignal = 'idle' | 'connecting' | 'pending' | 'error' | 'data' | 'reset';

export const initialLiveState: LiveState = { phase: 'connecting', wasLive: false, recovered: false };

export function liveReducer(state: LiveState, signal: LiveSignal): LiveState {
  switch (signal) {
    case 'reset':
      return initialLiveState;
    case 'idle':
      return state;
    case 'connecting':
      return { ...state, phase: state.wasLive ? 'reconnecting' : 'connecting' };
    case 'pending':
    case 'data':
      if (state.phase === 'live') return state;
      return { phase: 'live', wasLive: true, recovered: state.wasLive };
    case 'error':
      return { ...state, phase: 'down' };
  }
}
