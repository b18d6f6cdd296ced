/**
 * The cancel link of a booking e-mail: `/cancel?token=...` (PUBLIC_URL + `/cancel?token=` + a signed
 * token that names the booking, issue 17). The page reads the token, then keeps it in the tab's
 * history instead of the address (see `tokenLocation`); the server alone judges it
 * (`guest.cancelByCode({ cancelToken })`, refused with INVALID_CANCEL_TOKEN).
 */

/** The query-string name of the token in the e-mail's link. */
export const TOKEN_PARAM = 'token';

/**
 * The API's own bound on a cancelToken (the server signs 43 characters): anything longer is not a
 * token, and is not sent.
 */
const MAX_TOKEN_LENGTH = 256;

/** The token as the link carried it: trimmed (a mail client may wrap or pad it), or none. */
export function tokenFromText(text: string | null | undefined): string | undefined {
  const token = text?.trim() ?? '';
  return token !== '' && token.length <= MAX_TOKEN_LENGTH ? token : undefined;
}

/** What the page keeps in the tab's history (react-router's location state) once the token is out of the address. */
interface CancelTokenState {
  cancelToken: string;
}

/** The token the tab's history holds, when it does (history state is whatever the tab kept: checked). */
export function tokenFromState(state: unknown): string | undefined {
  const token = (state as Partial<CancelTokenState> | null)?.cancelToken;
  return typeof token === 'string' ? tokenFromText(token) : undefined;
}

/** The link's token: in the address (just opened from the e-mail) or, once read, in the tab's history. */
export function linkedTokenFrom(params: URLSearchParams, state: unknown): string | undefined {
  return tokenFromText(params.get(TOKEN_PARAM)) ?? tokenFromState(state);
}

/**
 * Where the page goes once it has read a token from its address: the same page, the token out of the
 * query string (the other parameters kept) and into the history entry's state, replacing the entry.
 *
 * Why the history state and not simply dropping it: the address bar is what gets copied, shared,
 * photographed, synced to other devices and written to the browser's history list, and the token cancels
 * a booking without any code; out of the address it is out of all of those. But the button must still
 * work after a reload (a guest who reloads before deciding, a phone that reloads a tab in the background):
 * a browser keeps an entry's history state across reloads and back/forward, so the page finds the token
 * there again. What is lost is only a bookmark or a copied address of the page after it loaded, which
 * shows the code form; the e-mail keeps the link itself.
 */
export function tokenLocation(params: URLSearchParams, token: string): { search: string; state: CancelTokenState } {
  const rest = new URLSearchParams(params);
  rest.delete(TOKEN_PARAM);
  const search = rest.toString();
  return { search: search ? `?${search}` : '', state: { cancelToken: token } };
}
