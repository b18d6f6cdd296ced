/**
 * The state of a live connection as people see it: connecting the first time, live, reconnecting
 * after a drop (the stream resumes where it left off), or down when the server refused it for good.
 */
type LivePhase = 'connecting' | 'live' | 'reconnecting' | 'down';

export interface LiveState {
  phase: LivePhase;
  /** Live at least once, so a new connection attempt is a reconnection. */
  wasLive: boolean;
  /** Live again after a drop: worth saying so, once. */
  recovered: boolean;
}

/**
 * What happens to a stream: the server confirmed it open (its `ready` came: events flow), it dropped
 * (ended, failed, or the network went; another attempt follows), or it was refused for good (a
 * missing restaurant, a bad token: trying again cannot help).
 */
export type LiveSignal = 'confirmed' | 'dropped' | 'refused';

export const initialLiveState: LiveState = { phase: 'connecting', wasLive: false, recovered: false };

export function liveReducer(state: LiveState, signal: LiveSignal): LiveState {
  switch (signal) {
    case 'confirmed':
      if (state.phase === 'live') return state;
      return { phase: 'live', wasLive: true, recovered: state.wasLive };
    case 'dropped':
      // Not live until the next stream is confirmed; a refusal stays one.
      if (state.phase === 'reconnecting' || state.phase === 'down') return state;
      return { ...state, phase: 'reconnecting', recovered: false };
    case 'refused':
      if (state.phase === 'down') return state;
      return { ...state, phase: 'down', recovered: false };
  }
}
