/**
 * The admin token, kept in sessionStorage only: it lasts for this browser session (this tab), never
 * on disk across visits. `rejected` is set when the server answered UNAUTHORIZED with it, so the
 * administration pages ask for another one instead of showing a wall of errors.
 */
export const ADMIN_TOKEN_STORAGE_KEY = 'tablebook.adminToken';

export interface AdminSessionState {
  token: string | null;
  rejected: boolean;
}

export interface AdminSession {
  get(): AdminSessionState;
  /** Stores a token (trimmed) and forgets any earlier refusal. */
  signIn(token: string): void;
  /** Forgets the token. */
  signOut(): void;
  /** The server refused the current token (or the lack of one). */
  markRejected(): void;
  subscribe(listener: () => void): () => void;
  /** The headers for an admin call: none without a token. */
  headers(): Record<string, string>;
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function sessionStorageOrNone(): StorageLike | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    // Storage can be switched off: the token then lives in memory until the page is closed.
    return undefined;
  }
}

export function createAdminSession(storage: StorageLike | undefined = sessionStorageOrNone()): AdminSession {
  const read = () => {
    try {
      return storage?.getItem(ADMIN_TOKEN_STORAGE_KEY) || null;
    } catch {
      return null;
    }
  };
  let state: AdminSessionState = { token: read(), rejected: false };
  const listeners = new Set<() => void>();
  const change = (next: AdminSessionState) => {
    state = next;
    for (const listener of listeners) listener();
  };
  const write = (token: string | null) => {
    try {
      if (token) storage?.setItem(ADMIN_TOKEN_STORAGE_KEY, token);
      else storage?.removeItem(ADMIN_TOKEN_STORAGE_KEY);
    } catch {
      // Kept in memory only.
    }
  };
  return {
    get: () => state,
    signIn(token) {
      const trimmed = token.trim();
      write(trimmed || null);
      change({ token: trimmed || null, rejected: false });
    },
    signOut() {
      write(null);
      change({ token: null, rejected: false });
    },
    markRejected() {
      if (!state.rejected) change({ ...state, rejected: true });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    headers: (): Record<string, string> => (state.token ? { Authorization: `Bearer ${state.token}` } : {}),
  };
}
