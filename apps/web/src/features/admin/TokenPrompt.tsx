import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { TextField } from '../../ui/TextField.tsx';

interface TokenPromptProps {
  /** The server refused the token given: say so, and ask for another. */
  rejected: boolean;
  onSubmit: (token: string) => void;
}

/** Asks for the admin token; it is kept for this browser session only. */
export function TokenPrompt({ rejected, onSubmit }: TokenPromptProps) {
  const { t } = useI18n();
  const [token, setToken] = useState('');
  const [empty, setEmpty] = useState(false);
  return (
    <section className="panel panel--narrow token-prompt" aria-labelledby="token-heading">
      <h1 id="token-heading" className="page-title">
        {rejected ? t.admin.rejectedTitle : t.admin.promptTitle}
      </h1>
      {rejected ? (
        <p className="notice notice--error" role="alert">
          {t.admin.rejectedBody}
        </p>
      ) : null}
      <p>{t.admin.promptBody}</p>
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (token.trim() === '') {
            setEmpty(true);
            return;
          }
          onSubmit(token);
        }}
      >
        <TextField
          label={t.admin.tokenLabel}
          name="adminToken"
          type="password"
          autoComplete="current-password"
          value={token}
          error={empty ? t.manage.validation.required : undefined}
          hint={t.admin.tokenHint}
          onChange={(value) => {
            setToken(value);
            setEmpty(false);
          }}
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            {t.admin.signIn}
          </button>
        </div>
      </form>
    </section>
  );
}
