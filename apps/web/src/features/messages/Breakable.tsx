import { Fragment } from 'react';

/**
 * An address (a URL, an e-mail) that may wrap where people expect it to: after each "/" and before
 * the "@", not in the middle of a word ("…/hooks/tableboo|k"). A part longer than its column still
 * wraps anywhere (the cell's overflow-wrap).
 */
export function Breakable({ text }: { text: string }) {
  const parts = text.split(/(?<=\/)|(?=@)/);
  return (
    <>
      {parts.map((part, index) => (
        // The parts of one text never reorder: their index is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Fragment key={index}>
          {index > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </>
  );
}
