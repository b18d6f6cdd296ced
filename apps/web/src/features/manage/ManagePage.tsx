import { MAX_PAGE_SIZE, type RestaurantOutput } from '@tablebook/api/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTRPC } from '../../api/trpc.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useDebouncedValue } from '../../lib/useDebouncedValue.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { EmptyState, Loading, ProblemNotice, SuccessNotice } from '../../ui/states.tsx';
import { RestaurantForm } from './RestaurantForm.tsx';
import { RestaurantTable } from './RestaurantTable.tsx';

/** Which form is open: none, a new restaurant, or one being edited. */
type Editor = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; restaurant: RestaurantOutput };

export function ManagePage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useDocumentTitle(t.manage.title, t.app.name);
  const searchId = useId();
  const editorRef = useRef<HTMLElement>(null);
  const [editor, setEditor] = useState<Editor>({ mode: 'closed' });
  const [deleting, setDeleting] = useState<RestaurantOutput | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const startWith = useDebouncedValue(search.trim(), 300);

  const restaurants = useQuery({
    ...trpc.restaurant.list.queryOptions({ ...(startWith ? { startWith } : {}), limit: MAX_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const remove = useMutation(
    trpc.restaurant.delete.mutationOptions({
      onSuccess: async ({ id }) => {
        // A deleted restaurant must not linger in an open form, a search result or a cached day view.
        setEditor((current) => (current.mode === 'edit' && current.restaurant.id === id ? { mode: 'closed' } : current));
        queryClient.removeQueries(trpc.restaurant.byId.queryFilter({ id }));
        await Promise.all([
          queryClient.invalidateQueries(trpc.restaurant.list.pathFilter()),
          queryClient.invalidateQueries(trpc.reservation.list.pathFilter()),
          queryClient.invalidateQueries(trpc.guest.pathFilter()),
        ]);
      },
    }),
  );

  const openEditor = (next: Editor) => {
    setNotice(null);
    remove.reset();
    setEditor(next);
    requestAnimationFrame(() => {
      // The keyboard starts at the form's title, not on the button that opened it (still in the list
      // below) or on the body (the "New restaurant" button is gone); also when that form was open already.
      editorRef.current?.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
      // The form opens above the list: bring it into view for whoever clicked far down the list (the
      // document's scroll padding stops it below the sticky header).
      editorRef.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
    });
  };

  const confirmDelete = () => {
    if (!deleting) return;
    const restaurant = deleting;
    setDeleting(null);
    setNotice(null);
    remove.mutate({ id: restaurant.id }, { onSuccess: () => setNotice(t.manage.deleted(restaurant.name)) });
  };

  return (
    <>
      <header className="page-header page-header--with-action">
        <div>
          <h1 className="page-title">{t.manage.title}</h1>
          <p className="page-intro">{t.manage.intro}</p>
        </div>
        {editor.mode === 'closed' ? (
          <button type="button" className="button button--primary" onClick={() => openEditor({ mode: 'create' })}>
            {t.manage.newRestaurant}
          </button>
        ) : null}
      </header>

      {notice ? <SuccessNotice onDismiss={() => setNotice(null)}>{notice}</SuccessNotice> : null}
      {remove.isError ? <ProblemNotice error={remove.error} title={t.manage.deleteFailed} onDismiss={() => remove.reset()} /> : null}

      {editor.mode !== 'closed' ? (
        <section ref={editorRef} className="panel" aria-label={t.manage.editorLabel}>
          <RestaurantForm
            // A different restaurant (or a new one) starts from a fresh form, never from stale fields.
            key={editor.mode === 'edit' ? editor.restaurant.id : 'new'}
            restaurant={editor.mode === 'edit' ? editor.restaurant : undefined}
            onCancel={() => setEditor({ mode: 'closed' })}
            onSaved={(saved) => {
              setEditor({ mode: 'closed' });
              setNotice(editor.mode === 'edit' ? t.manage.saved(saved.name) : t.manage.created(saved.name));
            }}
          />
        </section>
      ) : null}

      <section className="panel" aria-labelledby="manage-list-heading">
        <div className="panel__header">
          <h2 id="manage-list-heading" className="panel__title">
            {t.manage.listTitle}
          </h2>
          <div className="field field--inline">
            <label htmlFor={searchId} className="field__label">
              {t.manage.search}
            </label>
            <input id={searchId} className="input" type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
          </div>
        </div>
        {restaurants.isPending ? <Loading /> : null}
        {restaurants.isError ? <ProblemNotice error={restaurants.error} onRetry={() => void restaurants.refetch()} /> : null}
        {restaurants.isSuccess && restaurants.data.length === 0 ? (
          <EmptyState title={startWith ? t.manage.noMatch(startWith) : t.manage.empty} />
        ) : null}
        {restaurants.isSuccess && restaurants.data.length > 0 ? (
          <div aria-busy={restaurants.isFetching}>
            <RestaurantTable
              restaurants={restaurants.data}
              onEdit={(restaurant) => openEditor({ mode: 'edit', restaurant })}
              onDelete={(restaurant) => {
                setNotice(null);
                setDeleting(restaurant);
              }}
            />
            {restaurants.data.length >= MAX_PAGE_SIZE ? <p className="field__hint">{t.manage.firstOnly(MAX_PAGE_SIZE)}</p> : null}
          </div>
        ) : null}
      </section>

      <ConfirmDialog
        open={deleting !== null}
        tone="danger"
        title={t.manage.deleteTitle(deleting?.name ?? '')}
        confirmLabel={t.manage.deleteAction}
        cancelLabel={t.common.cancel}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      >
        <p>{t.manage.deleteBody}</p>
      </ConfirmDialog>
    </>
  );
}
