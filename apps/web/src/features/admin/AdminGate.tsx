import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useAdminSession } from '../../api/ApiProvider.tsx';
import { healthQueryOptions } from '../../api/health.ts';
import { useTRPC } from '../../api/trpc.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Loading } from '../../ui/states.tsx';
import { TokenPrompt } from './TokenPrompt.tsx';

/**
 * The door to the administration pages. With the server's administration open (no ADMIN_TOKEN) a
 * banner says anyone can change data; otherwise the pages need a token, asked for up front, and
 * again whenever the server refuses the one given (UNAUTHORIZED anywhere marks it rejected).
 */
export function AdminGate({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const session = useAdminSession();
  const health = useQuery(healthQueryOptions);
  if (health.isPending) return <Loading />;
  // Health unknown (an older server, a proxy): go ahead, and let the first refusal ask for a token.
  const adminOpen = health.data?.adminOpen ?? false;
  const needsToken = session.state.rejected || (!session.state.token && health.data?.adminOpen === false);

  const forgetAdminData = () => {
    queryClient.removeQueries(trpc.restaurant.pathFilter());
    queryClient.removeQueries(trpc.reservation.pathFilter());
    queryClient.removeQueries(trpc.settings.pathFilter());
    queryClient.removeQueries(trpc.message.pathFilter());
    queryClient.removeQueries(trpc.webhook.pathFilter());
  };
  const signIn = (token: string) => {
    forgetAdminData();
    session.signIn(token);
  };
  const signOut = () => {
    session.signOut();
    forgetAdminData();
  };

  return (
    <>
      {adminOpen ? (
        <p className="notice notice--warning admin-open" role="note">
          <strong>{t.admin.openTitle}</strong> {t.admin.openBody}
        </p>
      ) : null}
      {needsToken ? (
        <TokenPrompt rejected={session.state.rejected && session.state.token !== null} onSubmit={signIn} />
      ) : (
        <>
          {session.state.token ? (
            <div className="admin-bar">
              <p>{t.admin.signedIn}</p>
              <button type="button" className="button button--small button--ghost" onClick={signOut}>
                {t.admin.signOut}
              </button>
            </div>
          ) : null}
          {children}
        </>
      )}
    </>
  );
}
