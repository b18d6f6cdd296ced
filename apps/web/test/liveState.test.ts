import { describe, expect, it } from 'vitest';
import { initialLiveState, liveReducer, type LiveSignal } from '../src/live/liveState.ts';

const run = (...signals: LiveSignal[]) => signals.reduce(liveReducer, initialLiveState);

describe('the live connection state', () => {
  it('is connecting, then live', () => {
    expect(run('connecting').phase).toBe('connecting');
    expect(run('connecting', 'pending')).toEqual({ phase: 'live', wasLive: true, recovered: false });
  });

  it('reconnects after a drop, and says when it is back', () => {
    expect(run('connecting', 'pending', 'connecting').phase).toBe('reconnecting');
    expect(run('connecting', 'pending', 'connecting', 'pending')).toEqual({ phase: 'live', wasLive: true, recovered: true });
  });

  it('is down when the stream fails for good, and live again when data flows', () => {
    expect(run('connecting', 'error').phase).toBe('down');
    expect(run('connecting', 'error', 'data').phase).toBe('live');
  });

  it('starts afresh when it follows another stream', () => {
    expect(run('connecting', 'pending', 'reset', 'connecting', 'pending')).toEqual({ phase: 'live', wasLive: true, recovered: false });
  });

  it('ignores idle and repeated signals', () => {
    const live = run('connecting', 'pending');
    expect(liveReducer(live, 'idle')).toBe(live);
    expect(liveReducer(live, 'data')).toBe(live);
  });
});
