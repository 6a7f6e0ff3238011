// The one-time code card shared by team invites and device pairing: the code
// (an <output> named by its label), when it expires, a copy button and the
// screen's own further buttons. Used only by the lazy sync and team settings
// sections, so scripts/js-size.mjs counts it with sync, never in "all".
import type { ReactNode } from 'react';
import { copyCaseText } from './clipboard';
import { useFocusOnMount } from './focus';

export function OneTimeCode(props: {
  /** The code's name: written before it and the output's accessible name. */
  label: string;
  code: string;
  /** The sentence that says when the code expires. */
  expiry: string;
  copyLabel: string;
  /** True when the code is on the clipboard, false when the platform refused. */
  onCopied: (copied: boolean) => void;
  /** Further buttons after "copy" (another code, cancel). */
  children?: ReactNode;
}) {
  // The card appears when the code was just made (its form, and the button pressed, are gone): the
  // code takes focus, so a screen reader reads it and the next Tab is "copy".
  const output = useFocusOnMount<HTMLOutputElement>();
  // Through copyCaseText, so the code (with the account, the key to the whole logbook) leaves the
  // clipboard when the vault locks, like a copied summary.
  async function copy() {
    props.onCopied(await copyCaseText(props.code));
  }
  return (
    <>
      <p>
        {props.label}:{' '}
        <output className="sync-pair-code" aria-label={props.label} ref={output} tabIndex={-1}>
          {props.code}
        </output>
      </p>
      <p>{props.expiry}</p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void copy()}>
          {props.copyLabel}
        </button>
        {props.children}
      </div>
    </>
  );
}
