import { useI18n } from '../i18n/I18nProvider.tsx';
import type { LiveState } from './liveState.ts';

/** A small pill: live, reconnecting or down. Changes are announced politely. */
export function LivePill({ state }: { state: LiveState }) {
  const { t } = useI18n();
  const text = state.phase === 'live' && state.recovered ? t.live.recovered : t.live.phase[state.phase];
  return (
    <p className={`live-pill live-pill--${state.phase}`} role="status" aria-live="polite" title={t.live.hint[state.phase]}>
      <span className="live-pill__dot" aria-hidden="true" />
      {text}
    </p>
  );
}
