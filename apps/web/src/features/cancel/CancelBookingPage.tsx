import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { paths } from '../../app/paths.ts';
import { problemOf } from '../../api/problems.ts';
import { useTRPC } from '../../api/trpc.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { ProblemNotice, SuccessNotice } from '../../ui/states.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { CancelByLink } from './CancelByLink.tsx';
import { linkedBookingFrom, linkedCodeFrom, linkedStartFrom } from './cancelLink.ts';
import { useCancelledText } from './cancelledText.ts';
import { linkedTokenFrom, TOKEN_PARAM, tokenLocation } from './cancelToken.ts';
import './cancel.css';

/** The API takes codes up to 64 characters (spaces and dashes are ignored). */
const MAX_CODE_LENGTH = 64;

/**
 * The cancel page. From a booking e-mail's link (`/cancel?token=...`) it is one button that cancels the
 * booking the token names (CancelByLink); otherwise the guest types their cancellation code.
 */
export function CancelBookingPage() {
  const { t } = useI18n();
  useDocumentTitle(t.cancel.title, t.app.name);
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const token = linkedTokenFrom(params, location.state);
  const tokenInAddress = token !== undefined && params.has(TOKEN_PARAM);
  useEffect(() => {
    // Read: out of the address, into this history entry's state, where a reload finds it again
    // (cancelToken.ts's tokenLocation says why).
    if (!token || !tokenInAddress) return;
    const next = tokenLocation(params, token);
    navigate({ pathname: location.pathname, search: next.search }, { replace: true, state: next.state });
  }, [token, tokenInAddress, params, location.pathname, navigate]);
  return token ? <CancelByLink token={token} /> : <CancelByCode />;
}

/**
 * A guest cancels their own booking with the cancellation code they were shown when booking: the
 * code alone names it (`guest.cancelByCode`). From the confirmation's link, which carries the
 * booking's ids, the code is checked against that booking (`guest.cancel`), as before; the link also
 * brings the code (in the tab's history, not the address), filled in. The ids are never shown: the
 * guest knows the booking by its restaurant and its code.
 */
function CancelByCode() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const linked = linkedBookingFrom(params);
  const filledCode = linkedCodeFrom(useLocation().state);
  const [code, setCode] = useState(() => (filledCode ?? '').slice(0, MAX_CODE_LENGTH));
  const [missing, setMissing] = useState(false);
  const byCode = useMutation(trpc.guest.cancelByCode.mutationOptions());
  const withIds = useMutation(trpc.guest.cancel.mutationOptions());
  const cancel = linked ? withIds : byCode;
  // The link names the restaurant by id: say its name, so the guest knows which booking this is.
  const restaurant = useQuery({ ...trpc.guest.restaurant.queryOptions({ id: linked?.restaurantId ?? '' }), enabled: linked !== undefined });
  const cancelledText = useCancelledText(linkedStartFrom(params), linked?.reservationId);

  const submit = () => {
    const typed = code.trim();
    setMissing(typed === '');
    if (typed === '' || cancel.isPending) return;
    if (linked) withIds.mutate({ ...linked, cancellationCode: typed });
    else byCode.mutate({ cancellationCode: typed });
  };
  // The only "not found" of a cancel by code is a code that names no booking: said as such.
  const unknownCode = cancel.isError && !linked && problemOf(cancel.error).reason === 'NOT_FOUND';

  return (
    <>
      <header className="page-header">
        <h1 className="page-title">{t.cancel.title}</h1>
        <p className="page-intro">{t.cancel.intro}</p>
      </header>
      <section className="panel panel--narrow" aria-label={t.cancel.title}>
        {byCode.isSuccess ? <SuccessNotice>{cancelledText.byCode(byCode.data)}</SuccessNotice> : null}
        {withIds.isSuccess ? <SuccessNotice>{cancelledText.withIds(withIds.data, restaurant.data?.name)}</SuccessNotice> : null}
        {cancel.isError ? (
          <ProblemNotice error={cancel.error} {...(unknownCode ? { title: t.cancel.unknownCode } : {})} onDismiss={() => cancel.reset()} />
        ) : null}
        {cancel.isSuccess ? (
          <Link className="button button--primary" to={paths.find()}>
            {t.common.backToFind}
          </Link>
        ) : (
          <form
            className="stack"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              submit();
            }}
          >
            {linked ? (
              <div className="cancel-linked">
                <p>{restaurant.data ? t.cancel.linkedAt(restaurant.data.name) : t.cancel.linked}</p>
                {/* A code from another booking than the link's: the code alone finds it. */}
                <Link to={paths.cancel()}>{t.cancel.codeAlone}</Link>
              </div>
            ) : null}
            <TextField
              label={t.cancel.code}
              name="cancellationCode"
              value={code}
              error={missing ? t.cancel.codeRequired : undefined}
              hint={filledCode && code === filledCode ? t.cancel.codeFilled : t.cancel.codeHint}
              autoComplete="off"
              onChange={(value) => {
                setCode(value.slice(0, MAX_CODE_LENGTH));
                setMissing(false);
              }}
            />
            <div className="form-actions">
              <button type="submit" className="button button--danger" aria-disabled={cancel.isPending || undefined}>
                {cancel.isPending ? t.cancel.cancelling : t.cancel.submit}
              </button>
            </div>
          </form>
        )}
      </section>
    </>
  );
}
