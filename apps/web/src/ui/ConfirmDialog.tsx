import { useEffect, useId, useRef, type ReactNode } from 'react';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** 'danger' paints the confirm button red, for actions that destroy data. */
  tone?: 'default' | 'danger';
  /** The body holds a form's fields: focus starts on the first one, and Enter in a field confirms. */
  hasFields?: boolean;
  /** The confirm button is shown busy and cannot be pressed (the answer is on its way). */
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal question asked inside the page. The native <dialog> gives focus trapping, Escape to
 * cancel and an inert background for free; focus starts on Cancel so Enter never confirms by
 * accident, except in a dialog with fields, where it starts on the first field.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  tone = 'default',
  hasFields = false,
  busy = false,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      const firstField = hasFields ? bodyRef.current?.querySelector<HTMLElement>('input, select, textarea') : null;
      (firstField ?? cancelRef.current)?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open, hasFields]);

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop is the mouse's way to cancel; the keyboard's is Escape, which the native dialog raises as the cancel event (onCancel below)
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={hasFields ? undefined : bodyId}
      onCancel={(event) => {
        // Escape: let React state close it, so `open` stays the single source of truth.
        event.preventDefault();
        onCancel();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> itself.
        if (event.target === event.currentTarget) onCancel();
      }}
    >
      <form
        className="dialog__panel"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) onConfirm();
        }}
      >
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <div id={bodyId} ref={bodyRef} className="dialog__body">
          {children}
        </div>
        <div className="dialog__actions">
          <button ref={cancelRef} type="button" className="button button--ghost" onClick={onCancel}>
            {cancelLabel}
          </button>
          <button
            type="submit"
            className={tone === 'danger' ? 'button button--danger' : 'button button--primary'}
            aria-disabled={busy || undefined}
          >
            {confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
