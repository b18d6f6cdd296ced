import { describe, expect, it } from 'vitest';
import { initialLiveState, liveReducer, type LiveSignal } from '../src/live/liveState.ts';

const run = (...signals: LiveSignal[]) => signals.reduce(liveReducer, initialLiveState);

describe('the live connection state', () => {
  it('is connecting until the server confirms the stream, then live', () => {
    expect(initialLiveState.phase).toBe('connecting');
    expect(run('confirmed')).toEqual({ phase: 'live', wasLive: true, recovered: false });
  });

  it('says Reconnecting while it is not live, and Live only when the reopened stream is confirmed', () => {
    expect(run('confirmed', 'dropped')).toEqual({ phase: 'reconnecting', wasLive: true, recovered: false });
    // Failed attempts keep it reconnecting, however many.
    expect(run('confirmed', 'dropped', 'dropped', 'dropped').phase).toBe('reconnecting');
    expect(run('confirmed', 'dropped', 'dropped', 'confirmed')).toEqual({ phase: 'live', wasLive: true, recovered: true });
  });

  it('reconnects a first connection that failed before it was ever live', () => {
    expect(run('dropped')).toEqual({ phase: 'reconnecting', wasLive: false, recovered: false });
    expect(run('dropped', 'confirmed')).toEqual({ phase: 'live', wasLive: true, recovered: false });
  });

  it('is down when the stream is refused for good, and stays down', () => {
    expect(run('confirmed', 'refused').phase).toBe('down');
    expect(run('refused', 'dropped').phase).toBe('down');
  });

  it('keeps the same state for a repeated signal', () => {
    const live = run('confirmed');
    expect(liveReducer(live, 'confirmed')).toBe(live);
    const reconnecting = run('confirmed', 'dropped');
    expect(liveReducer(reconnecting, 'dropped')).toBe(reconnecting);
  });
});
