import { useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import { ApiProvider } from '../api/ApiProvider.tsx';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { createAppRouter } from './router.tsx';

export function App() {
  const [router] = useState(createAppRouter);
  return (
    <I18nProvider>
      <ApiProvider>
        <RouterProvider router={router} />
      </ApiProvider>
    </I18nProvider>
  );
}
