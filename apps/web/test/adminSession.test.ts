// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN_STORAGE_KEY, createAdminSession } from '../src/api/adminSession.ts';

afterEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

describe('the admin session', () => {
  it('keeps the token in sessionStorage only, and sends it as a bearer token', () => {
    const session = createAdminSession();
    expect(session.headers()).toEqual({});
    session.signIn('  s3cret  ');
    expect(sessionStorage.getItem(ADMIN_TOKEN_STORAGE_KEY)).toBe('s3cret');
    expect(localStorage.length).toBe(0);
    expect(session.headers()).toEqual({ Authorization: 'Bearer s3cret' });
    // A new page in the same browser session finds it again.
    expect(createAdminSession().get()).toEqual({ token: 's3cret', rejected: false });
  });

  it('forgets the token on sign-out', () => {
    const session = createAdminSession();
    session.signIn('s3cret');
    session.signOut();
    expect(sessionStorage.getItem(ADMIN_TOKEN_STORAGE_KEY)).toBeNull();
    expect(session.get()).toEqual({ token: null, rejected: false });
    expect(session.headers()).toEqual({});
  });

  it('remembers a refusal until another token is given, and tells its listeners', () => {
    const session = createAdminSession();
    const seen: boolean[] = [];
    const stop = session.subscribe(() => seen.push(session.get().rejected));
    session.signIn('wrong');
    session.markRejected();
    session.markRejected();
    expect(session.get()).toEqual({ token: 'wrong', rejected: true });
    session.signIn('right');
    expect(session.get()).toEqual({ token: 'right', rejected: false });
    stop();
    session.signOut();
    expect(seen).toEqual([false, true, false]);
  });

  it('works in memory when storage is switched off', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    const session = createAdminSession(broken);
    session.signIn('s3cret');
    expect(session.headers()).toEqual({ Authorization: 'Bearer s3cret' });
  });
});
